/** Building blocks of the demo generator, without DuckDB. */
import { describe, expect, it } from 'vitest';
import { CAUSES, causesFor } from '../domain/causes.ts';
import { interventionsFor } from '../domain/interventions.ts';
import { TARGET_GROUP_CODES } from '../domain/targetGroups.ts';
import { REGENCIES } from '../domain/regions.ts';
import { caseIdMixer } from './ids.ts';
import { BASE_WEIGHT } from './causeMix.ts';
import { interventionFits } from './recommendations.ts';
import { reachTargets } from './calendar.ts';
import { planCells } from './cells.ts';
import { buildRegencyParams } from './regencyParams.ts';
import { ssgi2022ByProvince } from './calibration.ts';
import { CLUSTERS } from './profiles.ts';
import { epochDay, isoDay } from './config.ts';
import { Rng } from './rng.ts';

describe('demo building blocks', () => {
  it('the seeded generator repeats itself and depends on the seed and keys', () => {
    const draw = (...k: (number | string)[]) => { const r = new Rng(...k); return [r.next(), r.normal(), r.int(1, 6)]; };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
  });
  it('case ids are unique, 10 hex digits, and change with the seed', () => {
    const id = caseIdMixer(20260101);
    const ids = new Set(Array.from({ length: 200_000 }, (_, i) => id(i)));
    expect(ids.size).toBe(200_000);
    for (const x of [...ids].slice(0, 100)) expect(x).toMatch(/^K[0-9a-f]{10}$/);
    expect(caseIdMixer(1)(0)).not.toBe(id(0));
    expect(id(1 << 30)).toMatch(/^K[0-9a-f]{10}$/);
  });
  it('every cause has a base weight, and every cause of every group has a fitting intervention', () => {
    for (const c of CAUSES) expect(BASE_WEIGHT[c.code], c.code).toBeGreaterThan(0);
    for (const g of TARGET_GROUP_CODES) {
      for (const c of causesFor(g)) expect(interventionsFor(c.code).filter((i) => interventionFits(i, g)).length, `${c.code}/${g}`).toBeGreaterThan(0);
    }
  });
  it('stage reach targets decrease along the stages and grow over time', () => {
    for (let t = 0; t < 8; t++) {
      const r = reachTargets(t);
      for (let k = 1; k < r.length; k++) expect(r[k]).toBeLessThan(r[k - 1]);
      if (t > 0) expect(r[5]).toBeGreaterThan(reachTargets(t - 1)[5]);
    }
  });
  it('--scale spreads exactly N cases over the cells', () => {
    const params = buildRegencyParams(20260101);
    const cells = planCells(20260101, params, epochDay('2026-01-15'), 123_457);
    expect(cells).toHaveLength(REGENCIES.length * 8);
    expect(cells.reduce((a, c) => a + c.cases, 0)).toBe(123_457);
    expect(cells.filter((c) => c.calendar.selectionDay === null).every((c) => c.cases === 0)).toBe(true);
  });
  it('SSGI 2022 is known for all 38 provinces, new Papua provinces from their pre-split parent', () => {
    const p = ssgi2022ByProvince();
    expect(p.size).toBe(38);
    expect(p.get('94')).toBe(p.get('91'));
    expect(p.get('96')).toBe(p.get('92'));
    expect(p.get('53')).toBeCloseTo(0.353);
  });
  it('cluster regencies exist and dates round-trip', () => {
    const known = new Set(REGENCIES.map((r) => r.code));
    for (const c of CLUSTERS) for (const r of c.regencies) expect(known.has(r), r).toBe(true);
    expect(isoDay(epochDay('2025-07-01'))).toBe('2025-07-01');
  });
});
