/**
 * Calendar queries: status per regency, stage completion per province and nationally, the timeline
 * of chosen regencies, and the two map indicators. Pure functions from filter state to SQL; dates
 * come back as ISO strings (CAST … AS VARCHAR) so Node and the browser read them alike.
 */
import { REGION_STATUSES, type RegionStatus, type StageState } from '$lib/calendar/status.ts';
import { STAGES, type Period } from '$lib/domain/index.ts';
import { checkProvince, checkRegency, type QueryFilters } from '../filters.ts';
import { asOfFromFilters, calendarCte, REGION_CTE } from './base.ts';

export interface RegionStatusRow {
  code: string;
  province_code: string;
  year: number;
  semester: 1 | 2;
  status: RegionStatus;
  furthest: number;
  done: number;
  overdue: number;
  done_late: number;
  days_late: number;
  /** The stage with the most days late, or null. */
  worst_stage: string | null;
  as_of: string;
}

/** Status of every regency (in the province, if one is chosen) for the semester. */
export function regionStatusSql(f: Pick<QueryFilters, 'period' | 'province'>, asOf: string | null): string {
  return `${calendarCte(f.period, asOf, { province: f.province })}${REGION_CTE}
SELECT r.regency_code AS code, r.province_code, r.year::INTEGER AS year, r.semester::INTEGER AS semester, r.status,
  r.furthest::INTEGER AS furthest, r.done::INTEGER AS done, r.overdue::INTEGER AS overdue, r.done_late::INTEGER AS done_late,
  r.days_late::INTEGER AS days_late,
  (SELECT arg_max(e.stage_code, e.days_late) FROM ev e WHERE e.regency_code = r.regency_code AND e.days_late > 0) AS worst_stage,
  CAST(r.as_of AS VARCHAR) AS as_of
FROM reg r ORDER BY r.regency_code`;
}

export interface StageCompletionRow {
  /** '00' = Indonesia, else a province code. */
  code: string;
  stage_code: string;
  stage_order: number;
  done: number;
  n: number;
  pct: number;
}

/**
 * Percentage of regencies that completed each stage by the as-of date: Indonesia ('00') and every
 * province (or only the chosen one).
 */
export function stageCompletionSql(f: Pick<QueryFilters, 'period' | 'province'>, asOf: string | null): string {
  const provinceFilter = f.province === null ? '' : `WHERE province_code = ${checkProvince(f.province)}`;
  return `${calendarCte(f.period, asOf, { province: null })},
agg AS (
  SELECT '00' AS code, stage_code, stage_order, count(done_date) AS done, count(*) AS n FROM ev GROUP BY stage_code, stage_order
  UNION ALL
  SELECT province_code AS code, stage_code, stage_order, count(done_date) AS done, count(*) AS n FROM ev ${provinceFilter}
  GROUP BY province_code, stage_code, stage_order
)
SELECT code, stage_code, stage_order::INTEGER AS stage_order, done::INTEGER AS done, n::INTEGER AS n, 100.0 * done / n AS pct
FROM agg ORDER BY code, stage_order`;
}

export interface TimelineRow {
  code: string;
  stage_code: string;
  stage_order: number;
  win_start: string;
  win_end: string;
  planned: string | null;
  /** Actual date if on or before the as-of date. */
  actual: string | null;
  state: StageState;
  days_late: number;
}

/** Planned vs actual per stage for a few regencies (codes validated against the domain). */
export function timelineSql(f: Pick<QueryFilters, 'period' | 'province'>, regencies: string[], asOf: string | null): string {
  const codes = regencies.map((c) => checkRegency(c, f.province));
  return `${calendarCte(f.period, asOf, { province: f.province, regencies: codes })}
SELECT regency_code AS code, stage_code, stage_order::INTEGER AS stage_order,
  CAST(win_start AS VARCHAR) AS win_start, CAST(win_end AS VARCHAR) AS win_end,
  CAST(planned_date AS VARCHAR) AS planned, CAST(done_date AS VARCHAR) AS actual, state, days_late::INTEGER AS days_late
FROM ev ORDER BY regency_code, stage_order`;
}

export interface TahapCompletionRow {
  /** BKKBN's reporting stage (Sipasti "tahap") 1–4. */
  tahap: number;
  done: number;
  n: number;
  pct: number;
}

/**
 * Sipasti's view: the percentage of regencies (with calendar rows in any of `periods`) that completed
 * each tahap — every stage of it (src/lib/domain/stages.ts) done by the as-of date — in at least one of
 * those semesters. One semester for a cycle's progress, a year's two for the year's figure.
 */
export function tahapCompletionSql(periods: readonly Period[], asOf: string): string {
  const tahap = STAGES.map((s) => `('${s.code}', ${s.tahap})`).join(', ');
  return `${calendarCte(periods, asOf, { province: null })},
t(stage_code, tahap) AS (VALUES ${tahap}),
per_sem AS (
  SELECT ev.regency_code, ev.year, ev.semester, t.tahap, bool_and(ev.done_date IS NOT NULL) AS done
  FROM ev JOIN t USING (stage_code) GROUP BY ALL
),
per_reg AS (SELECT regency_code, tahap, bool_or(done) AS done FROM per_sem GROUP BY ALL)
SELECT tahap::INTEGER AS tahap, count(*) FILTER (WHERE done)::INTEGER AS done, count(*)::INTEGER AS n,
  100.0 * count(*) FILTER (WHERE done) / count(*) AS pct
FROM per_reg GROUP BY tahap ORDER BY tahap`;
}

/** The semesters the calendar holds (newest first), for the semester the view shows when the period is 'all'. */
export function latestSemesterSql(): string {
  return `SELECT year::INTEGER AS year, semester::INTEGER AS semester FROM calendar GROUP BY year, semester ORDER BY year DESC, semester DESC LIMIT 1`;
}

/** The semester the map rows are for (one semester per query: the period filter or the latest). */
const SEMESTER_COLS = 'min(year)::INTEGER AS year, min(semester)::INTEGER AS semester';

/**
 * Map: nationally, the share of each province's regencies on schedule (on track or done; n =
 * regencies evaluated); inside a province, each regency's status as its position in REGION_STATUSES
 * (a categorical map, see indicators.ts).
 */
export function calendarOnTrackSql(f: QueryFilters): string {
  const head = `${calendarCte(f.period, asOfFromFilters(f), { province: f.province })}${REGION_CTE}`;
  if (f.province === null)
    return `${head}
SELECT province_code AS code, 100.0 * count(*) FILTER (WHERE status IN ('on_track', 'done')) / count(*) AS value, count(*)::INTEGER AS n,
  ${SEMESTER_COLS}
FROM reg GROUP BY province_code ORDER BY code`;
  const position = REGION_STATUSES.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ');
  return `${head}
SELECT regency_code AS code, CASE status ${position} END AS value, 1 AS n, year::INTEGER AS year, semester::INTEGER AS semester FROM reg ORDER BY code`;
}

/** Map: furthest stage reached (0–6) per regency; per province the median over its regencies. */
export function calendarStageSql(f: QueryFilters): string {
  const head = `${calendarCte(f.period, asOfFromFilters(f), { province: f.province })}${REGION_CTE}`;
  if (f.province === null)
    return `${head}
SELECT province_code AS code, quantile_disc(furthest, 0.5)::INTEGER AS value, count(*)::INTEGER AS n, ${SEMESTER_COLS}
FROM reg GROUP BY province_code ORDER BY code`;
  return `${head}
SELECT regency_code AS code, furthest::INTEGER AS value, 1 AS n, year::INTEGER AS year, semester::INTEGER AS semester FROM reg ORDER BY code`;
}
