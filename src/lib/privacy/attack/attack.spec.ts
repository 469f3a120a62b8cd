/**
 * Issue 15's "Done when": an outsider with only public links, for 10 regencies drawn by a seeded draw,
 * collects every count the public screens show about the regency over all semesters × target groups
 * (collect.ts) and bounds each hidden true count by exact integer reasoning (HiGHS MILP, solve.ts).
 * Public mode holds only if no true count below the threshold is pinned to one value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { REGENCIES } from '$lib/domain/index.ts';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { rng } from '../testing.ts';
import { collect, type Mechanism } from './collect.ts';
import { Attacker } from './solve.ts';
import { oldMechanism } from './oldMechanism.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());

const K = 5;
const N_REGENCIES = Number(process.env.ATTACK_REGENCIES ?? 10);
function drawRegencies(n: number): string[] {
  const r = rng(15);
  const out = new Set<string>();
  while (out.size < n) out.add(REGENCIES[Math.floor(r() * REGENCIES.length)].code);
  return [...out];
}

async function attack(m: Mechanism, regency: string, maxSingle: number) {
  const c = await collect(snap, regency, m, K);
  const a = new Attacker(c.constraints);
  expect(a.feasibleWith(c.truth), `${regency}: the true table satisfies what was shown`).toEqual([]);
  const r = await a.pinned(c.targets, maxSingle);
  return { ...r, targets: c.targets.length, shown: c.shown, constraints: c.constraints.length };
}

describe('attacker: exact integer bounds on hidden counts from every public screen of a regency', () => {
  it.skipIf(!process.env.ATTACK_BASELINE)('BASELINE: the per-table suppression pins hidden counts', async () => {
    for (const regency of drawRegencies(N_REGENCIES)) {
      const t0 = Date.now();
      const r = await attack(oldMechanism, regency, Number(process.env.ATTACK_MAX_SINGLE ?? 20));
      console.log(`${oldMechanism.name} ${regency}: shown ${r.shown}, constraints ${r.constraints}, small targets ${r.targets}, pinned ${r.pinned.length} (+${r.unchecked} unchecked), ${r.solves} solves, ${Date.now() - t0} ms`);
      for (const p of r.pinned.slice(0, 3)) console.log(`  pinned: ${p.label} = ${p.truth}`);
      expect(r.pinned.map((p) => p.label), regency).toEqual([]);
    }
  }, 1_800_000);
});
