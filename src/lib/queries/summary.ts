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

/** One row. `concluded` = cases with a primary cause; `sensitive` = of those, nutrition-sensitive. */
export function summarySql(f: QueryFilters): string {
  return `WITH f AS (SELECT regency_code, primary_cause, primary_class FROM cases WHERE ${placePeriodGroupWhere(f, { regency: true })}),
top AS (SELECT primary_cause, count(*)::INTEGER AS n FROM f WHERE primary_cause IS NOT NULL
        GROUP BY primary_cause ORDER BY n DESC, primary_cause LIMIT 1)
SELECT (SELECT count(*) FROM f)::INTEGER AS cases,
       (SELECT count(DISTINCT regency_code) FROM f)::INTEGER AS regencies,
       (SELECT count(*) FROM f WHERE primary_cause IS NOT NULL)::INTEGER AS concluded,
       (SELECT count(*) FROM f WHERE primary_class = 'sensitif')::INTEGER AS sensitive,
       (SELECT primary_cause FROM top) AS top_cause,
       (SELECT n FROM top) AS top_cause_n`;
}

export interface TopCauseRow {
  cause: string;
  n: number;
}

/** The most frequent primary causes (ties by code, so the order is stable). */
export function topCausesSql(f: QueryFilters, limit = 5): string {
  const lim = Math.max(1, Math.min(50, Math.trunc(limit)));
  return `SELECT primary_cause AS cause, count(*)::INTEGER AS n
FROM cases WHERE ${placePeriodGroupWhere(f, { regency: true })} AND primary_cause IS NOT NULL
GROUP BY primary_cause ORDER BY n DESC, cause LIMIT ${lim}`;
}
