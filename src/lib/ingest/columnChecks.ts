/**
 * Facts about a sheet's columns decided once before its rows are validated (issue 20): the order of
 * each date column's numeric dates (dates.ts dateColumnOrder; told in a note when the whole column is
 * ambiguous and read day-first, or when it is month-first), and whether the child's age is given in
 * years (a header like "Usia anak (tahun)" or "Umur anak (thn)": converted to months, with a note).
 * Pure.
 */
import { dateColumnOrder, todayIso, type DateOrder } from './dates.ts';
import { normWords } from './text.ts';
import type { Cell, Note } from './types.ts';
import { pNumber, type Parsed, type Parser } from './validateValues.ts';
import type { HeaderMap } from './headers.ts';

/** Measurements with decimals: where a decimal comma splits a value in a `,`-separated file. */
export const DECIMAL_KEYS = ['haz', 'whz', 'lila_cm', 'hb_g_dl'];

export const DATE_KEYS = ['selection_date', 'review_date', 'recommended_date', 'due_date', 'delivered_date', 'followed_up_date', 'planned_date', 'actual_date'];

/** A header that says its age is in years (tahun, thn, th, years, yrs). */
export const inYears = (header: string) => /(^|\s)(tahun|thn|th|years?|yrs?)(\s|$)/.test(normWords(header));

export interface SheetFacts {
  dateOrders: Record<string, DateOrder>;
  today: string;
  childAgeInYears: boolean;
}

export function sheetFacts(map: HeaderMap, rows: readonly (readonly Cell[])[], where: { file: string; sheet?: string }, notes: Note[], today = todayIso()): SheetFacts {
  const dateOrders: Record<string, DateOrder> = {};
  for (const key of DATE_KEYS) {
    const i = map.columns.get(key);
    if (i === undefined) continue;
    const o = dateColumnOrder(rows.map((r) => r[i]));
    dateOrders[key] = o.order;
    const column = map.headers[i];
    if (o.order === 'mdy') notes.push({ ...where, column, code: 'dates_month_first', params: { example: o.example ?? '' } });
    else if (o.ambiguous > 0 && o.dayFirst === 0) notes.push({ ...where, column, code: 'dates_day_first', params: { count: String(o.ambiguous), example: o.example ?? '' } });
  }
  const age = map.columns.get('child_age_months');
  const childAgeInYears = age !== undefined && inYears(map.headers[age]);
  if (childAgeInYears) notes.push({ ...where, column: map.headers[age], code: 'age_in_years' });
  return { dateOrders, today, childAgeInYears };
}

/** The child's age in whole months, from months (0–59) or from years (0–5, × 12, rounded). */
export function pChildAgeMonths(years: boolean): Parser<number> {
  if (!years) return pNumber([0, 59], { integer: true, unit: 'bulan/months' });
  const y = pNumber([0, 5], { unit: 'tahun/years' });
  return (v): Parsed<number> => {
    const r = y(v);
    return r.ok ? { ok: true, value: Math.round(r.value * 12) } : r;
  };
}
