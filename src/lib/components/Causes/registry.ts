/**
 * The counts of the root-cause view as one system of additive lines (src/lib/privacy/lines.ts): keyed
 * counts, the lines each shown table implies, and the audit's view of a table. Used by disclosure.ts.
 */
import { LineSystem, protectCount, type Cell, type Disclosure, type LineNode, type ProtectedTable } from '$lib/privacy/index.ts';

/** A table of keyed counts (the shape protectTable takes, with keys in place of numbers). */
export interface Spec {
  name: string;
  cells: string[][];
  rowTotals?: string[];
  colTotals?: string[];
  total?: string;
}

/**
 * Counts by key, protected as ONE system of additive lines (src/lib/privacy/lines.ts) over every table
 * of the view: a key is one node however many tables show it, so a count hidden in one table is hidden
 * in all, and the exact check sees sums that run through several tables. Keys in no line (a lone count)
 * get primary suppression only.
 */
export class Registry {
  readonly values = new Map<string, number>();
  private readonly sys = new LineSystem();
  private readonly nodes = new Map<string, LineNode>();
  private readonly lines = new Set<string>();
  constructor(readonly d: Disclosure) {}
  value(key: string): number {
    return this.values.get(key) ?? 0;
  }
  private node(key: string): LineNode {
    let n = this.nodes.get(key);
    // implicit nodes (never displayed, only derivable) are named with a leading "~"
    if (!n) this.nodes.set(key, (n = this.sys.node(this.value(key), !key.startsWith('~'))));
    return n;
  }
  /** total = Σ members (each line once) */
  line(total: string, members: readonly string[]): void {
    if (!members.length) return;
    const id = `${total}=${[...members].sort().join('+')}`;
    if (this.lines.has(id)) return;
    this.lines.add(id);
    this.sys.line(this.node(total), members.map((m) => this.node(m)));
  }
  /** The lines a table shows: its rows, columns and totals. */
  table(s: Spec): void {
    s.rowTotals?.forEach((k, i) => this.line(k, s.cells[i]));
    const cols = s.cells[0]?.length ?? 0;
    if (s.colTotals) for (let j = 0; j < cols; j++) this.line(s.colTotals[j], s.cells.map((r) => r[j]));
    if (s.total && s.rowTotals) this.line(s.total, s.rowTotals);
    if (s.total && s.colTotals) this.line(s.total, s.colTotals);
    if (s.total && !s.rowTotals && !s.colTotals && s.cells.length === 1) this.line(s.total, s.cells[0]);
  }
  solve(): void {
    this.sys.solve(this.d);
  }
  get(key: string): Cell {
    const n = this.nodes.get(key);
    return n ? this.sys.cell(n) : protectCount(this.value(key), this.d);
  }
  /** Hidden only as a complement (reads "×", not "<5"). */
  masked(key: string): boolean {
    const n = this.nodes.get(key);
    return n ? this.sys.masked(n, this.d) : false;
  }
  shown(s: Spec): ProtectedTable {
    const g = (k: string) => this.get(k);
    return { cells: s.cells.map((r) => r.map(g)), rowTotals: s.rowTotals?.map(g), colTotals: s.colTotals?.map(g), total: s.total === undefined ? undefined : g(s.total) };
  }
}

/**
 * The audit's view of a table in any-cause mode, where a row's causes do not add up to its total: what
 * a viewer can work out is each cause's complement (total − n, shown when both are) and the sums that do
 * hold (regions or semesters add up to their parent, column by column and in total).
 */
export function anyModeTables(reg: Registry, s: Spec): { name: string; table: ProtectedTable }[] {
  const g = (k: string) => reg.get(k);
  const out: { name: string; table: ProtectedTable }[] = [];
  if (s.colTotals) out.push({ name: `${s.name} columns`, table: { cells: s.cells.map((r) => r.map(g)), colTotals: s.colTotals.map(g) } });
  if (s.rowTotals && s.total) out.push({ name: `${s.name} row totals`, table: { cells: [s.rowTotals.map(g)], total: g(s.total) } });
  const rowTotal = (i: number) => s.rowTotals?.[i] ?? (s.cells.length === 1 ? s.total : undefined);
  s.cells.forEach((r, i) => {
    const t = rowTotal(i);
    if (t) for (const k of r) out.push({ name: `${s.name} ${k} without`, table: { cells: [[g(k), g(`~w${k.slice(1, k.lastIndexOf('|'))}${k.slice(k.lastIndexOf('|'))}`)]], total: g(t) } });
  });
  return out;
}

