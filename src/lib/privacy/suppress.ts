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
import { LineSystem, type Cell, type LineNode } from './lines.ts';

export type { Cell };

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
  /**
   * Hidden by complementary suppression only (the count itself is not small): shown as "×", not "<5",
   * so the table never states something false. Absent when nothing is.
   */
  masked?: Masked;
}
export interface Masked {
  cells: boolean[][];
  rowTotals?: boolean[];
  colTotals?: boolean[];
  total?: boolean;
}

/**
 * Protects a table: its rows, columns and totals become additive lines of a LineSystem (lines.ts), so
 * tables and the views with more nested sums share one suppression mechanism.
 */
export function protectTable(t: CountTable, d: Disclosure): ProtectedTable {
  const sys = new LineSystem();
  const cells = t.cells.map((r) => r.map((v) => sys.node(v)));
  const rowTotals = t.rowTotals?.map((v) => sys.node(v));
  const colTotals = t.colTotals?.map((v) => sys.node(v));
  const total = t.total !== undefined ? sys.node(t.total) : undefined;
  const cols = cells[0]?.length ?? 0;
  if (rowTotals) cells.forEach((r, i) => sys.line(rowTotals[i], r));
  if (colTotals) for (let j = 0; j < cols; j++) sys.line(colTotals[j], cells.map((r) => r[j]));
  if (total && rowTotals) sys.line(total, rowTotals);
  if (total && colTotals) sys.line(total, colTotals);
  // A single row with a grand total but no row totals is a list: its total is the row's sum.
  if (total && !rowTotals && !colTotals && cells.length === 1) sys.line(total, cells[0]);
  sys.solve(d);

  const show = (n: LineNode) => sys.cell(n);
  const mask = (n: LineNode) => sys.masked(n, d);
  const out: ProtectedTable = {
    cells: cells.map((r) => r.map(show)),
    rowTotals: rowTotals?.map(show),
    colTotals: colTotals?.map(show),
    total: total ? show(total) : undefined
  };
  if (sys.nodes.some(mask))
    out.masked = { cells: cells.map((r) => r.map(mask)), rowTotals: rowTotals?.map(mask), colTotals: colTotals?.map(mask), total: total ? mask(total) : undefined };
  return out;
}

/** A list of counts with (optionally) their shown total: one row of a table. */
export function protectList(
  values: readonly number[],
  total: number | undefined,
  d: Disclosure
): { values: Cell[]; total?: Cell; masked?: boolean[] } {
  const p = protectTable({ cells: [values], total }, d);
  return { values: p.cells[0] ?? [], total: p.total, ...(p.masked ? { masked: p.masked.cells[0] } : {}) };
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
