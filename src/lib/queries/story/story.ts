/**
 * Queries of the district story (PETIK AKSI presenter mode): audited cases by target group and the
 * intervention follow-up, for the regency against its province and Indonesia. The cause profile and
 * the calendar timeline reuse src/lib/queries/causes (causeScopesSql) and calendar (timelineSql).
 * Pure functions from filter state to SQL; every value validated by the shared WHERE builders.
 */
import { scopesOf, scopeWhere, type Scope } from '../causes/common.ts';
import type { QueryFilters } from '../filters.ts';
import { DELIVERED } from '../interventions/common.ts';

export interface StoryCasesRow {
  scope: Scope;
  target_group: string;
  cases: number;
  concluded: number;
}

/** Audited cases (and those with an expert-panel conclusion) by target group at every scope. */
export function storyCasesSql(f: QueryFilters): string {
  return `${scopesOf(f)
    .map(
      (s) => `SELECT '${s}' AS scope, target_group, count(*)::INTEGER AS cases,
  count(*) FILTER (WHERE primary_cause IS NOT NULL)::INTEGER AS concluded
FROM cases WHERE ${scopeWhere(f, s)} GROUP BY target_group`
    )
    .join('\nUNION ALL\n')}
ORDER BY scope, target_group`;
}

export interface StoryInterventionRow {
  scope: Scope;
  /** intervention_code (scope 'regency') or '' for the scope's total */
  code: string;
  cls: 'spesifik' | 'sensitif' | '';
  recommended: number;
  delivered: number;
}

/**
 * Recommendations and those delivered: per intervention type in the regency, and in total at every
 * scope (code '') for the comparison.
 */
export function storyInterventionsSql(f: QueryFilters): string {
  const totals = scopesOf(f).map(
    (s) => `SELECT '${s}' AS scope, '' AS code, '' AS cls, count(*)::INTEGER AS recommended,
  count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS delivered
FROM recommendations WHERE ${scopeWhere(f, s)}`
  );
  const byType = f.regency
    ? [
        `SELECT 'regency' AS scope, intervention_code AS code, any_value(intervention_class) AS cls, count(*)::INTEGER AS recommended,
  count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS delivered
FROM recommendations WHERE ${scopeWhere(f, 'regency')} GROUP BY intervention_code`
      ]
    : [];
  return `${[...byType, ...totals].join('\nUNION ALL\n')}
ORDER BY scope, code`;
}
