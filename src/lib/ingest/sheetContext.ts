/**
 * A sheet around its data: which rows below the header are data (blank rows, totals rows such as
 * "JUMLAH"/"TOTAL", the column-number row and a signature block after the totals are skipped, with a
 * note each), and where rows without period cells take their period from (title block, dates, the
 * user's choice; rowPeriod.ts), with the notes that say so. Pure.
 */
import type { Period } from '../domain/periods.ts';
import { FIELDS, type HeaderMap } from './headers.ts';
import { rowShape } from './headerRow.ts';
import { periodFromTitle, periodText } from './period.ts';
import { DATE_KEYS, type SheetPeriod } from './rowPeriod.ts';
import { cellText } from './text.ts';
import type { Cell, Note, SheetKind, SheetStat } from './types.ts';

type Where = { file: string; sheet?: string };

/** [spreadsheet row, cells] of the data rows under header row `h`, and notes on the rows skipped. */
export function dataRows(all: readonly Cell[][], h: number, where: Where, kind: SheetKind, map: HeaderMap): { rows: [number, Cell[]][]; notes: Note[] } {
  const rows: [number, Cell[]][] = [];
  const notes: Note[] = [];
  const blanks: number[] = [];
  const footer: number[] = [];
  const required = FIELDS[kind].flatMap((f) => (f.required && map.columns.has(f.key) ? [map.columns.get(f.key)!] : []));
  let afterTotals = false;
  for (let i = h + 1; i < all.length; i++) {
    const shape = rowShape(all[i], i === h + 1);
    if (shape === 'blank') blanks.push(i + 1);
    else if (shape === 'totals') {
      notes.push({ ...where, column: '', code: 'totals_row', row: i + 1, params: { value: all[i].map((c) => cellText(c)).find((t) => t !== '') ?? '' } });
      afterTotals = true;
    } else if (shape === 'numbering') notes.push({ ...where, column: '', code: 'numbering_row', row: i + 1 });
    else if (afterTotals && required.filter((k) => cellText(all[i][k] ?? null) !== '').length <= 1) footer.push(i + 1);
    else rows.push([i + 1, all[i]]);
  }
  const last = rows.at(-1)?.[0] ?? h + 1;
  const inner = blanks.filter((r) => r < last);
  if (inner.length) notes.push({ ...where, column: '', code: 'blank_rows', params: { rows: inner.join(', '), n: String(inner.length) } });
  if (footer.length) notes.push({ ...where, column: '', code: 'footer_rows', params: { rows: footer.join(', '), n: String(footer.length) } });
  return { rows, notes };
}

/** The sheet's period context; `available` when Tahun/Semester columns may be absent. */
export function sheetPeriod(
  title: readonly string[], option: Period | undefined, kind: SheetKind, map: HeaderMap, stat: SheetStat, notes: Note[], where: Where
): { ctx: SheetPeriod; available: boolean } {
  const tp = periodFromTitle(title);
  if (!tp.ok && tp.conflict) notes.push({ ...where, column: '', code: 'title_period_unclear', params: { title: title.join(' / ') } });
  const fromTitle = tp.ok ? tp.period : null;
  if (fromTitle) stat.titlePeriod = periodText(fromTitle);
  if (option) stat.optionPeriod = periodText(option);
  if (fromTitle && option && periodText(fromTitle) !== periodText(option)) {
    notes.push({ ...where, column: '', code: 'period_conflict', params: { a: 'title', av: periodText(fromTitle), b: 'option', bv: periodText(option), used: 'title' } });
  }
  const ctx: SheetPeriod = { title: fromTitle, option: option ?? null, dateKeys: DATE_KEYS[kind].filter((k) => map.columns.has(k)), used: {}, disagree: [] };
  return { ctx, available: map.columns.has('period') || !!fromTitle || !!option || ctx.dateKeys.length > 0 };
}

/** After validation: which sources served the sheet's rows; rows whose cells disagree with the title or choice. */
export function finishPeriod(ctx: SheetPeriod, stat: SheetStat, notes: Note[], where: Where & { map: HeaderMap }): void {
  stat.periodSources = { ...ctx.used };
  if (ctx.disagree.length === 0) return;
  const ref = ctx.title ? 'title' : 'option';
  const refP = periodText((ctx.title ?? ctx.option)!);
  notes.push({ file: where.file, ...(where.sheet ? { sheet: where.sheet } : {}), column: '', code: 'period_conflict', params: { a: 'column', av: '', b: ref, bv: refP, used: 'column', rows: ctx.disagree.join(', ') } });
}
