/**
 * Notable regions: whose cause profile departs most from their parent's (regencies vs their province
 * inside a province; provinces vs Indonesia nationally). For each region r with at least `minCases`
 * concluded cases and each cause c:
 *
 *   expected E = total(r) × n(parent, c) / total(parent)      observed O = n(r, c)
 *   standardized residual z = (O − E) / √E                      (Pearson residual of the r × c table)
 *
 * A region's score is its largest z, and the cause behind it is what makes it notable; the list is
 * the regions with the largest scores (z > `minZ`, 2 by default: about twice the chance spread).
 */
import { InvalidFilterError, placePeriodGroupWhere, regionColumn, type QueryFilters } from '../filters.ts';
import { modeWhere, type CauseMode } from './common.ts';

export interface NotableRow {
  code: string;
  cause: string;
  observed: number;
  total: number;
  expected: number;
  z: number;
  /** 0–100: observed / total */
  share: number;
  /** 0–100: the parent's share for the cause */
  parent_share: number;
}

export const MIN_CASES = 20;

export interface NotableOptions {
  minCases?: number;
  minZ?: number;
  limit?: number;
}

function bounded(n: number, min: number, max: number): number {
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidFilterError(`Out of range: ${n}`);
  return n;
}

export function notableSql(f: QueryFilters, mode: CauseMode, opts: NotableOptions = {}): string {
  const minCases = Math.trunc(bounded(opts.minCases ?? MIN_CASES, 1, 1_000_000));
  const minZ = bounded(opts.minZ ?? 2, -1000, 1000);
  const limit = Math.trunc(bounded(opts.limit ?? 10, 1, 1000));
  const col = regionColumn(f);
  const where = placePeriodGroupWhere(f);
  return `WITH b AS (SELECT ${col} AS code, case_id, cause_code FROM case_causes WHERE ${where} AND ${modeWhere(mode)}),
tot AS (SELECT ${col} AS code, count(DISTINCT case_id) AS total FROM case_causes WHERE ${where} GROUP BY ${col}),
pt AS (SELECT count(DISTINCT case_id) AS ptotal FROM case_causes WHERE ${where}),
pn AS (SELECT cause_code AS cause, count(DISTINCT case_id) AS pn FROM b GROUP BY cause_code),
obs AS (SELECT code, cause_code AS cause, count(DISTINCT case_id) AS n FROM b GROUP BY code, cause_code),
cells AS (SELECT tot.code, pn.cause, coalesce(obs.n, 0) AS observed, tot.total, tot.total * pn.pn / pt.ptotal AS expected,
    pn.pn / pt.ptotal AS parent_p
  FROM tot CROSS JOIN pn CROSS JOIN pt LEFT JOIN obs ON obs.code = tot.code AND obs.cause = pn.cause
  WHERE tot.total >= ${minCases}),
scored AS (SELECT *, (observed - expected) / sqrt(expected) AS z,
    row_number() OVER (PARTITION BY code ORDER BY (observed - expected) / sqrt(expected) DESC, cause) AS k FROM cells)
SELECT code, cause, observed::INTEGER AS observed, total::INTEGER AS total, expected::DOUBLE AS expected, z::DOUBLE AS z,
  (100.0 * observed / total)::DOUBLE AS share, (100.0 * parent_p)::DOUBLE AS parent_share
FROM scored WHERE k = 1 AND z > ${minZ}
ORDER BY z DESC, code LIMIT ${limit}`;
}
