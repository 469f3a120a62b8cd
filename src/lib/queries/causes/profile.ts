/**
 * Cause profiles at the comparison scopes (selected regency, its province, Indonesia): for the current
 * filters (`causeScopesSql`) and per semester for the trend (`causeTrendSql`, period filter ignored).
 * Rows: (scope, [year, semester,] cause, cls, n, total) where n = concluded cases counted under the
 * cause (see common.ts for the modes) and total = concluded cases of that scope (and semester). Each
 * count has its key sum beside it (`n_key`, `total_key`) for public-safe mode (`discloseSql`,
 * src/lib/privacy/ptable.ts).
 */
import type { QueryFilters } from '../filters.ts';
import { modeWhere, scopesOf, scopeWhere, type CauseMode, type Scope } from './common.ts';

/** The count columns of the profile and matrix queries (each with a `_key` column). */
export const CAUSE_COUNTS = ['n', 'total'] as const;

export interface ScopeCauseRow {
  scope: Scope;
  cause: string;
  cls: 'spesifik' | 'sensitif';
  n: number;
  total: number;
}
export interface TrendCauseRow extends ScopeCauseRow {
  year: number;
  semester: number;
}

function scopeSql(f: QueryFilters, mode: CauseMode, scope: Scope, byPeriod: boolean): string {
  const where = scopeWhere(f, scope, !byPeriod);
  const sel = byPeriod ? 'year, semester, ' : '';
  const totals = `(SELECT ${sel}count(*)::INTEGER AS total, sum(k)::BIGINT AS total_key
    FROM (SELECT ${sel}case_id, any_value(record_key) AS k FROM case_causes WHERE ${where} GROUP BY ${sel}case_id)${byPeriod ? ' GROUP BY year, semester' : ''}) t`;
  return `SELECT '${scope}' AS scope, ${sel}cause, cls, n, n_key, total, total_key FROM
  (SELECT ${sel}cause_code AS cause, any_value(cause_class) AS cls, count(DISTINCT case_id)::INTEGER AS n, sum(record_key)::BIGINT AS n_key
   FROM case_causes WHERE ${where} AND ${modeWhere(mode)} GROUP BY ${sel}cause_code) c
  ${byPeriod ? `JOIN ${totals} USING (year, semester)` : `CROSS JOIN ${totals}`}`;
}

/** The cause profile at every scope for the current filters (period included). */
export function causeScopesSql(f: QueryFilters, mode: CauseMode): string {
  return `${scopesOf(f).map((s) => scopeSql(f, mode, s, false)).join('\nUNION ALL\n')}
ORDER BY scope, cause`;
}

/** The cause profile per semester at every scope (all semesters, whatever the period filter). */
export function causeTrendSql(f: QueryFilters, mode: CauseMode): string {
  return `${scopesOf(f).map((s) => scopeSql(f, mode, s, true)).join('\nUNION ALL\n')}
ORDER BY scope, year, semester, cause`;
}
