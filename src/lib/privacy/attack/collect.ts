/**
 * The outsider of issue 15 (test-only): for one regency, open every public screen about it that a link
 * can reach (all semesters and each one × all target groups and each one, the root-cause view with its
 * profile, trend and matrix row, the story's cases and causes screens), through the views' REAL queries
 * and disclosure functions on the demo snapshot, and write down every number shown as a constraint on
 * the regency's unknown true counts: x[s,g,c] = cases of semester s, group g with primary cause c, and
 * u[s,g] = cases without a conclusion yet. How a shown value constrains its true count is the
 * mechanism's (`interpret`): exact, "<k", "×" for the old suppression; ± the p-table's maximum now.
 */
import { causeAppliesTo, CAUSES, DEMO_PERIODS, REGENCY_BY_CODE, TARGET_GROUP_CODES, type Period, type TargetGroupCode } from '$lib/domain/index.ts';
import type { OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import type { Constraint, Expr, Target } from './solve.ts';

/** A set of the regency's cases: one semester or all, one group or all, and which causes. */
export interface CellRef {
  sem: number | null;
  group: TargetGroupCode | null;
  /** causes counted; 'concluded' = every primary cause; 'cases' = every case, concluded or not */
  causes: readonly string[] | 'concluded' | 'cases';
}
/** What a screen showed for a cell: a number, "<k" (small), "×" (hidden as a complement), or hidden without saying which. */
export type ShownValue = number | 'small' | 'masked' | 'hidden';
export interface ShownCell {
  cell: CellRef;
  shown: ShownValue;
  where: string;
}
export interface State {
  regency: string;
  province: string;
  period: Period | null;
  group: TargetGroupCode | null;
}
export interface Mechanism {
  name: string;
  /** The interval [lo, hi] (hi null = unbounded) of true counts consistent with a shown value. */
  interpret(shown: ShownValue): [number, number | null];
  /** Every count the public screens show for the state, as cells of the regency. */
  screens(snap: OpenSnapshot, s: State): Promise<ShownCell[]>;
}

const xv = (s: number, g: string, c: string) => `x_${s}_${g}_${c}`;
const uv = (s: number, g: string) => `u_${s}_${g}`;

export function exprOf(c: CellRef): Expr {
  const e = new Map<string, number>();
  const sems = c.sem === null ? DEMO_PERIODS.map((_, i) => i) : [c.sem];
  const groups = c.group === null ? TARGET_GROUP_CODES : [c.group];
  for (const s of sems)
    for (const g of groups) {
      const causes = c.causes === 'concluded' || c.causes === 'cases' ? CAUSES.map((x) => x.code) : c.causes;
      for (const code of causes) if (causeAppliesTo(code, g)) e.set(xv(s, g, code), 1);
      if (c.causes === 'cases') e.set(uv(s, g), 1);
    }
  return e;
}

export const semIndex = (p: { year: number; semester: number }) => DEMO_PERIODS.findIndex((q) => q.year === p.year && q.semester === p.semester);

/** The regency's true unknowns, from the case rows. */
export async function truthOf(snap: OpenSnapshot, regency: string): Promise<Map<string, number>> {
  const rows = await snap.rows<{ year: number; semester: number; g: string; c: string | null; n: number }>(
    `SELECT year::INTEGER AS year, semester::INTEGER AS semester, target_group AS g, primary_cause AS c, count(*)::INTEGER AS n
     FROM cases WHERE regency_code = '${regency}' GROUP BY ALL`
  );
  const t = new Map<string, number>();
  for (const s of DEMO_PERIODS.keys())
    for (const g of TARGET_GROUP_CODES) {
      t.set(uv(s, g), 0);
      for (const c of CAUSES) if (causeAppliesTo(c.code, g)) t.set(xv(s, g, c.code), 0);
    }
  for (const r of rows) t.set(r.c === null ? uv(semIndex(r), r.g) : xv(semIndex(r), r.g, r.c), r.n);
  return t;
}

export const valueOf = (e: Expr, truth: Map<string, number>) => [...e].reduce((a, [v, c]) => a + c * (truth.get(v) ?? 0), 0);

/** Every state a link can reach for the regency: (all + each semester) × (all + each group). */
export function statesOf(regency: string): State[] {
  const province = REGENCY_BY_CODE.get(regency)!.provinceCode;
  const out: State[] = [];
  for (const period of [null, ...DEMO_PERIODS]) for (const group of [null, ...TARGET_GROUP_CODES]) out.push({ regency, province, period, group });
  return out;
}

export interface Collected {
  constraints: Constraint[];
  targets: Target[];
  truth: Map<string, number>;
  shown: number;
}

/**
 * Constraints from every screen of every state, and the targets: each unknown and each shown cell
 * whose true count is below the threshold (deduplicated by expression).
 */
export async function collect(snap: OpenSnapshot, regency: string, m: Mechanism, threshold: number): Promise<Collected> {
  const truth = await truthOf(snap, regency);
  const constraints: Constraint[] = [];
  const targets = new Map<string, Target>();
  const seen = new Set<string>();
  let shown = 0;
  // the same SQL (the trend ignores the period) is asked once
  const memo = new Map<string, Promise<unknown[]>>();
  const cached = { ...snap, rows: <T>(sql: string | null) => {
    if (!memo.has(sql!)) memo.set(sql!, snap.rows(sql));
    return memo.get(sql!) as Promise<T[]>;
  } } as OpenSnapshot;
  for (const s of statesOf(regency)) {
    for (const c of await m.screens(cached, s)) {
      shown++;
      const expr = exprOf(c.cell);
      if (!expr.size) continue;
      const [lo, hi] = m.interpret(c.shown);
      const key = `${[...expr.keys()].sort().join('+')}|${lo}|${hi}`;
      if (seen.has(key)) continue;
      seen.add(key);
      constraints.push({ expr, lo, hi, label: `${c.where} ${JSON.stringify(c.cell)} shows ${c.shown}` });
      const t = valueOf(expr, truth);
      const tk = [...expr.keys()].sort().join('+');
      if (t < threshold && !targets.has(tk)) targets.set(tk, { expr, truth: t, label: `${regency} ${JSON.stringify(c.cell)} (shown ${c.shown})` });
    }
  }
  for (const [v, t] of truth) if (t < threshold && !targets.has(v)) targets.set(v, { expr: new Map([[v, 1]]), truth: t, label: `${regency} ${v}` });
  return { constraints, targets: [...targets.values()], truth, shown };
}
