/**
 * The outsider of issue 15 on the interventions side (test-only): for one regency, every number the
 * public interventions view (funnel by type and by agency, class totals and total, the regency's row
 * of the region table, the timeliness n and late counts) and the story's interventions screen show,
 * over all semesters × target groups, through the views' REAL queries (discloseSql, in the database)
 * and disclosure functions, as constraints on the regency's unknown recommendation counts
 * y[s, g, i, a, b] = recommendations of semester s, group g, intervention type i, agency a in status
 * bucket b (followed up late / on time, delivered late / on time, planned past due / not yet due: every
 * shown count is a sum of these). Only the (group, type, agency) combinations found anywhere in the
 * snapshot get unknowns: the attacker is told the structure, which only helps it.
 */
import { DEMO_PERIODS, INTERVENTION_BY_CODE, TARGET_GROUP_CODES, type TargetGroupCode } from '$lib/domain/index.ts';
import { disclosure } from '$lib/privacy/policy.ts';
import { discloseSql, possibleTrue } from '$lib/privacy/ptable.ts';
import type { OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import { FUNNEL_COUNTS, REGION_DERIVED, coverageByRegionSql, discloseTimelinessSql, funnelSql } from '$lib/queries/interventions/index.ts';
import { STORY_INTERVENTION_COUNTS, storyInterventionsSql } from '$lib/queries/story/index.ts';
import { protectView, type FunnelIn, type RegionIn, type TimelinessIn, type ViewRows } from '$lib/components/Interventions/disclosure.ts';
import { interventionsScreen, OTHERS, type StoryInterventionIn } from '$lib/components/Story/disclosure.ts';
import { semIndex, statesOf, valueOf, type Collected, type State } from './collect.ts';
import type { Constraint, Expr, Target } from './solve.ts';

const BUCKETS = ['fl', 'fo', 'dl', 'do', 'pp', 'pn'] as const;
type Bucket = (typeof BUCKETS)[number];
const MEASURE: Record<string, readonly Bucket[]> = {
  recommended: BUCKETS, delivered: ['fl', 'fo', 'dl', 'do'], followed_up: ['fl', 'fo'], past_due: ['pp'],
  n: ['fl', 'fo', 'dl', 'do'], late: ['fl', 'dl'], pending: ['pp', 'pn']
};

/** A set of the regency's recommendations: one semester or all, one group or all, a type / agency / class or all. */
export interface RecRef {
  sem: number | null;
  group: TargetGroupCode | null;
  types?: readonly string[];
  agency?: string;
  cls?: 'spesifik' | 'sensitif';
  measure: keyof typeof MEASURE;
}
type Combo = { g: string; i: string; a: string };
const yv = (s: number, c: Combo, b: Bucket) => `y_${s}_${c.g}_${c.i}_${c.a}_${b}`;

function exprOf(r: RecRef, combos: readonly Combo[]): Expr {
  const e = new Map<string, number>();
  const sems = r.sem === null ? DEMO_PERIODS.map((_, i) => i) : [r.sem];
  for (const c of combos) {
    if (r.group !== null && c.g !== r.group) continue;
    if (r.types && !r.types.includes(c.i)) continue;
    if (r.agency && c.a !== r.agency) continue;
    if (r.cls && INTERVENTION_BY_CODE.get(c.i)?.class !== r.cls) continue;
    for (const s of sems) for (const b of MEASURE[r.measure]) e.set(yv(s, c, b), 1);
  }
  return e;
}

const BUCKET_SQL = (dataDate: string) => `CASE WHEN status = 'planned' THEN (CASE WHEN due_date < DATE '${dataDate}' THEN 'pp' ELSE 'pn' END)
  ELSE (CASE WHEN status = 'followed_up' THEN 'f' ELSE 'd' END) || (CASE WHEN delivered_date > due_date THEN 'l' ELSE 'o' END) END`;

async function truthOf(snap: OpenSnapshot, regency: string, combos: readonly Combo[]): Promise<Map<string, number>> {
  const t = new Map<string, number>();
  for (const s of DEMO_PERIODS.keys()) for (const c of combos) for (const b of BUCKETS) t.set(yv(s, c, b), 0);
  const rows = await snap.rows<{ year: number; semester: number; g: string; i: string; a: string; b: Bucket; n: number }>(
    `SELECT year::INTEGER AS year, semester::INTEGER AS semester, target_group AS g, intervention_code AS i, agency_code AS a,
       ${BUCKET_SQL(snap.manifest.dataDate!)} AS b, count(*)::INTEGER AS n
     FROM recommendations WHERE regency_code = '${regency}' GROUP BY ALL`
  );
  for (const r of rows) t.set(yv(semIndex(r), r, r.b), r.n);
  return t;
}

/** Every recommendation count the public screens show for a state, as sets of the regency's recommendations. */
async function screens(snap: OpenSnapshot, s: State, k: number): Promise<{ ref: RecRef; shown: number | null; where: string }[]> {
  const d = disclosure(true, k);
  const date = snap.manifest.dataDate;
  const f: QueryFilters = { period: s.period, group: s.group, province: s.province, regency: s.regency, indicator: 'coverage', cause: 'sanitasi' };
  const [byType, byAgency, regions, timeliness, story] = await Promise.all([
    snap.rows<FunnelIn>(discloseSql(funnelSql(f, 'type', date), FUNNEL_COUNTS, d)),
    snap.rows<FunnelIn>(discloseSql(funnelSql(f, 'agency', date), FUNNEL_COUNTS, d)),
    snap.rows<RegionIn>(discloseSql(coverageByRegionSql(f, date), FUNNEL_COUNTS, d, { drop: REGION_DERIVED })),
    snap.rows<TimelinessIn>(discloseTimelinessSql(f, d)),
    snap.rows<StoryInterventionIn>(discloseSql(storyInterventionsSql(f), STORY_INTERVENTION_COUNTS, d))
  ]);
  const v = protectView({ byType, byAgency, regions, timeliness, province: s.province, regency: s.regency } satisfies ViewRows, d, 'id');
  const sem = s.period ? semIndex(s.period) : null;
  const base = { sem, group: s.group };
  const out: { ref: RecRef; shown: number | null; where: string }[] = [];
  /** The shown counts `measures` of a cell (a published count, or null = hidden). */
  const counts = (where: string, ref: Omit<RecRef, 'measure' | 'sem' | 'group'>, c: object, measures: readonly string[]) => {
    for (const m of measures) out.push({ ref: { ...base, ...ref, measure: m }, shown: Reflect.get(c, m) as number | null, where: `${where} ${m}` });
  };
  counts('interventions total', {}, v.totals, FUNNEL_COUNTS);
  for (const by of ['type', 'agency'] as const)
    for (const sec of v.sections[by]!) {
      counts(`interventions ${by} ${sec.cls}`, { cls: sec.cls }, sec.totals, FUNNEL_COUNTS);
      for (const it of sec.items) counts(`interventions ${by} ${it.key}`, by === 'type' ? { types: [it.key] } : { agency: it.key, cls: it.cls }, it, FUNNEL_COUNTS);
    }
  for (const r of v.regions) if (r.code === s.regency) counts('interventions region row', {}, r, FUNNEL_COUNTS);
  for (const r of v.timeliness ?? []) counts(`interventions timeliness ${r.intervention}`, { types: [r.intervention] }, r, ['n', 'late']);
  const sc = interventionsScreen(story, d, 'id');
  const listed = sc.lines.map((l) => l.code).filter((c) => c !== OTHERS);
  for (const l of sc.lines) {
    const types = l.code === OTHERS ? [...INTERVENTION_BY_CODE.keys()].filter((c) => !listed.includes(c)) : [l.code];
    counts(`story interventions ${l.code}`, { types }, l, STORY_INTERVENTION_COUNTS);
  }
  counts('story interventions total', {}, sc.total, STORY_INTERVENTION_COUNTS);
  return out;
}

/**
 * Constraints from every screen of every state of the regency, and the targets: each shown count whose
 * true value is below the threshold and each semester × group × type's recommendations (deduplicated).
 */
export async function collectInterventions(snap: OpenSnapshot, regency: string, threshold: number): Promise<Collected> {
  const combos = await snap.rows<Combo>(`SELECT DISTINCT target_group AS g, intervention_code AS i, agency_code AS a FROM recommendations ORDER BY ALL`);
  const truth = await truthOf(snap, regency, combos);
  const constraints: Constraint[] = [];
  const targets = new Map<string, Target>();
  const seen = new Set<string>();
  let shown = 0;
  const target = (expr: Expr, label: string) => {
    const t = valueOf(expr, truth);
    const tk = [...expr.keys()].sort().join('+');
    if (expr.size && t < threshold && !targets.has(tk)) targets.set(tk, { expr, truth: t, label });
  };
  for (const s of statesOf(regency)) {
    for (const c of await screens(snap, s, threshold)) {
      shown++;
      const expr = exprOf(c.ref, combos);
      const [lo, hi] = possibleTrue(c.shown, threshold);
      const key = `${[...expr.keys()].sort().join('+')}|${lo}|${hi}`;
      if (!expr.size || seen.has(key)) continue;
      seen.add(key);
      constraints.push({ expr, lo, hi, label: `${c.where} ${JSON.stringify(c.ref)} shows ${c.shown ?? 'small'}` });
      target(expr, `${regency} ${c.where} ${JSON.stringify(c.ref)} (shown ${c.shown ?? 'small'})`);
    }
  }
  for (const sem of DEMO_PERIODS.keys())
    for (const group of TARGET_GROUP_CODES)
      for (const i of new Set(combos.map((c) => c.i))) target(exprOf({ sem, group, types: [i], measure: 'recommended' }, combos), `${regency} recommended ${sem} ${group} ${i}`);
  return { constraints, targets: [...targets.values()], truth, shown };
}
