/**
 * The attacker's exact integer reasoning (test-only, never imported by the app): given linear
 * constraints lo ≤ Σ coef·x ≤ hi over non-negative integer unknowns (what the public screens showed),
 * is a target expression pinned to one value? HiGHS (MILP, `highs` on npm, compiled to wasm) finds
 * the minimum and the maximum of the target over all integer tables consistent with the constraints.
 *
 * To keep it fast, targets are first unpinned in batches: any integer solution the solver returns for
 * a batch objective in which a target differs from its true value proves that target is not pinned.
 * Only the targets left after that get their own min and max solve. Before any solve, when the true
 * table is given (`pinned(…, truth)`), cheap certificates: the true table with one unknown moved by ±1,
 * checked against every constraint; each such table that satisfies them all unpins the targets holding
 * that unknown (every table used to unpin is a verified solution; "pinned" only comes from the solver).
 */
import highsLoader from 'highs';

export type Expr = ReadonlyMap<string, number>;
export interface Constraint {
  expr: Expr;
  lo: number;
  /** null: no upper bound */
  hi: number | null;
  label: string;
}
export interface Target {
  expr: Expr;
  truth: number;
  label: string;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Promise<Highs> | null = null;
// A fresh instance now and then: the wasm heap of one instance grows with every solve.
let solves = 0;
async function solver(): Promise<Highs> {
  if (!highs || ++solves % 200 === 0) highs = highsLoader();
  return highs;
}

const term = (coef: number, v: string) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${v}`;
const lin = (e: Expr) => (e.size ? [...e].map(([v, c]) => term(c, v)).join(' ') : '');

export class Attacker {
  private readonly vars = new Set<string>();
  private readonly rows: string[] = [];

  constructor(readonly constraints: readonly Constraint[]) {
    let i = 0;
    for (const c of constraints) {
      for (const v of c.expr.keys()) this.vars.add(v);
      const e = lin(c.expr);
      if (c.hi !== null && c.hi === c.lo) this.rows.push(` c${i++}: ${e} = ${c.lo}`);
      else {
        if (c.lo > 0) this.rows.push(` c${i++}: ${e} >= ${c.lo}`);
        if (c.hi !== null) this.rows.push(` c${i++}: ${e} <= ${c.hi}`);
      }
    }
  }

  private async solve(sense: 'Maximize' | 'Minimize', objective: Expr, extra: string[] = []): Promise<Map<string, number> | null> {
    const vars = [...this.vars];
    const lp = [sense, ` obj: ${objective.size ? lin(objective) : `0 ${vars[0]}`}`, 'Subject To', ...this.rows, ...extra, 'Bounds', ...vars.map((v) => ` ${v} >= 0`), 'General', ` ${vars.join(' ')}`, 'End'].join('\n');
    const h = await solver();
    const r = h.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 0 });
    if (r.Status !== 'Optimal') return null;
    const out = new Map<string, number>();
    for (const [name, col] of Object.entries(r.Columns)) out.set(name, Math.round((col as { Primal: number }).Primal));
    return out;
  }

  private static value(e: Expr, x: Map<string, number>): number {
    let s = 0;
    for (const [v, c] of e) s += c * (x.get(v) ?? 0);
    return s;
  }

  /** The shown constraints admit the true table (a sanity check of the collector). */
  feasibleWith(truth: Map<string, number>): string[] {
    return this.constraints.filter((c) => {
      const v = Attacker.value(c.expr, truth);
      return v < c.lo || (c.hi !== null && v > c.hi);
    }).map((c) => `${c.label}: true ${Attacker.value(c.expr, truth)} outside [${c.lo}, ${c.hi ?? '∞'}]`);
  }

  /**
   * The unknowns that can move by +1 or −1 alone from the (feasible) table x with every constraint
   * still met: each gives a verified table in which every target holding it (coefficients 1) differs.
   */
  private singleMoves(x: Map<string, number>): Set<string> {
    const byVar = new Map<string, number[]>();
    const value = this.constraints.map((c, i) => {
      for (const v of c.expr.keys()) (byVar.get(v) ?? byVar.set(v, []).get(v)!).push(i);
      return Attacker.value(c.expr, x);
    });
    const out = new Set<string>();
    for (const [v, cs] of byVar) {
      for (const step of [1, -1]) {
        if ((x.get(v) ?? 0) + step < 0) continue;
        const ok = cs.every((i) => {
          const c = this.constraints[i];
          const nv = value[i] + step * (c.expr.get(v) ?? 0);
          return nv >= c.lo && (c.hi === null || nv <= c.hi);
        });
        if (ok) {
          out.add(v);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The open targets left after pair moves from the (feasible) table x: one unknown w > 0 down by 1 and
   * another v up by 1, every constraint still met (checked); a target holding exactly one of the two
   * differs in that verified table.
   */
  private pairMoves(x: Map<string, number>, open: Target[]): Target[] {
    const byVar = new Map<string, number[]>();
    const value = this.constraints.map((c, i) => {
      for (const v of c.expr.keys()) (byVar.get(v) ?? byVar.set(v, []).get(v)!).push(i);
      return Attacker.value(c.expr, x);
    });
    const delta = new Map<number, number>();
    const fits = (moves: [string, number][]) => {
      delta.clear();
      for (const [v, step] of moves) for (const i of byVar.get(v) ?? []) delta.set(i, (delta.get(i) ?? 0) + step * this.constraints[i].expr.get(v)!);
      for (const [i, dv] of delta) {
        const c = this.constraints[i];
        const nv = value[i] + dv;
        if (nv < c.lo || (c.hi !== null && nv > c.hi)) return false;
      }
      return true;
    };
    const targetsOf = new Map<string, Target[]>();
    for (const t of open) for (const v of t.expr.keys()) (targetsOf.get(v) ?? targetsOf.set(v, []).get(v)!).push(t);
    const unpinned = new Set<Target>();
    const down = [...byVar.keys()].filter((w) => (x.get(w) ?? 0) > 0);
    for (const w of down)
      for (const v of byVar.keys()) {
        if (v === w) continue;
        const touched = [...(targetsOf.get(v) ?? []), ...(targetsOf.get(w) ?? [])].filter((t) => !unpinned.has(t) && t.expr.has(v) !== t.expr.has(w));
        if (!touched.length || !fits([[w, -1], [v, 1]])) continue;
        for (const t of touched) unpinned.add(t);
      }
    return open.filter((t) => !unpinned.has(t));
  }

  /**
   * The targets pinned to one value (their true value) by the constraints. `maxSingle` bounds the
   * individual solves (each pinned target costs two); the count of targets left unchecked is returned.
   */
  async pinned(targets: readonly Target[], maxSingle = Infinity, truth?: Map<string, number>): Promise<{ pinned: Target[]; unchecked: number; solves: number }> {
    let open = targets.filter((t) => [...t.expr.keys()].every((v) => this.vars.has(v)));
    let count = 0;
    const drop = (x: Map<string, number> | null) => {
      if (x) open = open.filter((t) => Attacker.value(t.expr, x) === t.truth);
    };
    if (truth) {
      if (this.feasibleWith(truth).length) throw new Error('the true table does not satisfy the constraints: no moves from it');
      const moved = this.singleMoves(truth);
      open = open.filter((t) => ![...t.expr.keys()].some((v) => moved.has(v)));
      if (process.env.ATTACK_VERBOSE) console.log(`single moves: ${moved.size} unknowns move, ${open.length} of ${targets.length} targets open`);
      open = this.pairMoves(truth, open);
      if (process.env.ATTACK_VERBOSE) console.log(`pair moves: ${open.length} of ${targets.length} targets open`);
    }
    // batches: push every open target up, then down, then in random directions (not worth it for a few)
    let seed = 15;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 14 && open.length > (truth ? 20 : 0); round++) {
      const obj = new Map<string, number>();
      for (const t of open) {
        const w = round < 2 ? 1 : rnd() < 0.5 ? -1 - Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 3);
        for (const [v, c] of t.expr) obj.set(v, (obj.get(v) ?? 0) + w * c);
      }
      count++;
      drop(await this.solve(round % 2 ? 'Minimize' : 'Maximize', obj));
    }
    const pinned: Target[] = [];
    let unchecked = 0;
    // one by one; every solution found also unpins the other open targets it moves
    while (open.length) {
      const t = open.shift()!;
      if (process.env.ATTACK_VERBOSE) console.log(`exact solves: ${open.length + 1} open`);
      if (pinned.length >= maxSingle) {
        unchecked++;
        continue;
      }
      // any integer table with the target above (then below) its true value: a feasibility problem,
      // the solver stops at the first one it finds
      count++;
      const hi = await this.solve('Maximize', new Map(), [` up: ${lin(t.expr)} >= ${t.truth + 1}`]);
      drop(hi);
      if (hi) continue;
      if (t.truth > 0) {
        count++;
        const lo = await this.solve('Minimize', new Map(), [` down: ${lin(t.expr)} <= ${t.truth - 1}`]);
        drop(lo);
        if (lo) continue;
      }
      pinned.push(t);
    }
    return { pinned, unchecked, solves: count };
  }
}
