/** Totals for the current filter (side panel): cases, regencies audited, top primary causes. */
import { placePeriodGroupWhere, type QueryFilters } from './filters.ts';

export interface SummaryRow {
  cases: number;
  regencies: number;
  concluded: number;
  sensitive: number;
  top_cause: string | null;
  top_cause_n: number | null;
}

/** Primary causes per period/group: per province, or per regency when one is selected (pre-aggregates). */
const primaryTable = (f: QueryFilters) => (f.regency ? 'agg_primary' : 'agg_primary_prov');

/**
 * One row. `concluded` = cases with a primary cause; `sensitive` = of those, nutrition-sensitive.
 * Reads the pre-aggregates (src/lib/snapshot/aggregates.ts), with the results of counting case rows.
 */
export function summarySql(f: QueryFilters): string {
  const where = placePeriodGroupWhere(f, { regency: true });
  return `WITH f AS (SELECT regency_code, n, n_concluded, n_sensitive FROM agg_cases WHERE ${where}),
top AS (SELECT primary_cause, sum(n)::INTEGER AS n FROM ${primaryTable(f)} WHERE ${where}
        GROUP BY primary_cause ORDER BY n DESC, primary_cause LIMIT 1)
SELECT coalesce(sum(n), 0)::INTEGER AS cases,
       count(DISTINCT regency_code)::INTEGER AS regencies,
       coalesce(sum(n_concluded), 0)::INTEGER AS concluded,
       coalesce(sum(n_sensitive), 0)::INTEGER AS sensitive,
       (SELECT primary_cause FROM top) AS top_cause,
       (SELECT n FROM top) AS top_cause_n
FROM f`;
}

export interface TopCauseRow {
  cause: string;
  n: number;
}

/** The most frequent primary causes (ties by code, so the order is stable). */
export function topCausesSql(f: QueryFilters, limit = 5): string {
  const lim = Math.max(1, Math.min(50, Math.trunc(limit)));
  return `SELECT primary_cause AS cause, sum(n)::INTEGER AS n
FROM ${primaryTable(f)} WHERE ${placePeriodGroupWhere(f, { regency: true })} AND primary_cause IS NOT NULL
GROUP BY primary_cause ORDER BY n DESC, cause LIMIT ${lim}`;
}
