/**
 * The audit calendar's stage windows as data: one row per year, semester and stage with the dates the
 * stage is expected between (inclusive), from data/reference/calendar-windows.csv (BKKBN issues a new
 * calendar every year; see data/README.md). Every snapshot carries them as the `calendar_windows`
 * table, which the SQL of src/lib/queries/calendar reads with the same rule as `windowsFor` here.
 *
 * A semester the file does not list borrows the windows of the nearest listed year of the same
 * semester (the latest year before it, else the earliest after it), shifted by whole years, so data of
 * a year whose calendar was not entered yet is still judged. Pure.
 */
import Papa from 'papaparse';
import { STAGES, STAGE_BY_CODE, type StageCode } from '../domain/stages.ts';
import type { Period } from '../domain/periods.ts';
import { parseIsoDate } from './dates.ts';

/** One row of the calendar_windows table (and of the CSV file). */
export interface CalendarWindowRow {
  year: number;
  semester: 1 | 2;
  stage_code: StageCode;
  stage_order: number;
  /** ISO dates, inclusive. */
  start_date: string;
  end_date: string;
  /** Where the window comes from (a BKKBN letter, "reconstructed ...", ...). */
  source: string;
}

/** The expected window of one stage in one semester (ISO dates, inclusive). */
export interface StageWindow {
  stage: StageCode;
  order: number;
  start: string;
  end: string;
}

export class CalendarWindowsError extends Error {}

const COLUMNS = ['year', 'semester', 'stage_code', 'start_date', 'end_date', 'source'] as const;

/**
 * Parses and checks the CSV text: known stage codes, real dates, start ≤ end, and every listed
 * (year, semester) has all six stages once. Throws CalendarWindowsError naming the row and column.
 */
export function parseCalendarWindowsCsv(text: string, file = 'calendar-windows.csv'): CalendarWindowRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const head = parsed.meta.fields ?? [];
  for (const c of COLUMNS) if (!head.includes(c)) throw new CalendarWindowsError(`${file}: column "${c}" missing`);
  const rows: CalendarWindowRow[] = [];
  const seen = new Map<string, Set<string>>();
  parsed.data.forEach((r, i) => {
    const at = (col: string) => `${file} row ${i + 2}, column ${col}`;
    const year = Number(r.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CalendarWindowsError(`${at('year')}: not a year: ${JSON.stringify(r.year)}`);
    const semester = Number(r.semester);
    if (semester !== 1 && semester !== 2) throw new CalendarWindowsError(`${at('semester')}: must be 1 or 2, got ${JSON.stringify(r.semester)}`);
    const stage = STAGE_BY_CODE.get(r.stage_code?.trim() as StageCode);
    if (!stage) throw new CalendarWindowsError(`${at('stage_code')}: unknown stage ${JSON.stringify(r.stage_code)}`);
    const start = parseIsoDate(r.start_date);
    if (!start) throw new CalendarWindowsError(`${at('start_date')}: not a date YYYY-MM-DD: ${JSON.stringify(r.start_date)}`);
    const end = parseIsoDate(r.end_date);
    if (!end) throw new CalendarWindowsError(`${at('end_date')}: not a date YYYY-MM-DD: ${JSON.stringify(r.end_date)}`);
    if (end < start) throw new CalendarWindowsError(`${at('end_date')}: ${end} is before the start ${start}`);
    const key = `${year}-${semester}`;
    const stages = seen.get(key) ?? new Set<string>();
    if (stages.has(stage.code)) throw new CalendarWindowsError(`${at('stage_code')}: ${stage.code} listed twice for ${key}`);
    stages.add(stage.code);
    seen.set(key, stages);
    rows.push({ year, semester, stage_code: stage.code, stage_order: stage.order, start_date: start, end_date: end, source: (r.source ?? '').trim() });
  });
  for (const [key, stages] of seen) {
    const missing = STAGES.filter((s) => !stages.has(s.code)).map((s) => s.code);
    if (missing.length) throw new CalendarWindowsError(`${file}: ${key} lacks the stage(s) ${missing.join(', ')}`);
  }
  if (rows.length === 0) throw new CalendarWindowsError(`${file}: no windows`);
  return rows;
}

/** An ISO date moved by whole years (29 February becomes 28 February, as DuckDB does). */
export function addYears(iso: string, years: number): string {
  if (years === 0) return iso;
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The listed year whose windows semester `p` uses (see the module comment), or null when none is listed. */
export function sourceYear(table: readonly CalendarWindowRow[], p: Period): number | null {
  const years = [...new Set(table.filter((r) => r.semester === p.semester).map((r) => r.year))].sort((a, b) => a - b);
  if (!years.length) return null;
  const before = years.filter((y) => y <= p.year);
  return before.length ? before[before.length - 1] : years[0];
}

/** The expected windows of the semester's stages, in stage order. */
export function windowsFor(table: readonly CalendarWindowRow[], p: Period): StageWindow[] {
  const y = sourceYear(table, p);
  if (y === null) return [];
  return table
    .filter((r) => r.year === y && r.semester === p.semester)
    .sort((a, b) => a.stage_order - b.stage_order)
    .map((r) => ({ stage: r.stage_code, order: r.stage_order, start: addYears(r.start_date, p.year - y), end: addYears(r.end_date, p.year - y) }));
}
