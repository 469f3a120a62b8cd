/**
 * The filter state the queries take, and the only way filter values reach SQL: every value is checked
 * against src/lib/domain and quoted here. Views never build SQL themselves.
 */
import {
  CAUSE_BY_CODE, PROVINCE_BY_CODE, REGENCY_BY_CODE, TARGET_GROUP_BY_CODE,
  type Period, type TargetGroupCode
} from '$lib/domain/index.ts';

/** A map indicator's code; the list lives in indicators.ts (the registry). */
export type Indicator = string;

export const SURVEYS = ['SSGI', 'SKI'] as const;
export type Survey = (typeof SURVEYS)[number];
export interface SurveyYear {
  survey: Survey;
  year: number;
}
export const surveyYearKey = (s: SurveyYear): string => `${s.survey}-${s.year}`;
export function parseSurveyYearKey(key: string): SurveyYear | null {
  const m = /^(SSGI|SKI)-(\d{4})$/.exec(key);
  return m ? { survey: m[1] as Survey, year: Number(m[2]) } : null;
}

/**
 * What every query sees: the filters only, never the view or its URL parameters (src/lib/state/urlState.ts
 * toQueryFilters maps the URL state to them). `province` null = national (province level); otherwise its regencies.
 */
export interface QueryFilters {
  period: Period | null;
  group: TargetGroupCode | null;
  province: string | null;
  /** A selected regency inside `province` (side-panel detail); does not change the map level. */
  regency?: string | null;
  indicator: Indicator;
  cause: string;
  /**
   * How the cause share counts a case (the Causes view's `mode`): 'primary' (default) under its primary
   * cause only, 'any' under every cause the panel found.
   */
  causeMode?: 'primary' | 'any';
  /** Survey-year for the prevalence indicator; null = the latest available. */
  survey?: SurveyYear | null;
  /** The snapshot's "as of" date (manifest dataDate, ISO): what "past due" and "late" are judged against. */
  dataDate?: string | null;
  /**
   * The audit calendar's as-of date (ISO; the calendar view's `per`): the calendar's stages are judged
   * on it instead of the data date. Null (or absent) = the data date.
   */
  asOf?: string | null;
}

export class InvalidFilterError extends Error {}

/** Quotes a value that has already been validated against the domain; refuses anything else. */
export function quoteCode(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(value)) throw new InvalidFilterError(`Refusing to quote ${JSON.stringify(value)}`);
  return `'${value}'`;
}
/** An integer within [min, max] as SQL text; refuses anything else (the one range check of the queries). */
export function checkInt(n: number, min: number, max: number): string {
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidFilterError(`Out of range: ${n}`);
  return String(n);
}
/** `year = … AND semester = …` of a validated semester. */
export function periodWhere(p: Period): string {
  return `year = ${checkInt(p.year, 2000, 2100)} AND semester = ${checkInt(p.semester, 1, 2)}`;
}

export function checkProvince(code: string): string {
  if (!PROVINCE_BY_CODE.has(code)) throw new InvalidFilterError(`Unknown province ${code}`);
  return quoteCode(code);
}
export function checkRegency(code: string, province?: string | null): string {
  const r = REGENCY_BY_CODE.get(code);
  if (!r || (province && r.provinceCode !== province)) throw new InvalidFilterError(`Unknown regency ${code}`);
  return quoteCode(code);
}
export function checkCause(code: string): string {
  if (!CAUSE_BY_CODE.has(code)) throw new InvalidFilterError(`Unknown cause ${code}`);
  return quoteCode(code);
}
export function checkSurvey(s: SurveyYear): { survey: string; year: string } {
  if (!SURVEYS.includes(s.survey)) throw new InvalidFilterError(`Unknown survey ${s.survey}`);
  return { survey: quoteCode(s.survey), year: checkInt(s.year, 1990, 2100) };
}

export interface WhereOptions {
  /** Include the regency restriction (side-panel detail); the map itself never does. */
  regency?: boolean;
}

/**
 * WHERE conditions on a table with province_code, regency_code, year, semester, target_group
 * (cases, case_causes, recommendations). Returns "TRUE" when nothing restricts.
 */
export function placePeriodGroupWhere(f: QueryFilters, opts: WhereOptions = {}): string {
  const parts: string[] = [];
  if (f.province !== null) parts.push(`province_code = ${checkProvince(f.province)}`);
  if (opts.regency && f.regency) parts.push(`regency_code = ${checkRegency(f.regency, f.province)}`);
  if (f.period) parts.push(periodWhere(f.period));
  if (f.group !== null) {
    if (!TARGET_GROUP_BY_CODE.has(f.group)) throw new InvalidFilterError(`Unknown target group ${f.group}`);
    parts.push(`target_group = ${quoteCode(f.group)}`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** Map level implied by the filters: provinces nationally, regencies inside a province. */
export const mapLevel = (f: Pick<QueryFilters, 'province'>): 'province' | 'regency' => (f.province === null ? 'province' : 'regency');
export const regionColumn = (f: Pick<QueryFilters, 'province'>): string => (f.province === null ? 'province_code' : 'regency_code');
