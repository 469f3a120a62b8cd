import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  PROVINCES, REGENCIES, regenciesOf, levelOf, CAUSES, INTERVENTIONS, AGENCY_BY_CODE, CAUSE_BY_CODE,
  STAGES, TABLES, DEMO_PERIODS, causesFor, TARGET_GROUP_CODES
} from './index.ts';
import { renderRegionsModule } from '../../../scripts/gen-regions.mjs';

describe('regions', () => {
  it('has the 38 provinces and 514 regencies of idn-area-data', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(REGENCIES).toHaveLength(514);
    expect(regenciesOf('32')).toHaveLength(27);
    expect(levelOf('32')).toBe('province');
    expect(levelOf('32.03')).toBe('regency');
    expect(levelOf('3203')).toBeNull();
    expect(REGENCIES.find((r) => r.code === '32.03')?.shortName).toBe('Cianjur');
  });
  it('the committed regions module equals what idn-area-data generates', () => {
    const committed = readFileSync(new URL('./regions.data.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderRegionsModule());
  });
});

describe('taxonomy', () => {
  it('every intervention names a known agency and known causes', () => {
    for (const i of INTERVENTIONS) {
      expect(AGENCY_BY_CODE.has(i.agency), i.code).toBe(true);
      for (const c of i.causes) expect(CAUSE_BY_CODE.has(c), `${i.code}:${c}`).toBe(true);
    }
  });
  it('every cause has an intervention, and every group has specific and sensitive causes', () => {
    for (const c of CAUSES) expect(INTERVENTIONS.some((i) => i.causes.includes(c.code)), c.code).toBe(true);
    for (const g of TARGET_GROUP_CODES) {
      const cs = causesFor(g);
      expect(cs.some((c) => c.class === 'spesifik'), g).toBe(true);
      expect(cs.some((c) => c.class === 'sensitif'), g).toBe(true);
    }
  });
  it('stages are ordered (their windows are data: src/lib/calendar/windows.spec.ts)', () => {
    expect(STAGES.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('demo periods run 2022-I to 2025-II', () => {
    expect(DEMO_PERIODS).toHaveLength(8);
    expect(DEMO_PERIODS[0]).toEqual({ year: 2022, semester: 1 });
    expect(DEMO_PERIODS[7]).toEqual({ year: 2025, semester: 2 });
  });
});

describe('schema', () => {
  it('never has a column for names, NIK, birth dates or addresses', () => {
    for (const t of TABLES) for (const c of t.columns) if (t.name !== 'regions') expect(c.name).not.toMatch(/name|nik|birth_date|address|alamat|nama/i);
  });
});
