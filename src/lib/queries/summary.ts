/** Totals for the current filter (side panel): cases, regencies audited, top primary causes. */
import { placePeriodGroupWhere, type QueryFilters } from './filters.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';

/** Count columns of the summary (each with a `_key`); in public mode top_cause(_n) are left out (ranked on true counts). */
export const SUMMARY_COUNTS = ['cases', 'concluded', 'sensitive'] as const;
export const SUMMARY_DERIVED = ['top_cause', 'top_cause_n'] as const;

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
  return `WITH f AS (SELECT regency_code, n, n_concluded, n_sensitive, n_key, n_concluded_key, n_sensitive_key FROM agg_cases WHERE ${where}),
top AS (SELECT primary_cause, sum(n)::INTEGER AS n FROM ${primaryTable(f)} WHERE ${where}
        GROUP BY primary_cause ORDER BY n DESC, primary_cause LIMIT 1)
SELECT coalesce(sum(n), 0)::INTEGER AS cases,
       count(DISTINCT regency_code)::INTEGER AS regencies,
       coalesce(sum(n_concluded), 0)::INTEGER AS concluded,
       coalesce(sum(n_sensitive), 0)::INTEGER AS sensitive,
       coalesce(sum(n_key), 0)::BIGINT AS cases_key, coalesce(sum(n_concluded_key), 0)::BIGINT AS concluded_key,
       coalesce(sum(n_sensitive_key), 0)::BIGINT AS sensitive_key,
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
  return `SELECT primary_cause AS cause, sum(n)::INTEGER AS n, sum(n_key)::BIGINT AS n_key
FROM ${primaryTable(f)} WHERE ${placePeriodGroupWhere(f, { regency: true })} AND primary_cause IS NOT NULL
GROUP BY primary_cause ORDER BY n DESC, cause LIMIT ${lim}`;
}

/** The top causes as public mode ranks them: on their published counts (hidden ones last), never the true ones. */
export function topCausesPublicSql(f: QueryFilters, d: { public: boolean; threshold: number }, limit = 5): string {
  if (!d.public) return topCausesSql(f, limit);
  const lim = Math.max(1, Math.min(50, Math.trunc(limit)));
  return discloseSql(topCausesSql(f, 50), ['n'], d, { tail: `ORDER BY n DESC NULLS LAST, cause LIMIT ${lim}` });
}
