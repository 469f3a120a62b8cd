/**
 * What a view shows for a count (a number, or null = hidden, "<k") and the shares computed from shown
 * counts. In public mode the shown counts are published by the cell-key method (ptable.ts), so a share
 * of two shown counts is a share of published values; a share is withheld when either is hidden.
 */

/** A count as shown: the number, or null when hidden. */
export type Cell = number | null;

/** A table as shown (for the property tests: every shown count checked against the p-table). */
export interface ProtectedTable {
  cells: Cell[][];
  rowTotals?: Cell[];
  colTotals?: Cell[];
  total?: Cell;
}

/** A percentage n/total·100, withheld (null) when either count is hidden or the total is 0. */
export function protectedShare(n: Cell, total: Cell): number | null {
  if (n === null || total === null || total <= 0) return null;
  return (100 * n) / total;
}
