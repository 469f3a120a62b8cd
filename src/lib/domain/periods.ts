import type { Label } from './label.ts';

/** An audit cycle: two per year (semester I = Jan–Jun, semester II = Jul–Dec). */
export interface Period {
  year: number;
  semester: 1 | 2;
}

export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2025;

/** Key used in the snapshot and the URL: "2023-1". */
export function periodKey(p: Period): string {
  return `${p.year}-${p.semester}`;
}
export function parsePeriodKey(key: string): Period | null {
  const m = /^(\d{4})-([12])$/.exec(key.trim());
  return m ? { year: Number(m[1]), semester: Number(m[2]) as 1 | 2 } : null;
}
export function periodLabel(p: Period): Label {
  const roman = p.semester === 1 ? 'I' : 'II';
  return { id: `${p.year} Semester ${roman}`, en: `${p.year} Semester ${roman}` };
}
/** Short form for tight places (the phone's filter summary): "2025-II". */
export function periodShortLabel(p: Period): string {
  return `${p.year}-${p.semester === 1 ? 'I' : 'II'}`;
}
/** First day of the semester (UTC). */
export function semesterStart(p: Period): Date {
  return new Date(Date.UTC(p.year, p.semester === 1 ? 0 : 6, 1));
}
export function semesterOf(date: Date): Period {
  return { year: date.getUTCFullYear(), semester: date.getUTCMonth() < 6 ? 1 : 2 };
}

export function periodsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let y = from.year; y <= to.year; y++) {
    for (const s of [1, 2] as const) {
      if (y === from.year && s < from.semester) continue;
      if (y === to.year && s > to.semester) continue;
      out.push({ year: y, semester: s });
    }
  }
  return out;
}

/** The semesters the demo snapshot covers: 2022-I to 2025-II. */
export const DEMO_PERIODS: readonly Period[] = periodsBetween({ year: FIRST_YEAR, semester: 1 }, { year: LAST_YEAR, semester: 2 });
