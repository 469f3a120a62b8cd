/**
 * The common part of the calendar queries: per (regency, semester, stage) the expected window (from
 * the snapshot's calendar_windows table, resolved like windowsFor in src/lib/calendar/windows.ts), the
 * actual date if on or before the as-of date, the stage state and days late — the rules of
 * src/lib/calendar/status.ts in SQL. Every value is validated before it reaches SQL.
 */
import { TARGET_GROUP_BY_CODE, type Period } from '$lib/domain/index.ts';
import { parseIsoDate } from '$lib/calendar/dates.ts';
import { checkInt, checkProvince, checkRegency, InvalidFilterError, periodWhere, type QueryFilters } from '../filters.ts';

/** DATE literal of a validated ISO date; refuses anything else. */
export function asOfLiteral(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) throw new InvalidFilterError(`Not a date: ${JSON.stringify(iso)}`);
  return `DATE '${d}'`;
}

/**
 * The as-of date for queries that only see the filters (the map): the filters' `asOf` (the calendar
 * view's `per`), else the snapshot's data date when the filters carry it, else null (then asOfSql takes
 * the latest date recorded in the calendar, equal to the data date in the demo snapshot).
 */
export function asOfFromFilters(f: Pick<QueryFilters, 'asOf' | 'dataDate'>): string | null {
  return parseIsoDate(f.asOf ?? null) ?? parseIsoDate(f.dataDate ?? null);
}
export function asOfSql(asOf: string | null): string {
  return asOf === null ? '(SELECT max(actual_date) FROM calendar)' : asOfLiteral(asOf);
}

/** WHERE for the calendar table (no target group there): place and period only. */
export function calendarWhere(f: QueryFilters, opts: { regency?: boolean } = {}): string {
  const parts: string[] = [];
  if (f.province !== null) parts.push(`province_code = ${checkProvince(f.province)}`);
  if (opts.regency && f.regency) parts.push(`regency_code = ${checkRegency(f.regency, f.province)}`);
  if (f.period) parts.push(periodWhere(f.period));
  if (f.group !== null && !TARGET_GROUP_BY_CODE.has(f.group)) throw new InvalidFilterError(`Unknown target group ${f.group}`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The semester: the period filter (or several), or the latest semester in the calendar when it is 'all'. */
export function semesterWhere(period: Period | readonly Period[] | null): string {
  if (period !== null && 'year' in period) return periodWhere(period);
  if (period !== null) return period.length ? `(${period.map((p) => semesterWhere(p)).join(') OR (')})` : 'FALSE';
  return `year * 10 + semester = (SELECT max(year * 10 + semester) FROM calendar)`;
}

/**
 * CTE body: the windows of the semesters in `keys` (year, semester) — the listed year of the same
 * semester, else the nearest one (latest before, else earliest after) shifted by whole years.
 */
export const WINDOWS_OF_KEYS = `SELECT ks.year, ks.semester, cw.stage_code, cw.stage_order,
    CAST(cw.start_date + to_years(CAST(ks.year - ks.src_year AS INTEGER)) AS DATE) AS win_start,
    CAST(cw.end_date + to_years(CAST(ks.year - ks.src_year AS INTEGER)) AS DATE) AS win_end
  FROM (SELECT k.year, k.semester, coalesce(
      (SELECT max(x.year) FROM calendar_windows x WHERE x.semester = k.semester AND x.year <= k.year),
      (SELECT min(x.year) FROM calendar_windows x WHERE x.semester = k.semester)) AS src_year
    FROM (SELECT DISTINCT year, semester FROM keys) k) ks
  JOIN calendar_windows cw ON cw.semester = ks.semester AND cw.year = ks.src_year`;

/** The calendar_windows rows as the pure rules take them (src/lib/calendar/windows.ts CalendarWindowRow). */
export function calendarWindowsSql(): string {
  return `SELECT year::INTEGER AS year, semester::INTEGER AS semester, stage_code, stage_order::INTEGER AS stage_order,
  CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date, source
FROM calendar_windows ORDER BY year, semester, stage_order`;
}

/** The resolved windows of one semester (stage, order, start, end as ISO strings), for the Gantt strip. */
export function semesterWindowsSql(period: Period | null): string {
  const keys = period
    ? `SELECT * FROM (VALUES (${checkInt(period.year, 2000, 2100)}, ${checkInt(period.semester, 1, 2)})) t(year, semester)`
    : `SELECT DISTINCT year, semester FROM calendar WHERE ${semesterWhere(null)}`;
  return `WITH keys AS (${keys}),
w AS (${WINDOWS_OF_KEYS})
SELECT stage_code AS stage, stage_order::INTEGER AS "order", CAST(win_start AS VARCHAR) AS start, CAST(win_end AS VARCHAR) AS "end"
FROM w ORDER BY stage_order`;
}

export interface BaseOptions {
  /** Restrict to one province (null = all). */
  province: string | null;
  /** Restrict to these regencies (already validated with checkRegency). */
  regencies?: string[];
}

/**
 * CTEs `ref_date`, `w`, `keys`, `st` and `ev`: one `ev` row per (regency, semester, stage) with
 * as_of, sem_start, win_start, win_end, planned_date, done_date, state, days_late.
 * Regencies with calendar rows in the semester are evaluated; missing stage rows count as not done.
 */
export function calendarCte(period: Period | readonly Period[] | null, asOf: string | null, opts: BaseOptions): string {
  const where = [semesterWhere(period)];
  if (opts.province !== null) where.push(`province_code = ${checkProvince(opts.province)}`);
  if (opts.regencies) where.push(opts.regencies.length ? `regency_code IN (${opts.regencies.join(', ')})` : 'FALSE');
  return `WITH ref_date AS (SELECT CAST(${asOfSql(asOf)} AS DATE) AS as_of),
keys AS (SELECT DISTINCT province_code, regency_code, year, semester FROM calendar WHERE ${where.join(' AND ')}),
w AS (${WINDOWS_OF_KEYS}),
st AS (
  SELECT k.province_code, k.regency_code, k.year, k.semester, w.stage_code, w.stage_order, a.as_of,
    make_date(k.year, CASE WHEN k.semester = 1 THEN 1 ELSE 7 END, 1) AS sem_start,
    w.win_start, w.win_end,
    c.planned_date,
    CASE WHEN c.actual_date <= a.as_of THEN c.actual_date END AS done_date
  FROM keys k JOIN w ON w.year = k.year AND w.semester = k.semester CROSS JOIN ref_date a
  LEFT JOIN calendar c ON c.regency_code = k.regency_code AND c.year = k.year AND c.semester = k.semester AND c.stage_code = w.stage_code
),
ev AS (
  SELECT *,
    CASE WHEN done_date IS NOT NULL AND done_date > win_end THEN 'done_late'
      WHEN done_date IS NOT NULL THEN 'done'
      WHEN win_end < as_of THEN 'overdue'
      WHEN as_of >= win_start THEN 'open'
      ELSE 'upcoming' END AS state,
    CASE WHEN done_date IS NOT NULL AND done_date > win_end THEN date_diff('day', win_end, done_date)
      WHEN done_date IS NULL AND win_end < as_of THEN date_diff('day', win_end, as_of)
      ELSE 0 END AS days_late
  FROM st
)`;
}

/** CTE `reg` (after calendarCte): one row per regency and semester with its status (rules of status.ts). */
export const REGION_CTE = `,
reg0 AS (
  SELECT province_code, regency_code, year, semester, min(sem_start) AS sem_start, min(as_of) AS as_of,
    count(*) AS total, count(done_date) AS done,
    count(*) FILTER (WHERE state = 'overdue') AS overdue,
    count(*) FILTER (WHERE state = 'done_late') AS done_late,
    coalesce(max(stage_order) FILTER (WHERE done_date IS NOT NULL), 0) AS furthest,
    max(days_late) AS days_late
  FROM ev GROUP BY province_code, regency_code, year, semester
),
reg AS (
  SELECT *,
    CASE WHEN as_of < sem_start THEN 'not_begun'
      WHEN done = total THEN 'done'
      WHEN done = 0 THEN 'not_started'
      WHEN overdue > 0 THEN 'late'
      ELSE 'on_track' END AS status
  FROM reg0
)`;
