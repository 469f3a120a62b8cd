/**
 * Each row's period, from the sources of period.ts in their order: the row's Tahun/Semester (or
 * Periode) cells, the sheet's title block, the row's own date (kasus: selection then review date;
 * kalender: planned then actual date), the period chosen by the user. Counts which source served each
 * row and the rows whose columns disagree with the title or the chosen period. Pure.
 */
import type { Period } from '../domain/periods.ts';
import { parsePeriodText, periodOfDate, periodText } from './period.ts';
import type { PeriodSource, SheetPeriod } from './types.ts';
import { cellText, isBlank } from './text.ts';
import { pSemester, pYear, type RowReader } from './validateValues.ts';

export type { SheetPeriod };

export const DATE_KEYS: Record<string, readonly string[]> = {
  kasus: ['selection_date', 'review_date'],
  kalender: ['planned_date', 'actual_date'],
  rekomendasi: []
};

function fallback(r: RowReader, ctx: SheetPeriod): { period: Period; source: PeriodSource } | null {
  if (ctx.title) return { period: ctx.title, source: 'title' };
  for (const k of ctx.dateKeys) {
    const v = r.raw(k);
    const p = isBlank(v) ? null : periodOfDate(v, r.sheet.dateOrders?.[k]);
    if (p) return { period: p, source: 'dates' };
  }
  return ctx.option ? { period: ctx.option, source: 'option' } : null;
}

/** The row's year and semester (undefined ones are reported and drop the row). */
export function readPeriod(r: RowReader, ctx: SheetPeriod): { year?: number; semester?: 1 | 2 } {
  const count = (s: PeriodSource, p: Period) => {
    ctx.used[s] = (ctx.used[s] ?? 0) + 1;
    const ref = ctx.title ?? ctx.option;
    if (s === 'column' && ref && periodText(ref) !== periodText(p)) ctx.disagree.push(r.row);
    return p;
  };
  if (r.has('period') && !isBlank(r.raw('period'))) {
    const p = parsePeriodText(cellText(r.raw('period')), true);
    if (!p.ok) return (r.drop('period', 'invalid_period'), {});
    return count('column', p.period);
  }
  const yearGiven = r.has('year') && !isBlank(r.raw('year'));
  const semGiven = r.has('semester') && !isBlank(r.raw('semester'));
  const fb = yearGiven && semGiven ? null : fallback(r, ctx);
  if (!yearGiven && !semGiven) return fb ? count(fb.source, fb.period) : (r.drop('year', 'no_period'), {});
  const year = yearGiven || !fb ? r.req('year', pYear) : fb.period.year;
  const semester = semGiven || !fb ? r.req('semester', pSemester) : fb.period.semester;
  if (year === undefined || semester === undefined) return { year, semester };
  return count(yearGiven && semGiven ? 'column' : fb!.source, { year, semester });
}
