/**
 * Timeliness: days from the expert review (recommended_date) to delivery (delivered_date) per
 * intervention type, as quantiles over the delivered recommendations of the current place, period and
 * group. Aggregates only. The counts (n, late) carry their key sums (`n_key`, `late_key`); in public
 * mode `discloseTimelinessSql` publishes them in the database and withholds the quantiles of a type
 * whose n is hidden (they would describe a handful of deliveries).
 */
import { placePeriodGroupWhere, type QueryFilters } from '../filters.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';

export const TIMELINESS_COUNTS = ['n', 'late'] as const;

export interface TimelinessRow {
  intervention: string;
  cls: 'spesifik' | 'sensitif';
  /** delivered recommendations behind the quantiles */
  n: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  /** delivered after their due date */
  late: number;
}

export function timelinessSql(f: QueryFilters): string {
  const days = `date_diff('day', recommended_date, delivered_date)`;
  return `SELECT intervention_code AS intervention, intervention_class AS cls, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS n_key,
  quantile_cont(${days}, 0.25)::DOUBLE AS p25,
  quantile_cont(${days}, 0.5)::DOUBLE AS p50,
  quantile_cont(${days}, 0.75)::DOUBLE AS p75,
  quantile_cont(${days}, 0.9)::DOUBLE AS p90,
  count(*) FILTER (WHERE delivered_date > due_date)::INTEGER AS late,
  coalesce(sum(record_key) FILTER (WHERE delivered_date > due_date), 0)::BIGINT AS late_key
FROM recommendations WHERE ${placePeriodGroupWhere(f, { regency: true })} AND delivered_date IS NOT NULL
GROUP BY intervention_code, intervention_class ORDER BY intervention`;
}

/** The timeliness query as a disclosure runs it: published n and late, quantiles only beside a shown n. */
export function discloseTimelinessSql(f: QueryFilters, d: Disclosure): string {
  const sql = discloseSql(timelinessSql(f), TIMELINESS_COUNTS, d);
  if (!d.public) return sql;
  const q = ['p25', 'p50', 'p75', 'p90'].map((c) => `CASE WHEN t.n IS NULL THEN NULL ELSE t.${c} END AS ${c}`).join(', ');
  return `SELECT * REPLACE (${q}) FROM (${sql}) AS t`;
}
