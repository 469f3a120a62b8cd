/**
 * Queries of the district story (PETIK AKSI presenter mode): audited cases by target group and the
 * intervention follow-up, for the regency against its province and Indonesia. The cause profile and
 * the calendar timeline reuse src/lib/queries/causes (causeScopesSql) and calendar (timelineSql).
 * Pure functions from filter state to SQL; every value validated by the shared WHERE builders.
 */
import { scopesOf, scopeWhere, type Scope } from '../causes/common.ts';
import type { QueryFilters } from '../filters.ts';
import { DELIVERED } from '../interventions/common.ts';

/** Count columns of the story queries (each with a `_key` column, for public mode's discloseSql). */
export const STORY_CASES_COUNTS = ['cases', 'concluded'] as const;
export const STORY_INTERVENTION_COUNTS = ['recommended', 'delivered', 'pending'] as const;

export interface StoryCasesRow {
  scope: Scope;
  /** null: the scope's total over the groups */
  target_group: string | null;
  cases: number;
  concluded: number;
}

/**
 * Audited cases (and those with an expert-panel conclusion) by target group at every scope, and the
 * scope's total (target_group NULL): a cell of its own, so public mode perturbs it on its own.
 */
export function storyCasesSql(f: QueryFilters): string {
  return `${scopesOf(f)
    .map(
      (s) => `SELECT '${s}' AS scope, target_group, count(*)::INTEGER AS cases, sum(record_key)::BIGINT AS cases_key,
  count(*) FILTER (WHERE primary_cause IS NOT NULL)::INTEGER AS concluded,
  coalesce(sum(record_key) FILTER (WHERE primary_cause IS NOT NULL), 0)::BIGINT AS concluded_key
FROM cases WHERE ${scopeWhere(f, s)} GROUP BY GROUPING SETS ((target_group), ())`
    )
    .join('\nUNION ALL\n')}
ORDER BY scope, target_group NULLS FIRST`;
}

export interface StoryInterventionRow {
  scope: Scope;
  /** intervention_code (scope 'regency') or '' for the scope's total */
  code: string;
  cls: 'spesifik' | 'sensitif' | '';
  recommended: number;
  delivered: number;
  /** not (yet) delivered: a cell of its own in public mode (not recommended − delivered) */
  pending: number;
}

/**
 * Recommendations and those delivered: per intervention type in the regency, and in total at every
 * scope (code '') for the comparison.
 */
export function storyInterventionsSql(f: QueryFilters): string {
  const totals = scopesOf(f).map(
    (s) => `SELECT '${s}' AS scope, '' AS code, '' AS cls, count(*)::INTEGER AS recommended,
  count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS delivered, count(*) FILTER (WHERE NOT (${DELIVERED}))::INTEGER AS pending,
  coalesce(sum(record_key), 0)::BIGINT AS recommended_key, coalesce(sum(record_key) FILTER (WHERE ${DELIVERED}), 0)::BIGINT AS delivered_key,
  coalesce(sum(record_key) FILTER (WHERE NOT (${DELIVERED})), 0)::BIGINT AS pending_key
FROM recommendations WHERE ${scopeWhere(f, s)}`
  );
  const byType = f.regency
    ? [
        `SELECT 'regency' AS scope, intervention_code AS code, any_value(intervention_class) AS cls, count(*)::INTEGER AS recommended,
  count(*) FILTER (WHERE ${DELIVERED})::INTEGER AS delivered, count(*) FILTER (WHERE NOT (${DELIVERED}))::INTEGER AS pending,
  coalesce(sum(record_key), 0)::BIGINT AS recommended_key, coalesce(sum(record_key) FILTER (WHERE ${DELIVERED}), 0)::BIGINT AS delivered_key,
  coalesce(sum(record_key) FILTER (WHERE NOT (${DELIVERED})), 0)::BIGINT AS pending_key
FROM recommendations WHERE ${scopeWhere(f, 'regency')} GROUP BY intervention_code`
      ]
    : [];
  return `${[...byType, ...totals].join('\nUNION ALL\n')}
ORDER BY scope, code`;
}
