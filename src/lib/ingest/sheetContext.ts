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
import type { TargetGroupCode } from '../domain/targetGroups.ts';

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
 * Values a whole sheet shares when it has no column for them: the kabupaten/kota its title names (a
 * sheet of one district) and the target group its name or title names (one sheet per group: "BADUTA",
 * "Ibu Hamil"). Each becomes a column of its own after the header's last (index `width`, `width + 1`),
 * which the caller fills in each data row (`withSheetValues`); notes say where the values came from.
 */
export function sheetValues(
  title: readonly string[], kind: SheetKind, map: HeaderMap, width: number, group: TargetGroupCode | null | undefined, stat: SheetStat, notes: Note[], where: Where
): Cell[] {
  const values: Cell[] = [];
  const add = (key: string, value: string) => {
    map.columns.set(key, width + values.length);
    map.missingRequired = map.missingRequired.filter((m) => m.key !== key);
    values.push(value);
  };
  if (kind !== 'rekomendasi' && !map.columns.has('region')) {
    const r = regionFromTitle(title);
    if (r) {
      add('region', r.code);
      stat.titleRegion = `${r.name} (${r.code})`;
      notes.push({ ...where, column: '', code: 'title_region', params: { region: r.name, code: r.code } });
    }
  }
  if (kind === 'kasus' && group && !map.columns.has('target_group')) {
    add('target_group', group);
    notes.push({ ...where, column: '', code: 'sheet_group', params: { group } });
  }
  return values;
}

/** A data row with the sheet's shared values in the columns from `width` on. */
export function withSheetValues(cells: Cell[], width: number, values: readonly Cell[]): Cell[] {
  const out = cells.slice(0, width);
  out.length = width;
  out.push(...values);
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
