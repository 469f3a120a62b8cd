/**
 * Issue 15's "Done when": an outsider with only public links, for 10 regencies drawn by a seeded draw,
 * collects every count the public screens show about the regency over all semesters × target groups
 * (collect.ts) and bounds each hidden true count by exact integer reasoning (HiGHS MILP, solve.ts).
 * Public mode holds only if no true count below the threshold is pinned to one value. The same for the
 * recommendations: every number the interventions view and the story's interventions screen show about
 * the regency (interventions.ts), a system of its own (no shown count mixes cases and recommendations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { REGENCIES } from '$lib/domain/index.ts';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { rng } from '../testing.ts';
import { collect, type Mechanism } from './collect.ts';
import { Attacker } from './solve.ts';
import { publicMechanism } from './publicMechanism.ts';
import { collectInterventions } from './interventions.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO);
});
afterAll(() => snap?.close());

const K = 5;
const N_REGENCIES = Number(process.env.ATTACK_REGENCIES ?? 10);
/** The recommendation attack is slower per regency (≈3,600 unknowns, ≈5,300 constraints): the first of the draw by default. */
const N_INTERVENTION_REGENCIES = Number(process.env.ATTACK_INTERVENTION_REGENCIES ?? 1);
function drawRegencies(n: number): string[] {
  const r = rng(15);
  const out = new Set<string>();
  while (out.size < n) out.add(REGENCIES[Math.floor(r() * REGENCIES.length)].code);
  return [...out];
}

async function attack(m: Mechanism, regency: string, maxSingle: number) {
  const t0 = Date.now();
  const c = await collect(snap, regency, m, K);
  const collectMs = Date.now() - t0;
  const a = new Attacker(c.constraints);
  expect(a.feasibleWith(c.truth), `${regency}: the true table satisfies what was shown`).toEqual([]);
  const r = await a.pinned(c.targets, maxSingle);
  return { ...r, targets: c.targets.length, shown: c.shown, constraints: c.constraints.length, collectMs };
}

describe('attacker: exact integer bounds on hidden counts from every public screen of a regency', () => {
  it(`no true count below ${K} is pinned, over ${N_REGENCIES} regencies (cell-key perturbation)`, async () => {
    const m = publicMechanism(K);
    let targets = 0;
    for (const regency of drawRegencies(N_REGENCIES)) {
      const t0 = Date.now();
      const r = await attack(m, regency, Infinity);
      targets += r.targets;
      console.log(`${m.name} ${regency}: shown ${r.shown}, constraints ${r.constraints}, small targets ${r.targets}, pinned ${r.pinned.length}, ${r.solves} solves, ${Date.now() - t0} ms (collecting ${r.collectMs} ms)`);
      expect(r.pinned.map((p) => `${p.label} = ${p.truth}`), regency).toEqual([]);
    }
    expect(targets, 'the draw found small counts to attack').toBeGreaterThan(100);
  }, 3_600_000);

  it(`no recommendation count below ${K} is pinned, over ${N_INTERVENTION_REGENCIES} regencies (interventions view and story)`, async () => {
    let targets = 0;
    for (const regency of drawRegencies(N_INTERVENTION_REGENCIES)) {
      const t0 = Date.now();
      const c = await collectInterventions(snap, regency, K);
      const collectMs = Date.now() - t0;
      const a = new Attacker(c.constraints);
      expect(a.feasibleWith(c.truth), `${regency}: the true table satisfies what was shown`).toEqual([]);
      const r = await a.pinned(c.targets, Infinity, c.truth);
      targets += c.targets.length;
      console.log(`interventions ${regency}: shown ${c.shown}, constraints ${c.constraints.length}, unknowns ${c.truth.size}, small targets ${c.targets.length}, pinned ${r.pinned.length}, ${r.solves} solves, ${Date.now() - t0} ms (collecting ${collectMs} ms)`);
      expect(r.pinned.map((p) => `${p.label} = ${p.truth}`), regency).toEqual([]);
    }
    expect(targets, 'the draw found small recommendation counts to attack').toBeGreaterThan(100);
  }, 3_600_000);
});
