/**
 * The follow-up funnel for the current place (province, or the selected regency), period and target
 * group: recommendations made → delivered → followed up, by intervention type or by responsible agency
 * (OPD), each split by intervention class (nutrition-specific / -sensitive).
 */
import { placePeriodGroupWhere, type QueryFilters } from '../filters.ts';
import { DELIVERED, FOLLOWED_UP, pastDue } from './common.ts';

export const FUNNEL_GROUPINGS = ['type', 'agency'] as const;
export type FunnelGrouping = (typeof FUNNEL_GROUPINGS)[number];
const COLUMN: Record<FunnelGrouping, string> = { type: 'intervention_code', agency: 'agency_code' };

export interface FunnelRow {
  /** intervention_code or agency_code */
  key: string;
  cls: 'spesifik' | 'sensitif';
  recommended: number;
  delivered: number;
  followed_up: number;
  past_due: number;
}

export function funnelSql(f: QueryFilters, by: FunnelGrouping, dataDate: string | null): string {
  const col = COLUMN[by];
  if (!col) throw new Error(`Unknown grouping ${String(by)}`);
  return `SELECT ${col} AS key, intervention_class AS cls,
  count(*)::INTEGER AS recommended,
  count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS delivered,
  count(*) FILTER (WHERE ${FOLLOWED_UP})::INTEGER AS followed_up,
  count(*) FILTER (WHERE ${pastDue(dataDate)})::INTEGER AS past_due
FROM recommendations WHERE ${placePeriodGroupWhere(f, { regency: true })}
GROUP BY ${col}, intervention_class ORDER BY key, cls`;
}

export interface FunnelTotals {
  recommended: number;
  delivered: number;
  followed_up: number;
  past_due: number;
}

/** Sums rows (e.g. all, or one class). */
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
