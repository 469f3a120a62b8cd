/**
 * Where a sheet's rows without period cells take their period from (title block, dates, the user's
 * choice; rowPeriod.ts), with the notes that say so. Pure.
 */
import type { Period } from '../domain/periods.ts';
import type { HeaderMap } from './headers.ts';
import { periodFromTitle, periodText } from './period.ts';
import { regionFromTitle } from './titleRegion.ts';
import { DATE_KEYS, type SheetPeriod } from './rowPeriod.ts';
import type { Cell, Note, SheetKind, SheetStat } from './types.ts';

type Where = { file: string; sheet?: string };

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

/**
 * A sheet of one district often has no Kabupaten/Kota column: its title names the district. Then the
 * region is a column of its own at index `width` (after the header's last), which the caller fills in
 * each data row (`withTitleRegion`); returns the regency code, or null when the sheet has the column
 * or its title names no single regency.
 */
export function sheetRegion(title: readonly string[], kind: SheetKind, map: HeaderMap, width: number, stat: SheetStat, notes: Note[], where: Where): string | null {
  if (kind === 'rekomendasi' || map.columns.has('region')) return null;
  const r = regionFromTitle(title);
  if (!r) return null;
  map.columns.set('region', width);
  map.missingRequired = map.missingRequired.filter((m) => m.key !== 'region');
  stat.titleRegion = `${r.name} (${r.code})`;
  notes.push({ ...where, column: '', code: 'title_region', params: { region: r.name, code: r.code } });
  return r.code;
}

/** A data row with the title's region in the virtual column `width`. */
export function withTitleRegion(cells: Cell[], width: number, code: string): Cell[] {
  const out = cells.slice(0, width);
  out.length = width;
  out[width] = code;
  return out;
}

/** After validation: which sources served the sheet's rows; rows whose cells disagree with the title or choice. */
export function finishPeriod(ctx: SheetPeriod, stat: SheetStat, notes: Note[], where: Where & { map: HeaderMap }): void {
  stat.periodSources = { ...ctx.used };
  if (ctx.disagree.length === 0) return;
  const ref = ctx.title ? 'title' : 'option';
  const refP = periodText((ctx.title ?? ctx.option)!);
  notes.push({ file: where.file, ...(where.sheet ? { sheet: where.sheet } : {}), column: '', code: 'period_conflict', params: { a: 'column', av: '', b: ref, bv: refP, used: 'column', rows: ctx.disagree.join(', ') } });
}
