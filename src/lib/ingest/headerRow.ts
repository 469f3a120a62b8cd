/**
 * Where a sheet's header is: real worksheets carry a title block above it ("KERTAS KERJA AUDIT KASUS
 * STUNTING", "KABUPATEN CIANJUR - SEMESTER I TAHUN 2023", blank lines) and, below it, a row of column
 * numbers, blank rows and totals rows ("JUMLAH", "TOTAL"). The header is the row among the first 30
 * that names the most template fields of one sheet kind (its distinctive field included); the rows
 * above it are the title block, kept as the sheet's context. Pure.
 */
import { FIELDS, fieldFor, isPrivacyHeader } from './headers.ts';
import { mappedField, type ColumnMapping } from './mapping.ts';
import { cellText, normKey, normWords } from './text.ts';
import type { Cell, SheetKind } from './types.ts';
import type { TargetGroupCode } from '../domain/targetGroups.ts';
import { groupFromSheet } from './titleGroup.ts';

export const HEADER_SCAN_ROWS = 30;
const DISTINCTIVE: Record<SheetKind, string> = { kasus: 'target_group', rekomendasi: 'intervention', kalender: 'stage' };
const KINDS = Object.keys(FIELDS) as SheetKind[];

export interface HeaderRow {
  /** 0-based index of the header row (-1: a blank sheet). */
  index: number;
  kind: SheetKind | null;
  /** The title block: each non-blank row above the header, its cells joined. */
  title: string[];
  /** A header on two rows (`index` is its lower row): the texts of both read together. */
  cells?: string[];
  /** A kasus sheet's target group named by the sheet's name or title (titleGroup.ts). */
  group?: TargetGroupCode;
}

/** The template field a header names in a kind, the officer's mapping first. */
export function headerField(kind: SheetKind, header: string, mapping?: ColumnMapping): string | null {
  const m = mappedField(mapping, kind, header);
  return m === undefined ? fieldFor(kind, header) : m;
}

/** `group`: the sheet's name or title names a target group, so a kasus sheet may lack its Sasaran column. */
function kindScores(row: readonly Cell[], sheet: string | undefined, mapping: ColumnMapping | undefined, group: boolean): { kind: SheetKind; score: number }[] {
  const texts = row.map((c) => cellText(c)).filter((t) => t !== '');
  const privacy = texts.filter(isPrivacyHeader).length;
  return KINDS.map((kind) => {
    const keys = new Set(texts.map((t) => headerField(kind, t, mapping)).filter(Boolean));
    const distinctive = keys.has(DISTINCTIVE[kind]) || (kind === 'kasus' && group && keys.has('case_ref'));
    // a row of one cell is a title line ("Isi satu baris per rekomendasi"), never a header
    let score = distinctive && texts.length >= 2 ? keys.size + privacy * 0.5 : 0;
    if (score > 0 && sheet && normKey(sheet).startsWith(normKey(kind).slice(0, 5))) score += 0.25;
    return { kind, score };
  });
}

const blank = (r: readonly Cell[] | undefined) => !r || r.every((c) => cellText(c) === '');

export function findHeaderRow(rows: readonly (readonly Cell[])[], sheet?: string, mapping?: ColumnMapping): HeaderRow {
  const first = rows.findIndex((r) => !blank(r));
  if (first < 0) return { index: -1, kind: null, title: [] };
  let best = { index: first, kind: null as SheetKind | null, score: 0, group: null as TargetGroupCode | null };
  for (let i = first; i < Math.min(rows.length, first + HEADER_SCAN_ROWS); i++) {
    if (blank(rows[i])) continue;
    const group = groupFromSheet(sheet, titleLines(rows, i));
    for (const s of kindScores(rows[i], sheet, mapping, group !== null)) if (s.score > best.score) best = { index: i, kind: s.kind, score: s.score, group };
  }
  const two = best.kind ? twoRowHeader(rows, best.index, best.kind, mapping) : null;
  const top = two ? two.top : best.index;
  const title = titleLines(rows, top);
  const group = best.kind === 'kasus' && best.group ? { group: best.group } : {};
  return two ? { index: top + 1, kind: best.kind, title, cells: two.cells, ...group } : { index: best.index, kind: best.kind, title, ...group };
}

/** The title block above row `i`: each non-blank row, its cells joined. */
function titleLines(rows: readonly (readonly Cell[])[], i: number): string[] {
  return rows.slice(0, i).filter((r) => !blank(r)).map((r) => r.map((c) => cellText(c)).filter((t) => t !== '').join(' '));
}

/**
 * Headers on two rows, as worksheets merge them: a group cell above its parts ("Status Gizi" over
 * "TB/U" and "BB/TB"; "Penyebab" over "Utama" and "Lainnya"). A merged cell is saved with its text in
 * its first column and blanks in the others, so a group's text carries right over the blanks above
 * its parts. The row below (or above) the best header row joins it only when it holds no number or
 * date (data rows do) and both rows read together name more fields than the best row alone.
 */
function twoRowHeader(rows: readonly (readonly Cell[])[], i: number, kind: SheetKind, mapping?: ColumnMapping): { top: number; cells: string[] } | null {
  const alone = fieldCount(kind, rows[i].map((c) => cellText(c)), mapping);
  let best: { top: number; cells: string[]; n: number } | null = null;
  for (const top of [i, i - 1]) {
    // a title line ("KABUPATEN LEBAK SEMESTER I 2024", "Kabupaten: | Garut") is never a header's upper row
    if (top < 0 || !couldBeSubHeader(rows[top + 1]) || rows[top].filter((c) => cellText(c) !== '').length < 3) continue;
    if (rowShape(rows[top + 1], true) === 'numbering') continue;
    const cells = combineHeaderRows(kind, rows[top], rows[top + 1], mapping);
    const n = fieldCount(kind, cells, mapping);
    if (n > alone && (!best || n > best.n)) best = { top, cells, n };
  }
  return best && { top: best.top, cells: best.cells };
}

/** The header texts of `top` read with the row under it, for a sheet kind. */
export function combineHeaderRows(kind: SheetKind, top: readonly Cell[], sub: readonly Cell[], mapping?: ColumnMapping): string[] {
  const width = Math.max(top.length, sub.length);
  const out: string[] = [];
  let group = '';
  for (let j = 0; j < width; j++) {
    const t = cellText(top[j]);
    const s = cellText(sub[j]);
    if (t !== '') group = t;
    else if (s === '') group = ''; // a blank column ends the merged group
    if (s === '') {
      out.push(t);
      continue;
    }
    const parent = t !== '' ? t : group;
    const both = parent ? `${parent} ${s}` : s;
    // "Tanggal" + "Kajian" names a field together; "Data Anak" + "Usia anak (bulan)" by its part alone
    out.push(headerField(kind, both, mapping) || !headerField(kind, s, mapping) ? both : s);
  }
  return out;
}

/** Whether a row can be the lower row of a header: some text, and no number or date in it. */
export function couldBeSubHeader(row: readonly Cell[] | undefined): boolean {
  if (!row) return false;
  const texts = row.map((c) => (c instanceof Date || typeof c === 'number' ? '#' : cellText(c))).filter((t) => t !== '');
  return texts.length > 0 && texts.every((t) => t !== '#' && !/^[-+]?\d+([.,]\d+)?$/.test(t) && !/^\(?\d+\)?$/.test(t) && !/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(t));
}

/** How many distinct fields of a kind some header texts name. */
export function fieldCount(kind: SheetKind, texts: readonly string[], mapping?: ColumnMapping): number {
  return new Set(texts.map((t) => (t ? headerField(kind, t, mapping) : null)).filter(Boolean)).size;
}


export type RowShape = 'data' | 'blank' | 'totals' | 'numbering';
const TOTALS = /^(jumlah|total|grand total|sub ?total|subtotal|jml|rekapitulasi|rata rata|sum)( |$)/;

/** Rows of a sheet that are not data: blank, a totals row, the column-number row under the header. */
export function rowShape(cells: readonly Cell[], afterHeader: boolean): RowShape {
  const texts = cells.map((c) => cellText(c)).filter((t) => t !== '');
  if (texts.length === 0) return 'blank';
  if (TOTALS.test(normWords(texts[0]))) return 'totals';
  if (afterHeader && texts.length >= 3 && texts.every((t, i) => t.replace(/[()[\].\s]/g, '') === String(i + 1))) return 'numbering';
  return 'data';
}
