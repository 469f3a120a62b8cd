/**
 * Date parsing for worksheet cells. Accepts Date objects (read-excel-file returns date-formatted cells
 * as UTC-midnight Dates), Excel serial numbers, and text in the forms officers type:
 * `2023-05-23`, `23/05/2023`, `23-05-2023`, `23.05.2023`, `23 Mei 2023`, `23 May 2023`, `23-Mei-2023`.
 * Numeric dates are day-first (the Indonesian order) unless the column's own unambiguous dates say
 * month-first (dateColumnOrder, decided per sheet and column; a day-first value in a month-first
 * column, or the reverse, is impossible, never silently swapped). Two-digit years are rejected.
 * Result is an ISO date string `YYYY-MM-DD`. Pure (todayIso reads the clock).
 */
import { normWords } from './text.ts';

export type DateParse = { ok: true; value: string } | { ok: false };
const FAIL: DateParse = { ok: false };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['januari', 'january', 'jan']],
  [2, ['februari', 'pebruari', 'february', 'feb', 'peb']],
  [3, ['maret', 'march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'jul']],
  [8, ['agustus', 'august', 'agu', 'agt', 'ags', 'aug']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nopember', 'nov', 'nop']],
  [12, ['desember', 'december', 'des', 'dec']]
];
for (const [m, names] of MONTH_NAMES) for (const n of names) MONTHS[n] = m;

/** Years a worksheet date may fall in; anything else is a typo. */
export const DATE_YEARS = [2000, 2100] as const;

export function isoDate(y: number, m: number, d: number): DateParse {
  if (y < DATE_YEARS[0] || y > DATE_YEARS[1] || m < 1 || m > 12 || d < 1) return FAIL;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return FAIL; // 31/02 rolls over
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 1900-02-29, so day 0 = 1899-12-30. */
export function fromExcelSerial(serial: number): DateParse {
  if (!Number.isInteger(serial)) serial = Math.floor(serial); // a time of day is ignored
  const dt = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** The order of a numeric date `a/b/yyyy`: day first (Indonesian) or month first (US software). */
export type DateOrder = 'dmy' | 'mdy';
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

export function parseDate(v: unknown, order: DateOrder = 'dmy'): DateParse {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return FAIL;
    return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v !== 'string') return FAIL;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = NUMERIC.exec(s);
  if (m) return order === 'dmy' ? isoDate(+m[3], +m[2], +m[1]) : isoDate(+m[3], +m[1], +m[2]);
  const w = normWords(s).split(' ');
  if (w.length === 3 && /^\d{1,2}$/.test(w[0]) && w[1] in MONTHS && /^\d{4}$/.test(w[2])) {
    return isoDate(+w[2], MONTHS[w[1]], +w[0]);
  }
  // A serial number typed or exported as text ("45069").
  if (/^\d{5}$/.test(s)) return fromExcelSerial(Number(s));
  return FAIL;
}

export interface ColumnOrder {
  order: DateOrder;
  /** Numeric dates whose day and month could be swapped (both ≤ 12 and different). */
  ambiguous: number;
  /** Dates that show the order (a part > 12). */
  dayFirst: number;
  monthFirst: number;
  example?: string;
}

/**
 * How a column's numeric dates are ordered, from its unambiguous ones: month-first only when some
 * dates can only be month-first (`05/23/2023`) and none only day-first; otherwise day-first.
 */
export function dateColumnOrder(values: Iterable<unknown>): ColumnOrder {
  const o: ColumnOrder = { order: 'dmy', ambiguous: 0, dayFirst: 0, monthFirst: 0 };
  let monthExample: string | undefined;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC.exec(v.trim());
    if (!m) continue;
    const [a, b] = [+m[1], +m[2]];
    if (a > 12 && b <= 12) o.dayFirst++;
    else if (b > 12 && a <= 12) {
      o.monthFirst++;
      monthExample ??= v.trim();
    } else if (a !== b && a <= 12 && b <= 12) {
      o.ambiguous++;
      o.example ??= v.trim();
    }
  }
  if (o.monthFirst > 0 && o.dayFirst === 0) [o.order, o.example] = ['mdy', monthExample];
  return o;
}

/** Today's date in the local calendar (ISO): dates after it have not happened yet. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
