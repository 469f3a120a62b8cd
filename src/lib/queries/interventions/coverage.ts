/**
 * Coverage: the share of recommendations delivered (status delivered or followed_up), by region at the
 * map level. `coverageByRegionSql` is the reusable per-region table (recommended, delivered, followed
 * up, coverage %, past due) that other views can join on `code`, each count with its key sum
 * (`*_key`, public-safe mode: `discloseSql` with FUNNEL_COUNTS, dropping REGION_DERIVED, which come
 * from true counts); `coverageMapSql` feeds the map indicator 'coverage' (value = coverage %, n =
 * recommendations behind it).
 */
import { placePeriodGroupWhere, regionColumn, type QueryFilters } from '../filters.ts';
import { DELIVERED, pastDue } from './common.ts';
import { funnelCountsSql } from './funnel.ts';

/** Columns of the region rows computed from true counts: left out in public mode (discloseSql `drop`). */
export const REGION_DERIVED = ['coverage', 'open'] as const;

export interface CoverageRegionRow {
  code: string;
  recommended: number;
  delivered: number;
  followed_up: number;
  /** 0–100 */
  coverage: number;
  /** Not delivered, due before the data date. */
  past_due: number;
  /** Not delivered (planned), whether due or not. */
  open: number;
}

export function coverageByRegionSql(f: QueryFilters, dataDate: string | null): string {
  const col = regionColumn(f);
  return `SELECT ${col} AS code,
  ${funnelCountsSql(dataDate)},
  100.0 * count(*) FILTER (WHERE ${DELIVERED}) / count(*) AS coverage,
  count(*) FILTER (WHERE status = 'planned')::INTEGER AS open
FROM recommendations WHERE ${placePeriodGroupWhere(f)}
GROUP BY ${col} ORDER BY code`;
}

/** Map indicator rows (code, value, n). */
export function coverageMapSql(f: QueryFilters): string {
  const col = regionColumn(f);
  return `SELECT ${col} AS code, 100.0 * count(*) FILTER (WHERE ${DELIVERED}) / count(*) AS value, count(*)::INTEGER AS n,
  sum(record_key)::BIGINT AS n_key, count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS k, coalesce(sum(record_key) FILTER (WHERE ${DELIVERED}), 0)::BIGINT AS k_key
FROM recommendations WHERE ${placePeriodGroupWhere(f)}
GROUP BY ${col} ORDER BY code`;
}
