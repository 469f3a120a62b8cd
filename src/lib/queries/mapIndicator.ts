/**
 * The map's values: one row per region at the current level (`code`, `value`, `n` = records behind the
 * value). Shares are percentages 0–100 of the cases with an expert-panel conclusion (a primary cause).
 * Regions without rows have no data. Prevalence comes from the published table, for one survey-year.
 * The case indicators read the pre-aggregates (src/lib/snapshot/aggregates.ts): the same results as
 * counting the case rows (aggregates.spec.ts), from a few thousand rows whatever the number of cases.
 */
import { checkCause, checkProvince, checkSurvey, placePeriodGroupWhere, regionColumn, type QueryFilters, type SurveyYear } from './filters.ts';

/**
 * Every case indicator's rows also carry `n_key` (the key sum of the n records) and, for shares, the
 * count with the attribute `k` and its `k_key`: public-safe mode publishes n and k by their cell keys
 * in the database and recomputes the share from them (src/lib/privacy/mapValues.ts: discloseMapSql).
 */
export interface MapRow {
  code: string;
  value: number | null;
  n: number;
  /** Prevalence only: set when the figure is for a pre-2022 boundary (Papua before the split). */
  boundary_note?: string | null;
  /** Calendar indicators: the semester the values are for (the period filter, or the latest semester). */
  year?: number;
  semester?: number;
}

export function casesSql(f: QueryFilters): string {
  const col = regionColumn(f);
  return `SELECT ${col} AS code, sum(n)::INTEGER AS value, sum(n)::INTEGER AS n, sum(n_key)::BIGINT AS n_key
FROM agg_cases WHERE ${placePeriodGroupWhere(f)}
GROUP BY ${col} ORDER BY code`;
}

export function sensitiveShareSql(f: QueryFilters): string {
  const col = regionColumn(f);
  return `SELECT ${col} AS code,
  100.0 * sum(n_sensitive)::BIGINT / sum(n_classed)::BIGINT AS value, sum(n_classed)::INTEGER AS n, sum(n_classed_key)::BIGINT AS n_key,
  sum(n_sensitive)::INTEGER AS k, sum(n_sensitive_key)::BIGINT AS k_key
FROM agg_cases WHERE ${placePeriodGroupWhere(f)}
GROUP BY ${col} HAVING sum(n_classed) > 0 ORDER BY code`;
}

/**
 * Share of concluded cases with the cause: by default (`causeMode` 'primary') as their primary cause,
 * with 'any' among any of their causes — the same shares as the Causes view's tables in that mode
 * (case_causes repeats place and period; every concluded case has exactly one primary cause).
 */
export function causeShareSql(f: QueryFilters): string {
  const col = regionColumn(f);
  const cause = checkCause(f.cause);
  const where = placePeriodGroupWhere(f);
  const k =
    (f.causeMode ?? 'primary') === 'any'
      ? `SELECT ${col} AS code, sum(n)::BIGINT AS k, sum(n_key)::BIGINT AS k_key FROM agg_causes WHERE cause_code = ${cause} AND ${where} GROUP BY ${col}`
      : `SELECT ${col} AS code, sum(n)::BIGINT AS k, sum(n_key)::BIGINT AS k_key FROM agg_primary WHERE primary_cause = ${cause} AND ${where} GROUP BY ${col}`;
  return `WITH t AS (SELECT ${col} AS code, sum(n)::BIGINT AS n, sum(n_key)::BIGINT AS n_key FROM agg_cause_cases WHERE ${where} GROUP BY ${col}),
c AS (${k})
SELECT t.code, 100.0 * coalesce(c.k, 0) / t.n AS value, t.n::INTEGER AS n, t.n_key, coalesce(c.k, 0)::INTEGER AS k, coalesce(c.k_key, 0)::BIGINT AS k_key
FROM t LEFT JOIN c ON c.code IS NOT DISTINCT FROM t.code
ORDER BY t.code`;
}

/**
 * Published prevalence for one survey-year at the map level. Papua rows of SSGI 2021/2022 carry a
 * boundary_note (pre-2022 boundary) and keep their old province code: they colour only that province,
 * never the provinces split from it.
 */
export function prevalenceSql(f: QueryFilters, s: SurveyYear): string {
  const { survey, year } = checkSurvey(s);
  const where = f.province === null ? `level = 'province'` : `level = 'regency' AND province_code = ${checkProvince(f.province)}`;
  return `SELECT region_code AS code, prevalence_pct AS value, 1 AS n, boundary_note
FROM prevalence WHERE ${where} AND survey = ${survey} AND year = ${year}
ORDER BY code`;
}

