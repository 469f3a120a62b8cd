/**
 * The audit period (year + semester) of a worksheet that has no Tahun/Semester columns. Sources, in
 * this order, per row: the sheet's period column(s) (Tahun + Semester, or a combined "Periode");
 * the title block above the header ("SEMESTER I TAHUN 2023", "Smt 2 2024", "TAHUN 2023 SEMESTER II",
 * "Semester Genap 2023", "Sem. II/2023", "Januari–Juni 2023"); the row's own selection or review date
 * (Jan–Jun = I, Jul–Dec = II); the period chosen by the user (`--period 2023-1`, the dialog's choice).
 * Nothing is guessed silently: the sheet's report says which source gave each row's period, and a
 * source that disagrees with the one used is reported. Pure.
 */
import type { Period } from '../domain/periods.ts';
import { parsePeriodKey } from '../domain/periods.ts';
import { parseDate, type DateOrder } from './dates.ts';
import { normWords } from './text.ts';

import type { PeriodSource } from './types.ts';
export type { PeriodSource };
export type PeriodParse = { ok: true; period: Period } | { ok: false; conflict: boolean };

const SEM_WORD = /^(semester|smt|sem|smstr|smtr|smster|semster|periode|siklus)$/;
const SEM_VALUE: Record<string, 1 | 2> = { i: 1, '1': 1, ii: 2, '2': 2, ganjil: 1, genap: 2, satu: 1, dua: 2, pertama: 1, kedua: 2, first: 1, second: 2 };
const MONTH: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, pebruari: 2, february: 2, feb: 2, maret: 3, march: 3, mar: 3, april: 4, apr: 4,
  mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, agustus: 8, august: 8, agu: 8, agt: 8, aug: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nopember: 11, nov: 11,
  desember: 12, december: 12, des: 12, dec: 12
};
const isYear = (w: string) => /^20\d\d$/.test(w);

export const periodText = (p: Period) => `${p.year}-${p.semester}`;

/**
 * A period written in free text (a title line, a "Periode" cell). Needs an explicit semester (or a
 * month range within one half-year) and one year; two different semesters or years is a conflict.
 * `loose` also reads bare "2023-1", "I/2023", "2023 II" (for a period column, not for titles).
 */
export function parsePeriodText(text: string, loose = false): PeriodParse {
  const w = normWords(text).split(' ').filter(Boolean);
  const sems = new Set<1 | 2>();
  const semAt: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const s1 = /^s(?:mt|em)?([12])$/.exec(w[i]); // "S1", "Smt2", "sem2"
    if (s1) (sems.add(Number(s1[1]) as 1 | 2), semAt.push(i));
    else if (SEM_WORD.test(w[i]) && w[i + 1] in SEM_VALUE) {
      sems.add(SEM_VALUE[w[i + 1]]);
      semAt.push(i + 1);
      // "Semester I dan II", "Semester 1 s/d 2": both.
      if (/^(dan|sampai|sd|s|hingga|and|to)$/.test(w[i + 2] ?? '') && (w[i + 3] ?? '') in SEM_VALUE) sems.add(SEM_VALUE[w[i + 3]]);
      if (w[i + 2] === 's' && w[i + 3] === 'd' && (w[i + 4] ?? '') in SEM_VALUE) sems.add(SEM_VALUE[w[i + 4]]);
    }
  }
  const years = new Set(w.filter(isYear).map(Number));
  if (loose && sems.size === 0 && years.size === 1) {
    const rest = w.filter((x) => !isYear(x) && !SEM_WORD.test(x) && x !== 'tahun' && x !== 'th');
    if (rest.length === 1 && rest[0] in SEM_VALUE && /^(i|ii|1|2)$/.test(rest[0])) sems.add(SEM_VALUE[rest[0]]);
  }
  if (sems.size === 0) {
    // "Januari - Juni 2023": every month named falls in one half-year.
    const months = w.filter((x) => x in MONTH).map((x) => MONTH[x]);
    if (months.length >= 2) {
      const halves = new Set(months.map((m) => (m <= 6 ? 1 : 2)));
      if (halves.size === 1) sems.add([...halves][0] as 1 | 2);
    }
  }
  if (sems.size === 0 && years.size === 0) return { ok: false, conflict: false };
  if (sems.size > 1) return { ok: false, conflict: true };
  // The year: after "tahun"/"th"/"ta", else next to the semester, else the only year written.
  const tagged = new Set<number>();
  for (let i = 0; i + 1 < w.length; i++) if (/^(tahun|th|ta|thn|year)$/.test(w[i]) && isYear(w[i + 1])) tagged.add(Number(w[i + 1]));
  let year: number | undefined;
  if (tagged.size > 1) return { ok: false, conflict: true };
  if (tagged.size === 1) year = [...tagged][0];
  else if (years.size === 1) year = [...years][0];
  else if (years.size > 1) {
    // The year closest to the semester ("Semester I 2023, dicetak 2024"); equally close is a conflict.
    const dist = w.flatMap((x, i) => (isYear(x) ? [{ y: Number(x), d: Math.min(...semAt.map((s) => Math.abs(s - i))) }] : []));
    dist.sort((a, b) => a.d - b.d);
    if (dist.length === 0 || (dist.length > 1 && dist[1].d === dist[0].d && dist[1].y !== dist[0].y)) return { ok: false, conflict: true };
    year = dist[0].y;
  }
  if (sems.size === 0 || year === undefined) return { ok: false, conflict: false };
  return { ok: true, period: { year, semester: [...sems][0] } };
}

/** The period of a title block: from its lines (and all lines read together); two different periods conflict. */
export function periodFromTitle(lines: readonly string[]): PeriodParse {
  const found = new Map<string, Period>();
  let conflict = false;
  for (const line of lines) {
    const p = parsePeriodText(line);
    if (p.ok) found.set(periodText(p.period), p.period);
    else conflict ||= p.conflict;
  }
  if (found.size === 0 && !conflict && lines.length > 1) return parsePeriodText(lines.join(' '));
  if (found.size > 1 || (conflict && found.size === 0)) return { ok: false, conflict: true };
  return found.size === 1 ? { ok: true, period: [...found.values()][0] } : { ok: false, conflict: false };
}

/** The semester a date falls in (Jan–Jun = I, Jul–Dec = II); `order`: the date column's (dates.ts dateColumnOrder). */
export function periodOfDate(v: unknown, order: DateOrder = 'dmy'): Period | null {
  const d = parseDate(v, order);
  if (!d.ok) return null;
  const [y, m] = d.value.split('-').map(Number);
  return { year: y, semester: m <= 6 ? 1 : 2 };
}

/** `--period 2023-1` (also "2023/1", "2023-II", "Semester I 2023"). */
export function parsePeriodOption(s: string): Period | null {
  const k = parsePeriodKey(s.replace('/', '-').replace(/-(ii|II)$/, '-2').replace(/-(i|I)$/, '-1'));
  if (k) return k;
  const p = parsePeriodText(s, true);
  return p.ok ? p.period : null;
}
