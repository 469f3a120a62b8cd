/**
 * The dashboard's core queries (map, summary panel, filter options), by client id: one definition,
 * run live by the DashboardModel's clients and ahead of time for the first paint (src/lib/paint), for
 * the page's disclosure policy.
 */
import type { QueryFilters } from './filters.ts';
import { INDICATOR_BY_CODE, mapIndicatorSql } from './indicators.ts';
import { periodsSql } from './options.ts';
import { headlinePrevalenceSql, surveyYearsSql } from './prevalence.ts';
import { SUMMARY_COUNTS, SUMMARY_DERIVED, summarySql, topCausesPublicSql } from './summary.ts';
import type { Disclosure } from '../privacy/policy.ts';
import { discloseMapSql } from '../privacy/mapValues.ts';
import { discloseSql } from '../privacy/ptable.ts';

export const TOP_CAUSES = 5;

export const CORE_QUERIES = {
  periods: (): string => periodsSql(),
  'survey-years': (s: Pick<QueryFilters, 'province'>): string => surveyYearsSql(s),
  // counts of people: in public mode the SQL itself publishes them (cell-key perturbation inside DuckDB)
  map: (s: QueryFilters, d: Disclosure): string | null => discloseMapSql(mapIndicatorSql(s), INDICATOR_BY_CODE.get(s.indicator)?.privacy, d),
  summary: (s: QueryFilters, d: Disclosure): string => discloseSql(summarySql(s), SUMMARY_COUNTS, d, { drop: SUMMARY_DERIVED }),
  'top-causes': (s: QueryFilters, d: Disclosure): string => topCausesPublicSql(s, d, TOP_CAUSES),
  headline: (s: QueryFilters): string | null => (s.indicator === 'prevalence' && s.survey ? headlinePrevalenceSql(s, s.survey) : null)
} as const;
export type CoreClientId = keyof typeof CORE_QUERIES;
