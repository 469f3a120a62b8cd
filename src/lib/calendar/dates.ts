/**
 * ISO calendar dates (YYYY-MM-DD, UTC) as whole days: the audit calendar's arithmetic. Pure.
 */
import { semesterStart, type Period } from '../domain/periods.ts';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid ISO date (real day, year 2000–2100), or null. */
export function parseIsoDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = ISO.exec(v.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  const y = Number(m[1]);
  return y >= 2000 && y <= 2100 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Days since 1970-01-01 for an ISO date (or the date part of an ISO date-time). */
export function epochDay(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
export function semesterStartDay(p: Period): number {
  return Math.round(semesterStart(p).getTime() / DAY_MS);
}
/** Number of days in the semester (181–184). */
export function semesterLength(p: Period): number {
  const next: Period = p.semester === 1 ? { year: p.year, semester: 2 } : { year: p.year + 1, semester: 1 };
  return semesterStartDay(next) - semesterStartDay(p);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date typed as Indonesians write it, day first — "31/03/2025", "1/3/2025", "31-03-2025",
 * "31.03.2025" — or as ISO "2025-03-31": the ISO date, or null when it is no real day (2000–2100).
 */
export function parseDayMonthYear(text: string | null | undefined): string | null {
  const v = (text ?? '').trim();
  const m = DMY.exec(v);
  if (!m) return parseIsoDate(v);
  return parseIsoDate(`${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`);
}

/** An ISO date as "dd/mm/yyyy" (the id-ID short date), or '' when there is none. */
export function formatDayMonthYear(iso: string | null | undefined): string {
  const m = ISO.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
