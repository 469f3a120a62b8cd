/**
 * Statistical disclosure control for the tables we show: primary suppression of small counts and
 * complementary suppression so that no hidden cell can be recovered from a shown total of the same
 * table (a row, a column, or the row/column totals against the grand total). Pure functions.
 *
 * A table is cells[r][c] with optional shown totals per row, per column and overall. Shown counts are
 * numbers; hidden ones are null. Totals are treated as additive (the sum of their line) even where they
 * are not exactly (a case with several causes): that only ever hides more, never less.
 */
import { isSmall, type Disclosure } from './policy.ts';

/** A count as shown: the number, or null when hidden. */
export type Cell = number | null;

export interface CountTable {
  cells: readonly (readonly number[])[];
  rowTotals?: readonly number[];
  colTotals?: readonly number[];
  total?: number;
}
export interface ProtectedTable {
  cells: Cell[][];
  rowTotals?: Cell[];
  colTotals?: Cell[];
  total?: Cell;
}

/** One line of the table: its members (hidden flags + values) and the total they add up to, if shown. */
interface Line {
  members: { get: () => boolean; hide: () => void; value: number }[];
  total: { get: () => boolean; hide: () => void; value: number } | null;
}

export function protectTable(t: CountTable, d: Disclosure): ProtectedTable {
  const rows = t.cells.length;
  const cols = rows ? t.cells[0].length : (t.colTotals?.length ?? 0);
  const hid = t.cells.map((r) => r.map((v) => isSmall(v, d)));
  const rowHid = t.rowTotals?.map((v) => isSmall(v, d));
  const colHid = t.colTotals?.map((v) => isSmall(v, d));
  let totalHid = t.total !== undefined ? isSmall(t.total, d) : false;

  if (d.public) {
    const cell = (r: number, c: number) => ({ get: () => hid[r][c], hide: () => (hid[r][c] = true), value: t.cells[r][c] });
    const lines: Line[] = [];
    if (t.rowTotals)
      for (let r = 0; r < rows; r++)
        lines.push({
          members: Array.from({ length: cols }, (_, c) => cell(r, c)),
          total: { get: () => rowHid![r], hide: () => (rowHid![r] = true), value: t.rowTotals![r] }
        });
    if (t.colTotals)
      for (let c = 0; c < cols; c++)
        lines.push({
          members: Array.from({ length: rows }, (_, r) => cell(r, c)),
          total: { get: () => colHid![c], hide: () => (colHid![c] = true), value: t.colTotals![c] }
        });
    const grand = t.total !== undefined ? { get: () => totalHid, hide: () => (totalHid = true), value: t.total } : null;
    if (t.rowTotals && grand)
      lines.push({ members: t.rowTotals.map((v, r) => ({ get: () => rowHid![r], hide: () => (rowHid![r] = true), value: v })), total: grand });
    if (t.colTotals && grand)
      lines.push({ members: t.colTotals.map((v, c) => ({ get: () => colHid![c], hide: () => (colHid![c] = true), value: v })), total: grand });
    // Without row totals the row is no equation, but a shown grand total with one row is (a list).
    if (!t.rowTotals && !t.colTotals && grand && rows === 1) lines.push({ members: Array.from({ length: cols }, (_, c) => cell(0, c)), total: grand });
    protectLines(lines);
  }
  const show = (v: number, h: boolean): Cell => (h ? null : v);
  return {
    cells: t.cells.map((r, i) => r.map((v, j) => show(v, hid[i][j]))),
    rowTotals: t.rowTotals?.map((v, i) => show(v, rowHid![i])),
    colTotals: t.colTotals?.map((v, j) => show(v, colHid![j])),
    total: t.total !== undefined ? show(t.total, totalHid) : undefined
  };
}

/**
 * Until stable: a line whose total is shown and that has exactly one hidden member gets a second one
 * hidden (its smallest shown member: least information lost); a line with nothing else to hide hides
 * its total instead.
 */
function protectLines(lines: Line[]): void {
  for (let changed = true, guard = 0; changed && guard < 10_000; guard++) {
    changed = false;
    for (const l of lines) {
      if (!l.total || l.total.get()) continue;
      const hidden = l.members.filter((m) => m.get()).length;
      if (hidden !== 1) continue;
      const candidates = l.members.filter((m) => !m.get()).sort((a, b) => a.value - b.value);
      if (candidates.length) candidates[0].hide();
      else l.total.hide();
      changed = true;
    }
  }
}

/** A list of counts with (optionally) their shown total: one row of a table. */
export function protectList(values: readonly number[], total: number | undefined, d: Disclosure): { values: Cell[]; total?: Cell } {
  const p = protectTable({ cells: [values], total }, d);
  return { values: p.cells[0] ?? [], total: p.total };
}

/** A single count on its own (no total beside it). */
export function protectCount(n: number, d: Disclosure): Cell {
  return isSmall(n, d) ? null : n;
}

/** A percentage n/total·100, withheld (null) when either count is hidden or the total is 0. */
export function protectedShare(n: Cell, total: Cell): number | null {
  if (n === null || total === null || total <= 0) return null;
  return (100 * n) / total;
}

/**
 * A share of people with an attribute (n of total), shown only when the total, those with it and those
 * without it all reach the threshold (each is a count the share reveals). Outside public mode: n/total.
 */
export function shownShare(n: number, total: number, d: Disclosure): number | null {
  if (total <= 0) return null;
  if (isSmall(total, d) || isSmall(n, d) || isSmall(total - n, d)) return null;
  return (100 * n) / total;
}
