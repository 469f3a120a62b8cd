/**
 * The cause × region matrix at the map level (provinces nationally, kabupaten/kota inside a province):
 * rows (code, cause, n, total) with total = concluded cases of the region. Causes a region never had
 * have no row (a share of 0 when total > 0). Also the basis of the ranking's top causes.
 */
import { placePeriodGroupWhere, regionColumn, type QueryFilters } from '../filters.ts';
import { modeWhere, type CauseMode } from './common.ts';

export interface MatrixRow {
  code: string;
  cause: string;
  n: number;
  total: number;
}

export function causeMatrixSql(f: QueryFilters, mode: CauseMode): string {
  const col = regionColumn(f);
  const where = placePeriodGroupWhere(f);
  return `SELECT code, cause, n, n_key, total, total_key FROM
  (SELECT ${col} AS code, cause_code AS cause, count(DISTINCT case_id)::INTEGER AS n, sum(record_key)::BIGINT AS n_key
   FROM case_causes WHERE ${where} AND ${modeWhere(mode)} GROUP BY ${col}, cause_code) c
  JOIN (SELECT code, count(*)::INTEGER AS total, sum(k)::BIGINT AS total_key
    FROM (SELECT ${col} AS code, case_id, any_value(record_key) AS k FROM case_causes WHERE ${where} GROUP BY ${col}, case_id) GROUP BY code) t USING (code)
ORDER BY code, cause`;
}
