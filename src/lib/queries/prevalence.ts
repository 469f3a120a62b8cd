/** Which published prevalence survey-years exist at the map level, and the national figure. */
import { checkProvince, checkSurvey, parseSurveyYearKey, surveyYearKey, type QueryFilters, type SurveyYear } from './filters.ts';

export interface SurveyYearRow {
  survey: string;
  year: number;
  /** Regions with a figure at this level. */
  regions: number;
}

/** Newest first; at regency level only the province's regencies count. */
export function surveyYearsSql(f: Pick<QueryFilters, 'province'>): string {
  const where = f.province === null ? `level = 'province'` : `level = 'regency' AND province_code = ${checkProvince(f.province)}`;
  return `SELECT survey, year::INTEGER AS year, count(*)::INTEGER AS regions
FROM prevalence WHERE ${where}
GROUP BY survey, year ORDER BY year DESC, survey`;
}

/**
 * The requested survey-year if available; otherwise the latest one that covers at least half as many
 * regions as the best-covered one (SSGI 2024 published only 2 provinces: a near-empty map is a poor
 * default), so the user still picks any other from the list. Null when none exists.
 */
export function resolveSurveyYear(requested: SurveyYear | null | undefined, rows: readonly SurveyYearRow[]): SurveyYear | null {
  const valid = rows.filter((r) => parseSurveyYearKey(`${r.survey}-${r.year}`) !== null);
  if (requested && valid.some((r) => `${r.survey}-${r.year}` === surveyYearKey(requested))) return requested;
  const best = Math.max(0, ...valid.map((r) => r.regions));
  const chosen = valid.find((r) => r.regions * 2 >= best) ?? valid[0];
  return chosen ? parseSurveyYearKey(`${chosen.survey}-${chosen.year}`) : null;
}

/** The figure for the province (or for Indonesia, code 00) in one survey-year. */
export function headlinePrevalenceSql(f: Pick<QueryFilters, 'province'>, s: SurveyYear): string {
  const { survey, year } = checkSurvey(s);
  const code = f.province === null ? `'00'` : checkProvince(f.province);
  return `SELECT region_code AS code, prevalence_pct AS value, boundary_note, source_url
FROM prevalence WHERE region_code = ${code} AND survey = ${survey} AND year = ${year}`;
}
