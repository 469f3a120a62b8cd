/**
 * The planted patterns (data/README.md, "Demo snapshot") are visible in the output: stunting follows
 * SSGI 2022, regional cause mixes, the sanitation trend and the delivery gap between nutrition-specific
 * and nutrition-sensitive interventions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRankCorrelation } from 'simple-statistics';
import { buildTestSnapshot, type TestSnapshot } from './testing.ts';

let s: TestSnapshot;
beforeAll(async () => {
  s = await buildTestSnapshot();
});
afterAll(() => s?.close());

/** Share of reviewed cases (optionally filtered) whose primary cause is one of `causes`, by a grouping expression. */
async function primaryShare(causes: string[], groupExpr: string, where = 'TRUE'): Promise<Map<string, number>> {
  const list = causes.map((c) => `'${c}'`).join(',');
  const rows = await s.rows<{ g: string; share: number }>(`
    SELECT (${groupExpr})::VARCHAR g, avg((primary_cause IN (${list}))::INT) AS share
    FROM cases WHERE primary_cause IS NOT NULL AND ${where} GROUP BY 1`);
  return new Map(rows.map((r) => [r.g, r.share]));
}

describe('stunting calibration', () => {
  it('provincial stunted share among audited children ranks like SSGI 2022 (Spearman >= 0.8)', async () => {
    // Provinces created in 2022 take the figure of the province they were split from.
    const rows = await s.rows<{ province_code: string; share: number; ssgi: number }>(`
      WITH sim AS (SELECT province_code, avg(stunted::INT) AS share FROM cases WHERE target_group IN ('baduta','balita') GROUP BY 1),
      ssgi AS (SELECT region_code, prevalence_pct FROM prevalence WHERE level = 'province' AND year = 2022 AND survey = 'SSGI')
      SELECT sim.province_code, sim.share, ssgi.prevalence_pct AS ssgi FROM sim JOIN ssgi ON ssgi.region_code =
        CASE WHEN sim.province_code IN ('93','94','95') THEN '91' WHEN sim.province_code = '96' THEN '92' ELSE sim.province_code END`);
    expect(rows).toHaveLength(38);
    const rho = sampleRankCorrelation(rows.map((r) => r.share), rows.map((r) => r.ssgi));
    expect(rho).toBeGreaterThanOrEqual(0.8);
    // Selected at-risk cases: the level is above the survey's, but plausible.
    for (const r of rows) {
      expect(r.share).toBeGreaterThan(r.ssgi / 100);
      expect(r.share).toBeLessThan(0.85);
    }
  });
  it('regencies with a published SSGI 2022 figure lean toward it', async () => {
    const rows = await s.rows<{ share: number; ssgi: number }>(`
      SELECT avg(c.stunted::INT) AS share, any_value(p.prevalence_pct) AS ssgi FROM cases c
      JOIN prevalence p ON p.region_code = c.regency_code AND p.year = 2022 AND p.survey = 'SSGI'
      WHERE c.target_group IN ('baduta','balita') GROUP BY c.regency_code`);
    expect(rows.length).toBeGreaterThan(80);
    expect(sampleRankCorrelation(rows.map((r) => r.share), rows.map((r) => r.ssgi))).toBeGreaterThan(0.5);
  });
});

describe('regional cause profiles', () => {
  it('sanitation/water dominates in NTT and the Papua provinces', async () => {
    const wash = await primaryShare(['sanitasi', 'air_minum'], `province_code IN ('53','91','92','93','94','95','96')`);
    expect(wash.get('true')!).toBeGreaterThan(3 * wash.get('false')!);
  });
  it('the south Jawa Barat / south Banten cluster stands out within its provinces', async () => {
    const cluster = `regency_code IN ('32.02','32.03','32.05','32.06','36.01','36.02')`;
    const san = await primaryShare(['sanitasi'], cluster, `province_code IN ('32','36')`);
    expect(san.get('true')!).toBeGreaterThan(3 * san.get('false')!);
  });
  it('anaemia and KEK drive mothers’ cases in Maluku, Maluku Utara and Sulawesi', async () => {
    const m = await primaryShare(['anemia', 'kek'], `province_code IN ('71','72','73','74','75','76','81','82')`, `target_group IN ('catin','bumil','nifas')`);
    expect(m.get('true')!).toBeGreaterThan(1.8 * m.get('false')!);
  });
  it('early marriage stands out in Madura, Kalimantan Selatan/Tengah and NTB', async () => {
    const where = `target_group IN ('catin','bumil')`;
    const e = await primaryShare(['pernikahan_dini'], `regency_code IN ('35.26','35.27','35.28','35.29') OR province_code IN ('52','62','63')`, where);
    expect(e.get('true')!).toBeGreaterThan(3 * e.get('false')!);
    const madura = await primaryShare(['pernikahan_dini'], `regency_code IN ('35.26','35.27','35.28','35.29')`, `province_code = '35' AND ${where}`);
    expect(madura.get('true')!).toBeGreaterThan(3 * madura.get('false')!);
  });
  it('elsewhere caregiving and knowledge lead', async () => {
    const rows = await s.rows<{ primary_cause: string }>(`
      SELECT primary_cause FROM cases WHERE primary_cause IS NOT NULL AND province_code IN ('12','16','33','61')
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`);
    expect(rows.map((r) => r.primary_cause)).toEqual(expect.arrayContaining(['pengetahuan_rendah']));
  });
  it('the sanitation share of primary causes declines from 2022 to 2025', async () => {
    const byYear = await primaryShare(['sanitasi'], 'year');
    expect(byYear.get('2025')!).toBeLessThan(0.85 * byYear.get('2022')!);
  });
});

describe('follow-up of recommendations', () => {
  it('nutrition-specific recommendations are delivered more often and faster than sensitive ones', async () => {
    const rows = await s.rows<{ cls: string; delivered: number; days: number }>(`
      SELECT intervention_class cls, avg((status <> 'planned')::INT) AS delivered, median(delivered_date - recommended_date) AS days
      FROM recommendations WHERE year <= 2024 GROUP BY 1`);
    const by = new Map(rows.map((r) => [r.cls, r]));
    expect(by.get('spesifik')!.delivered).toBeGreaterThan(by.get('sensitif')!.delivered + 0.15);
    expect(by.get('sensitif')!.days).toBeGreaterThan(by.get('spesifik')!.days);
  });
  it('delivery improves over the years and varies between provinces', async () => {
    const byYear = new Map((await s.rows<{ year: number; d: number }>(`
      SELECT year, avg((status <> 'planned')::INT) AS d FROM recommendations GROUP BY 1`)).map((r) => [r.year, r.d]));
    expect(byYear.get(2024)!).toBeGreaterThan(byYear.get(2022)! + 0.05);
    const prov = await s.rows<{ d: number }>(`
      SELECT avg((status <> 'planned')::INT) AS d FROM recommendations WHERE year BETWEEN 2023 AND 2024 GROUP BY province_code`);
    const ds = prov.map((r) => r.d);
    expect(Math.max(...ds) - Math.min(...ds)).toBeGreaterThan(0.12);
  });
});
