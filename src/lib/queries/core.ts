/**
 * The dashboard's core queries (map, summary panel, filter options), by client id: one definition,
 * run live by the DashboardModel's clients and ahead of time for the first paint (src/lib/paint).
 */
import type { QueryFilters } from './filters.ts';
import { mapIndicatorSql } from './indicators.ts';
import { periodsSql } from './options.ts';
import { headlinePrevalenceSql, surveyYearsSql } from './prevalence.ts';
import { summarySql, topCausesSql } from './summary.ts';

export const TOP_CAUSES = 5;

export const CORE_QUERIES = {
  periods: (): string => periodsSql(),
  'survey-years': (s: Pick<QueryFilters, 'province'>): string => surveyYearsSql(s),
  map: (s: QueryFilters): string | null => mapIndicatorSql(s),
  summary: (s: QueryFilters): string => summarySql(s),
  'top-causes': (s: QueryFilters): string => topCausesSql(s, TOP_CAUSES),
  headline: (s: QueryFilters): string | null => (s.indicator === 'prevalence' && s.survey ? headlinePrevalenceSql(s, s.survey) : null)
} as const;
export type CoreClientId = keyof typeof CORE_QUERIES;
