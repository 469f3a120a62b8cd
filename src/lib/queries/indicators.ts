/**
 * The map indicators: a registry, so a feature adds an indicator in its own file and one line here.
 * Each declares its unit (how values are formatted and classified), its label and its SQL: rows of
 * (code, value, n) at the map level, see mapIndicator.ts.
 */
import type { Label } from '$lib/domain/label.ts';
import { casesSql, causeShareSql, prevalenceSql, sensitiveShareSql } from './mapIndicator.ts';
import type { QueryFilters } from './filters.ts';
import { coverageMapSql } from './interventions/coverage.ts';
import { calendarOnTrackSql, calendarStageSql } from './calendar/status.ts';
import { STAGE_CATEGORIES, STATUS_CATEGORIES } from '$lib/calendar/statusStyle.ts';

/** A category of a categorical indicator (the map colours it as given). */
export interface IndicatorCategory {
  value: number;
  color: string;
  label: Label;
}

export interface IndicatorDef {
  code: string;
  /** count: whole numbers; percent: 0–100. */
  unit: 'count' | 'percent';
  label: Label;
  /** SQL for the map at the filters' level, or null while it cannot be built yet. */
  sql(f: QueryFilters): string | null;
  /**
   * When the indicator is categorical at these filters: its categories (values are category values),
   * and the legend title then used. Otherwise null (a sequential map of `unit` values).
   */
  categorical?(f: QueryFilters): { label: Label; categories: readonly IndicatorCategory[] } | null;
  /**
   * What public-safe mode protects (src/lib/privacy/mapValues.ts): 'count' = value is a count of people,
   * 'share' = a percentage of the `n` people behind it; absent = nothing about people (published
   * prevalence, regencies' audit schedule).
   */
  privacy?: 'count' | 'share';
}

export const INDICATOR_DEFS: readonly IndicatorDef[] = [
  { code: 'cases', unit: 'count', label: { id: 'Kasus diaudit', en: 'Audited cases' }, sql: casesSql, privacy: 'count' },
  {
    code: 'sensitive_share',
    unit: 'percent',
    label: { id: 'Penyebab utama gizi sensitif (%)', en: 'Primary cause nutrition-sensitive (%)' },
    sql: sensitiveShareSql,
    privacy: 'share'
  },
  { code: 'cause_share', unit: 'percent', label: { id: 'Kasus dengan penyebab terpilih (%)', en: 'Cases with the chosen cause (%)' }, sql: causeShareSql, privacy: 'share' },
  {
    code: 'prevalence',
    unit: 'percent',
    label: { id: 'Prevalensi stunting (survei)', en: 'Stunting prevalence (survey)' },
    sql: (f) => (f.survey ? prevalenceSql(f, f.survey) : null)
  },
  { code: 'coverage', unit: 'percent', label: { id: 'Cakupan intervensi (%)', en: 'Intervention coverage (%)' }, sql: coverageMapSql, privacy: 'share' },
  {
    // provinces: share of their regencies on schedule; inside a province: each regency's status
    code: 'calendar_on_track',
    unit: 'percent',
    label: { id: 'Kab/kota sesuai jadwal audit (%)', en: 'Regencies on audit schedule (%)' },
    sql: calendarOnTrackSql,
    categorical: (f) =>
      f.province === null ? null : { label: { id: 'Status jadwal audit', en: 'Audit schedule status' }, categories: STATUS_CATEGORIES }
  },
  {
    // regencies: the furthest stage done; provinces: the median over their regencies (a stage number too)
    code: 'calendar_stage',
    unit: 'count',
    label: { id: 'Tahap audit terjauh (0–6)', en: 'Furthest audit stage (0–6)' },
    sql: calendarStageSql,
    categorical: (f) => ({
      label:
        f.province === null
          ? { id: 'Tahap audit terjauh (median kab/kota)', en: 'Furthest audit stage (median of regencies)' }
          : { id: 'Tahap audit terjauh', en: 'Furthest audit stage' },
      categories: STAGE_CATEGORIES
    })
  }
];

export const INDICATORS: readonly string[] = INDICATOR_DEFS.map((d) => d.code);
export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(INDICATOR_DEFS.map((d) => [d.code, d]));

/** SQL for the map, or null while it cannot be built yet (e.g. the prevalence survey-year). */
export function mapIndicatorSql(f: QueryFilters): string | null {
  return INDICATOR_BY_CODE.get(f.indicator)?.sql(f) ?? null;
}
