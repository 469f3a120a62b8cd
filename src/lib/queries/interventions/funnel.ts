/**
 * The follow-up funnel for the current place (province, or the selected regency), period and target
 * group: recommendations made → delivered → followed up, by intervention type or by responsible agency
 * (OPD), each split by intervention class (nutrition-specific / -sensitive). Each count has the sum of
 * its recommendation rows' `record_key` beside it (`*_key`) for public-safe mode (`discloseSql`,
 * src/lib/privacy/ptable.ts). The class totals (key '') and the overall total (key '', cls '') are
 * rows of their own (GROUPING SETS): public mode publishes them as cells, never as sums of published
 * cells.
 */
import { placePeriodGroupWhere, type QueryFilters } from '../filters.ts';
import { DELIVERED, FOLLOWED_UP, pastDue } from './common.ts';

export const FUNNEL_GROUPINGS = ['type', 'agency'] as const;
export type FunnelGrouping = (typeof FUNNEL_GROUPINGS)[number];
const COLUMN: Record<FunnelGrouping, string> = { type: 'intervention_code', agency: 'agency_code' };

/** The count columns of the funnel and region queries (each with a `_key` column). */
export const FUNNEL_COUNTS = ['recommended', 'delivered', 'followed_up', 'past_due'] as const;

export interface FunnelRow {
  /** intervention_code or agency_code; '' for a class total or the overall total */
  key: string;
  /** '' for the overall total */
  cls: 'spesifik' | 'sensitif' | '';
  recommended: number;
  delivered: number;
  followed_up: number;
  past_due: number;
}

/** count(*) FILTER (…) with its key sum, for each funnel count. */
export function funnelCountsSql(dataDate: string | null): string {
  const parts: [string, string][] = [['recommended', 'TRUE'], ['delivered', DELIVERED], ['followed_up', FOLLOWED_UP], ['past_due', pastDue(dataDate)]];
  return parts
    .map(([c, w]) => `count(*) FILTER (WHERE ${w})::INTEGER AS ${c}, coalesce(sum(record_key) FILTER (WHERE ${w}), 0)::BIGINT AS ${c}_key`)
    .join(',\n  ');
}

export function funnelSql(f: QueryFilters, by: FunnelGrouping, dataDate: string | null): string {
  const col = COLUMN[by];
  if (!col) throw new Error(`Unknown grouping ${String(by)}`);
  return `SELECT coalesce(${col}, '') AS key, coalesce(intervention_class, '') AS cls,
  ${funnelCountsSql(dataDate)}
FROM recommendations WHERE ${placePeriodGroupWhere(f, { regency: true })}
GROUP BY GROUPING SETS ((${col}, intervention_class), (intervention_class), ()) ORDER BY key, cls`;
}

export interface FunnelTotals {
  recommended: number;
  delivered: number;
  followed_up: number;
  past_due: number;
}

/** Sums rows (e.g. all, or one class). Exact counts only: public mode never adds published cells. */
export function sumFunnel(rows: readonly FunnelRow[]): FunnelTotals {
  const t: FunnelTotals = { recommended: 0, delivered: 0, followed_up: 0, past_due: 0 };
  for (const r of rows) {
    t.recommended += r.recommended;
    t.delivered += r.delivered;
    t.followed_up += r.followed_up;
    t.past_due += r.past_due;
  }
  return t;
}
