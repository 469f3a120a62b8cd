/**
 * The counts of the root-cause view by key (scope × period × cause), as shown: one value per key
 * however many tables show it. In public mode the values arrive published (src/lib/privacy/ptable.ts:
 * perturbed by their cell key in the database, NULL = "<k"), so a count reads the same in every table,
 * and one no query returned (no case at all) reads "<k" too. Used by disclosure.ts.
 */
import type { Cell, Disclosure, ProtectedTable } from '$lib/privacy/index.ts';

/** A table of keyed counts (the shape of a ProtectedTable, with keys in place of numbers). */
export interface Spec {
  name: string;
  cells: string[][];
  rowTotals?: string[];
  colTotals?: string[];
  total?: string;
}

export class Registry {
  readonly values = new Map<string, Cell>();
  constructor(readonly d: Disclosure) {}
  /** The value as a number (0 when hidden or absent): for sorting and padding, never shown as is. */
  value(key: string): number {
    return this.values.get(key) ?? 0;
  }
  /** The count as shown: null = "<k" (public mode; absent keys are true zeros, never shown as 0). */
  get(key: string): Cell {
    const v = this.values.get(key);
    return v === undefined ? (this.d.public ? null : 0) : v;
  }
  shown(s: Spec): ProtectedTable {
    const g = (k: string) => this.get(k);
    return { cells: s.cells.map((r) => r.map(g)), rowTotals: s.rowTotals?.map(g), colTotals: s.colTotals?.map(g), total: s.total === undefined ? undefined : g(s.total) };
  }
}
