/**
 * Suppression over a system of additive lines (total = Σ members), for tables whose numbers nest in more
 * ways than rows × columns: recommended = delivered + not delivered, delivered = followed up + not yet,
 * not delivered = past due + not yet due, and each of those summed over items, sections and regions.
 * Nodes may be implicit (never displayed, but derivable: "not delivered"); they are protected like the
 * others, and hiding them costs nothing on screen.
 *
 * 1. Primary: every count below the threshold (zero included) is hidden (`isSmall`).
 * 2. Lines: no line may have exactly one hidden term (its total or a member): it would be the total
 *    minus the others; nor hidden members that add up to 0 beside a shown total (counts are never
 *    negative, so each would be 0). Such a line hides another term: an implicit member first, else its
 *    smallest shown (non-zero, for a zero sum) member, else its total.
 * 3. Exact check: a hidden node is still recoverable when the shown values determine it through several
 *    lines at once (Gaussian elimination over the hidden nodes); one more term of a line holding it is
 *    hidden and 2–3 repeat until nothing hidden is determined.
 * Outside public mode nothing is hidden. Pure.
 */
import { isSmall, type Disclosure } from './policy.ts';

/** A count as shown: the number, or null when hidden. */
export type Cell = number | null;

export interface LineNode {
  readonly id: number;
  readonly value: number;
  /** Displayed somewhere (false: only derivable from displayed ones). */
  readonly displayed: boolean;
  hidden: boolean;
}
export interface Line {
  total: LineNode;
  members: LineNode[];
}

export class LineSystem {
  readonly nodes: LineNode[] = [];
  readonly lines: Line[] = [];

  node(value: number, displayed = true): LineNode {
    const n: LineNode = { id: this.nodes.length, value, displayed, hidden: false };
    this.nodes.push(n);
    return n;
  }
  line(total: LineNode, members: LineNode[]): void {
    if (members.length) this.lines.push({ total, members });
  }

  solve(d: Disclosure): void {
    for (const n of this.nodes) n.hidden = isSmall(n.value, d);
    if (!d.public) return;
    for (let guard = 0; guard < this.nodes.length + 1; guard++) {
      this.protectLines();
      const open = determinedNodes(this);
      if (!open.length) return;
      this.hideBeside(open[0]);
    }
  }

  /** A shown count, or null when hidden. */
  cell(n: LineNode): Cell {
    return n.hidden ? null : n.value;
  }

  /** Hidden only by complementary suppression (not itself small): reads "×", not "<5". */
  masked(n: LineNode, d: Disclosure): boolean {
    return n.hidden && !isSmall(n.value, d);
  }

  private protectLines(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const l of this.lines) {
        const hiddenMembers = l.members.filter((m) => m.hidden);
        const hidden = (l.total.hidden ? 1 : 0) + hiddenMembers.length;
        const zeroSum = !l.total.hidden && hiddenMembers.length > 0 && hiddenMembers.every((m) => m.value === 0);
        if (hidden !== 1 && !zeroSum) continue;
        const next = pick(zeroSum ? l.members.filter((m) => m.value > 0) : l.members) ?? l.total;
        if (next.hidden) continue;
        next.hidden = true;
        changed = true;
      }
    }
  }

  /** Hides one more term of a line holding the recoverable node `n`. */
  private hideBeside(n: LineNode): void {
    for (const l of this.lines) {
      if (l.total !== n && !l.members.includes(n)) continue;
      const next = pick(l.members.filter((m) => m !== n)) ?? (l.total.hidden ? undefined : l.total);
      if (next) {
        next.hidden = true;
        return;
      }
    }
    // every line around it is fully hidden already (cannot happen for a determined node): hide all
    for (const x of this.nodes) x.hidden = true;
  }
}

/** The shown member to hide next: implicit ones first (free), then the smallest. */
function pick(members: readonly LineNode[]): LineNode | undefined {
  let best: LineNode | undefined;
  for (const m of members) {
    if (m.hidden) continue;
    if (!best || (m.displayed ? 1 : 0) < (best.displayed ? 1 : 0) || (m.displayed === best.displayed && m.value < best.value)) best = m;
  }
  return best;
}

/**
 * Hidden nodes whose value the shown ones determine through the lines (linear algebra; bounds from
 * non-negativity are not counted: they only say "small"). Reduced row echelon form of the hidden part of
 * each line's equation: a node is determined iff a reduced row has it as its only non-zero.
 */
export function determinedNodes(s: { nodes: readonly LineNode[]; lines: readonly Line[] }): LineNode[] {
  const hidden = s.nodes.filter((n) => n.hidden);
  if (!hidden.length) return [];
  const col = new Map(hidden.map((n, i) => [n.id, i]));
  const rows: Float64Array[] = [];
  for (const l of s.lines) {
    const r = new Float64Array(hidden.length);
    let any = false;
    const add = (n: LineNode, c: number) => {
      const j = col.get(n.id);
      if (j !== undefined) {
        r[j] += c;
        any = true;
      }
    };
    add(l.total, 1);
    for (const m of l.members) add(m, -1);
    if (any) rows.push(r);
  }
  const EPS = 1e-9;
  let pivotRow = 0;
  const pivots: [number, number][] = [];
  for (let j = 0; j < hidden.length && pivotRow < rows.length; j++) {
    let p = -1;
    for (let i = pivotRow; i < rows.length; i++) if (Math.abs(rows[i][j]) > EPS) { p = i; break; }
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p], rows[pivotRow]];
    const pr = rows[pivotRow];
    const f = pr[j];
    for (let k = j; k < hidden.length; k++) pr[k] /= f;
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow) continue;
      const g = rows[i][j];
      if (Math.abs(g) <= EPS) continue;
      const ri = rows[i];
      for (let k = j; k < hidden.length; k++) ri[k] -= g * pr[k];
    }
    pivots.push([pivotRow, j]);
    pivotRow++;
  }
  const out: LineNode[] = [];
  for (const [i, j] of pivots) {
    let others = false;
    for (let k = 0; k < hidden.length && !others; k++) if (k !== j && Math.abs(rows[i][k]) > EPS) others = true;
    if (!others) out.push(hidden[j]);
  }
  return out;
}
