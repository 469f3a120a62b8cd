/**
 * Dashboard state ↔ URL search params. Parsing validates every value against src/lib/domain (unknown
 * values fall back to defaults); serializing is minimal (defaults are omitted), so a copied link opens
 * the same view and back/forward work. Pure: no SvelteKit imports.
 *
 *   ?periode=2024-1&sasaran=baduta&wilayah=32&kabkota=32.03&indikator=cause_share&penyebab=sanitasi
 *    &survei=SSGI-2022&kelas=quantile&lang=en&tampilan=penyebab&publik=1&ambang=10
 *
 * Views (tabs, src/lib/components/views.ts) keep their own parameters: every parameter not listed in
 * PARAMS passes through untouched as `extras` (each view parses and validates its own), and is
 * cleared when the view changes.
 */
import {
  CAUSE_BY_CODE, PROVINCE_BY_CODE, REGENCY_BY_CODE, TARGET_GROUP_BY_CODE, causeAppliesTo, causesFor,
  parsePeriodKey, periodKey, type Lang, type Period, type TargetGroupCode
} from '$lib/domain/index.ts';
import { parseSurveyYearKey, surveyYearKey, type Indicator, type QueryFilters, type SurveyYear } from '$lib/queries/filters.ts';
import { INDICATORS } from '$lib/queries/indicators.ts';
import { DEFAULT_THRESHOLD, disclosure, parseThreshold, type Disclosure } from '$lib/privacy/policy.ts';
import { parseIsoDate } from '$lib/calendar/dates.ts';
import { CALENDAR_VIEW, CAUSES_VIEW } from '$lib/components/views.ts';

import { LEGEND_CHOICES, type LegendChoice } from '$lib/map/legendSets.ts';

/** The legend set (`kelas=`): 'auto' (default) or a method of src/lib/map/legendSets.ts. */
export const CLASSIFICATIONS = LEGEND_CHOICES;
export type Classification = LegendChoice;

export interface DashboardState {
  period: Period | null;
  group: TargetGroupCode | null;
  province: string | null;
  regency: string | null;
  indicator: Indicator;
  cause: string;
  survey: SurveyYear | null;
  classification: Classification;
  lang: Lang;
  /** The view (tab) under the map; '' = none. Validated against src/lib/components/views.ts by the page. */
  view: string;
  /** Public-safe mode (`publik=1` / `publik=0`); null = the page's default (off on the dashboard, on in the story). */
  public: boolean | null;
  /** Suppression threshold in public mode (`ambang=`, src/lib/privacy/policy.ts). */
  threshold: number;
  /** The map: one map, small multiples per semester (`peta=semester`) or a timeline (`peta=waktu`). */
  mapMode: MapMode;
  /** The semesters of the small multiples (`semester=2024-1,2024-2`, ascending, up to 8); empty = the latest ones. */
  semesters: Period[];
  /** Parameters owned by the current view, passed through (sorted by name when serialized). */
  extras: Readonly<Record<string, string>>;
}

export type MapMode = 'single' | 'split' | 'timeline';
const MAP_MODE_PARAM: Record<MapMode, string | null> = { single: null, split: 'semester', timeline: 'waktu' };
/** Most maps side by side. */
export const MAX_SPLIT = 8;

export const PARAMS = {
  period: 'periode',
  group: 'sasaran',
  province: 'wilayah',
  regency: 'kabkota',
  indicator: 'indikator',
  cause: 'penyebab',
  survey: 'survei',
  classification: 'kelas',
  lang: 'lang',
  view: 'tampilan',
  public: 'publik',
  threshold: 'ambang',
  mapMode: 'peta',
  semesters: 'semester'
} as const;
const CORE_PARAMS = new Set<string>(Object.values(PARAMS));

export const DEFAULT_CAUSE = 'sanitasi';
export const DEFAULT_STATE: Readonly<DashboardState> = {
  period: null,
  group: null,
  province: null,
  regency: null,
  indicator: 'cases',
  cause: DEFAULT_CAUSE,
  survey: null,
  classification: 'auto',
  lang: 'id',
  view: '',
  public: null,
  threshold: DEFAULT_THRESHOLD,
  mapMode: 'single',
  semesters: [],
  extras: {}
};

/** `2024-1,2024-2`: valid semesters, distinct, ascending, at most MAX_SPLIT (the latest kept). */
export function parseSemesters(v: string | null): Period[] {
  const seen = new Map<string, Period>();
  for (const part of (v ?? '').split(',').slice(0, 40)) {
    const p = parsePeriod(part.trim());
    if (p) seen.set(periodKey(p), p);
  }
  const sorted = [...seen.values()].sort((a, b) => a.year - b.year || a.semester - b.semester);
  return sorted.slice(-MAX_SPLIT);
}

function parsePeriod(v: string | null): Period | null {
  if (!v) return null;
  const p = parsePeriodKey(v);
  return p && p.year >= 2000 && p.year <= 2100 ? p : null;
}

/** The cause to use for a group: the requested one if it applies, else the default or the group's first. */
export function causeFor(cause: string, group: TargetGroupCode | null): string {
  const valid = CAUSE_BY_CODE.has(cause) ? cause : DEFAULT_CAUSE;
  if (group === null || causeAppliesTo(valid, group)) return valid;
  return causeAppliesTo(DEFAULT_CAUSE, group) ? DEFAULT_CAUSE : causesFor(group)[0].code;
}

export function parseState(params: URLSearchParams): DashboardState {
  const get = (k: keyof typeof PARAMS) => params.get(PARAMS[k]);
  const g = get('group');
  const group = g && TARGET_GROUP_BY_CODE.has(g as TargetGroupCode) ? (g as TargetGroupCode) : null;
  const p = get('province');
  const province = p && PROVINCE_BY_CODE.has(p) ? p : null;
  const r = get('regency');
  const regency = province && r && REGENCY_BY_CODE.get(r)?.provinceCode === province ? r : null;
  const i = get('indicator');
  const indicator = (INDICATORS as readonly string[]).includes(i ?? '') ? (i as Indicator) : DEFAULT_STATE.indicator;
  const k = get('classification');
  const classification = (CLASSIFICATIONS as readonly string[]).includes(k ?? '') ? (k as Classification) : DEFAULT_STATE.classification;
  const s = get('survey');
  return {
    period: parsePeriod(get('period')),
    group,
    province,
    regency,
    indicator,
    cause: causeFor(get('cause') ?? DEFAULT_CAUSE, group),
    survey: s ? parseSurveyYearKey(s) : null,
    classification,
    lang: get('lang') === 'en' ? 'en' : 'id',
    view: /^[a-z]{1,20}$/.test(get('view') ?? '') ? get('view')! : '',
    public: get('public') === '1' ? true : get('public') === '0' ? false : null,
    threshold: parseThreshold(get('threshold')),
    mapMode: (Object.keys(MAP_MODE_PARAM) as MapMode[]).find((m) => MAP_MODE_PARAM[m] !== null && MAP_MODE_PARAM[m] === get('mapMode')) ?? 'single',
    semesters: parseSemesters(get('semesters')),
    extras: parseExtras(params)
  };
}

function parseExtras(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!CORE_PARAMS.has(k) && /^[a-z_]{1,24}$/.test(k) && v.length <= 400) out[k] = v;
  return out;
}

/** Minimal params: defaults are omitted; cause only with cause_share, survey only with prevalence. */
export function serializeState(s: DashboardState): URLSearchParams {
  const out = new URLSearchParams();
  const set = (k: keyof typeof PARAMS, v: string | null) => {
    if (v !== null) out.set(PARAMS[k], v);
  };
  set('period', s.period ? periodKey(s.period) : null);
  set('group', s.group);
  set('province', s.province);
  set('regency', s.province ? s.regency : null);
  set('indicator', s.indicator !== DEFAULT_STATE.indicator ? s.indicator : null);
  set('cause', s.indicator === 'cause_share' && s.cause !== DEFAULT_CAUSE ? s.cause : null);
  set('survey', s.indicator === 'prevalence' && s.survey ? surveyYearKey(s.survey) : null);
  set('classification', s.classification !== DEFAULT_STATE.classification ? s.classification : null);
  set('lang', s.lang !== 'id' ? s.lang : null);
  set('view', s.view || null);
  set('public', s.public === null ? null : s.public ? '1' : '0');
  set('threshold', s.public !== false && s.threshold !== DEFAULT_THRESHOLD ? String(s.threshold) : null);
  set('mapMode', MAP_MODE_PARAM[s.mapMode]);
  set('semesters', s.mapMode === 'split' && s.semesters.length ? s.semesters.map(periodKey).join(',') : null);
  for (const k of Object.keys(s.extras).sort()) if (!CORE_PARAMS.has(k) && s.extras[k] !== '') out.set(k, s.extras[k]);
  return out;
}

/** "?a=b" or "" — the search part of a link for a state. */
export function stateSearch(s: DashboardState): string {
  const q = serializeState(s).toString();
  return q ? `?${q}` : '';
}

/** A changed state: a province change clears the regency and the survey-year (another level). */
export function withChanges(s: DashboardState, patch: Partial<DashboardState>): DashboardState {
  const next = { ...s, ...patch };
  if ('view' in patch && patch.view !== s.view && !('extras' in patch)) next.extras = {};
  if ('province' in patch && patch.province !== s.province) {
    next.regency = patch.regency ?? null;
    if (!('survey' in patch)) next.survey = null;
  }
  next.cause = causeFor(next.cause, next.group);
  return next;
}

/** The Causes view's mode from the URL (`mode=semua` on `tampilan=penyebab`), else primary. */
export function causeModeOf(view: string, extras: Readonly<Record<string, string>>): 'primary' | 'any' {
  return view === CAUSES_VIEW && extras.mode === 'semua' ? 'any' : 'primary';
}

/** The audit calendar's as-of date: the calendar view's `per` (`tampilan=kalender&per=2025-03-31`) when valid, else null. */
export function calendarAsOf(s: Pick<DashboardState, 'view' | 'extras'>): string | null {
  return s.view === CALENDAR_VIEW ? parseIsoDate(s.extras.per) : null;
}

/** What the page knows beside the URL: the survey-year resolved for the level, the snapshot's data date. */
export interface QueryContext {
  survey: SurveyYear | null;
  dataDate: string | null;
}

/**
 * The query filters of a state: the only place where URL state becomes query filters. The queries see
 * the filters only; the two view parameters that change the map's SQL arrive as filter fields
 * (`causeMode` from the Causes view's `mode`, `asOf` from the calendar view's `per`), never the view or
 * its other parameters.
 */
export function toQueryFilters(s: DashboardState, ctx: QueryContext): QueryFilters {
  return {
    period: s.period,
    group: s.group,
    province: s.province,
    regency: s.regency,
    indicator: s.indicator,
    cause: s.cause,
    causeMode: causeModeOf(s.view, s.extras),
    survey: ctx.survey,
    dataDate: ctx.dataDate,
    asOf: calendarAsOf(s)
  };
}

/** The disclosure policy of a state on a page whose default public mode is `publicByDefault`. */
export function disclosureOf(s: DashboardState, publicByDefault: boolean): Disclosure {
  return disclosure(s.public ?? publicByDefault, s.threshold);
}
