/**
 * The intervention queries against real DuckDB (@duckdb/node-api) over real Parquet: a small snapshot
 * with known recommendations is exported with the project's own exporter; the same functions are also
 * cross-checked on the demo snapshot's Parquet (data/snapshots/demo, built by the set-up).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSchema, exportSnapshot } from '../../snapshot/exportSnapshot.ts';
import { loadRegions } from '../../snapshot/reference.ts';
import { openSnapshot, type OpenSnapshot } from '../../snapshot/openSnapshot.ts';
import { InvalidFilterError, mapIndicatorSql, type QueryFilters } from '../index.ts';
import { coverageByRegionSql, coverageMapSql, dateLiteral, funnelSql, sumFunnel, timelinessSql, type FunnelRow } from './index.ts';

const DATA_DATE = '2025-12-31';
// id, regency, year, semester, group, intervention, class, agency, status, recommended, due, delivered
type Rec = [string, string, number, 1 | 2, string, string, string, string, string, string, string, string | null];
const RECS: Rec[] = [
  ['R1', '32.03', 2024, 1, 'baduta', 'pmt_balita', 'spesifik', 'dinkes', 'followed_up', '2024-03-01', '2024-03-31', '2024-03-11'],
  ['R2', '32.03', 2024, 1, 'baduta', 'pmt_balita', 'spesifik', 'dinkes', 'delivered', '2024-03-01', '2024-03-31', '2024-03-31'],
  ['R3', '32.03', 2024, 1, 'baduta', 'jamban_sehat', 'sensitif', 'perkim', 'planned', '2024-03-01', '2024-05-30', null],
  ['R4', '32.03', 2024, 1, 'balita', 'air_minum_layak', 'sensitif', 'pupr', 'planned', '2025-12-01', '2026-03-31', null],
  ['R5', '32.04', 2024, 1, 'baduta', 'jamban_sehat', 'sensitif', 'perkim', 'delivered', '2024-03-01', '2024-05-30', '2024-07-09'],
  ['R6', '32.04', 2024, 2, 'baduta', 'pmt_balita', 'spesifik', 'dinkes', 'planned', '2024-09-01', '2024-10-01', null],
  ['R7', '53.01', 2023, 1, 'bumil', 'ttd', 'spesifik', 'dinkes', 'followed_up', '2023-04-01', '2023-04-15', '2023-04-05']
];

let dir: string;
let snap: OpenSnapshot;
/** Rows without their key sums (`*_key`, checked apart); `items`: the funnel's item rows (no totals). */
const strip = (rs: Record<string, unknown>[]) => rs.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !c.endsWith('_key'))));
const rows = async (sql: string | null) => strip(await snap.rows(sql));
const items = async (sql: string) => (await rows(sql)).filter((r) => r.key !== '');
const base: QueryFilters = { period: null, group: null, province: null, indicator: 'coverage', cause: 'sanitasi' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-int-'));
  const build = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(build);
  await loadRegions(build);
  for (const [id, reg, y, s, g, code, cls, agency, status, rec, due, del] of RECS) {
    const q = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
    await build.run(`INSERT INTO recommendations (rec_id, case_id, province_code, regency_code, year, semester, target_group, cause_code,
      intervention_code, intervention_class, agency_code, status, recommended_date, due_date, delivered_date, followed_up_date, record_key)
      VALUES ('${id}', 'K${id}', '${reg.slice(0, 2)}', '${reg}', ${y}, ${s}, '${g}', NULL, '${code}', '${cls}', '${agency}', '${status}',
      '${rec}', '${due}', ${q(del)}, ${status === 'followed_up' ? q(del) : 'NULL'}, ${(id.length * 41) % 256})`);
  }
  await exportSnapshot(build, dir, { name: 'spec', created: '2026-01-01T00:00:00Z', dataDate: DATA_DATE, source: 'spec' });
  build.closeSync();
  snap = await openSnapshot(dir);
});
afterAll(() => {
  snap?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('coverage by region', () => {
  it('counts recommended, delivered, followed up, coverage and past due nationally', async () => {
    expect(await rows(coverageByRegionSql(base, DATA_DATE))).toEqual([
      { code: '32', recommended: 6, delivered: 3, followed_up: 1, coverage: 50, past_due: 2, open: 3 },
      { code: '53', recommended: 1, delivered: 1, followed_up: 1, coverage: 100, past_due: 0, open: 0 }
    ]);
  });
  it('goes to regencies inside a province and applies period and group', async () => {
    const r = await rows(coverageByRegionSql({ ...base, province: '32', period: { year: 2024, semester: 1 }, group: 'baduta' }, DATA_DATE));
    expect(r).toEqual([
      { code: '32.03', recommended: 3, delivered: 2, followed_up: 1, coverage: (200 / 3), past_due: 1, open: 1 },
      { code: '32.04', recommended: 1, delivered: 1, followed_up: 0, coverage: 100, past_due: 0, open: 0 }
    ]);
  });
  it('measures past due against the data date (none before anything was due; none without a date)', async () => {
    const early = await rows(coverageByRegionSql({ ...base, province: '32' }, '2024-05-30'));
    expect(Object.fromEntries(early.map((r) => [r.code, r.past_due]))).toEqual({ '32.03': 0, '32.04': 0 });
    const none = await rows(coverageByRegionSql(base, null));
    expect(none.every((r) => r.past_due === 0)).toBe(true);
  });
  it('is the map indicator "coverage": value = coverage %, n = recommendations', async () => {
    expect(await rows(mapIndicatorSql(base))).toMatchObject([
      { code: '32', value: 50, n: 6 },
      { code: '53', value: 100, n: 1 }
    ]);
    expect(await rows(coverageMapSql({ ...base, province: '32', group: 'balita' }))).toMatchObject([{ code: '32.03', value: 0, n: 1 }]);
  });
});

describe('funnel', () => {
  it('by intervention type, split by class, for a selected regency', async () => {
    const f = { ...base, province: '32', regency: '32.03' };
    expect(await items(funnelSql(f, 'type', DATA_DATE))).toEqual([
      { key: 'air_minum_layak', cls: 'sensitif', recommended: 1, delivered: 0, followed_up: 0, past_due: 0 },
      { key: 'jamban_sehat', cls: 'sensitif', recommended: 1, delivered: 0, followed_up: 0, past_due: 1 },
      { key: 'pmt_balita', cls: 'spesifik', recommended: 2, delivered: 2, followed_up: 1, past_due: 0 }
    ]);
  });
  it('by agency, nationally; totals add up', async () => {
    const all = (await rows(funnelSql(base, 'agency', DATA_DATE))) as unknown as FunnelRow[];
    const r = all.filter((x) => x.key !== '');
    expect(r.map((x) => [x.key, x.recommended, x.delivered, x.followed_up, x.past_due])).toEqual([
      ['dinkes', 4, 3, 2, 1],
      ['perkim', 2, 1, 0, 1],
      ['pupr', 1, 0, 0, 0]
    ]);
    expect(sumFunnel(r)).toEqual({ recommended: 7, delivered: 4, followed_up: 2, past_due: 2 });
    // the class totals and the overall total are rows of their own (cells for public mode)
    expect(all.filter((x) => x.key === '').map((x) => [x.cls, x.recommended, x.delivered, x.followed_up, x.past_due])).toEqual([
      ['', 7, 4, 2, 2],
      ['sensitif', 3, 1, 0, 1],
      ['spesifik', 4, 3, 2, 1]
    ]);
  });
  it('gives every count its key sum (the recommendation rows\' record_key)', async () => {
    const r = (await snap.rows(funnelSql(base, 'type', DATA_DATE))) as unknown as Record<string, number>[];
    // every spec row has record_key 82
    for (const x of r) for (const c of ['recommended', 'delivered', 'followed_up', 'past_due']) expect(x[`${c}_key`]).toBe(82 * x[c]);
    const t = (await snap.rows(timelinessSql(base))) as unknown as Record<string, number>[];
    for (const x of t) expect([x.n_key, x.late_key]).toEqual([82 * x.n, 82 * x.late]);
  });
  it('refuses an unknown grouping', () => {
    expect(() => funnelSql(base, 'cause' as 'type', DATA_DATE)).toThrow();
  });
});

describe('timeliness', () => {
  it('gives day quantiles from review to delivery, and late deliveries, per type', async () => {
    const r = await rows(timelinessSql(base));
    expect(r).toEqual([
      { intervention: 'jamban_sehat', cls: 'sensitif', n: 1, p25: 130, p50: 130, p75: 130, p90: 130, late: 1 },
      { intervention: 'pmt_balita', cls: 'spesifik', n: 2, p25: 15, p50: 20, p75: 25, p90: 28, late: 0 },
      { intervention: 'ttd', cls: 'spesifik', n: 1, p25: 4, p50: 4, p75: 4, p90: 4, late: 0 }
    ]);
  });
});

describe('validation', () => {
  it('only lets real ISO dates into SQL', () => {
    expect(dateLiteral('2026-01-15')).toBe("DATE '2026-01-15'");
    expect(dateLiteral('2026-01-15T00:00:00Z')).toBe("DATE '2026-01-15'");
    for (const bad of ['2026-02-30', "2026-01-15' OR 1=1", '15/01/2026', '']) expect(() => dateLiteral(bad)).toThrow(InvalidFilterError);
  });
  it('validates filters like every other query', () => {
    expect(() => coverageByRegionSql({ ...base, province: "32' OR 1=1 --" }, DATA_DATE)).toThrow(InvalidFilterError);
    expect(() => funnelSql({ ...base, province: '32', regency: '53.01' }, 'type', DATA_DATE)).toThrow(InvalidFilterError);
  });
});

describe('on the demo snapshot', () => {
  it('funnel, region table and map agree with each other and with plain counts', async () => {
    const demoSnap = await openSnapshot(resolve('data/snapshots/demo'));
    const { manifest } = demoSnap;
    const f: QueryFilters = { ...base, province: '32', period: { year: 2024, semester: 1 } };
    const byRegion = await demoSnap.rows(coverageByRegionSql(f, manifest.dataDate));
    const withTotals = (await demoSnap.rows(funnelSql(f, 'type', manifest.dataDate))) as unknown as FunnelRow[];
    const funnel = withTotals.filter((r) => r.key !== '');
    expect(withTotals.find((r) => r.key === '' && r.cls === '')).toMatchObject(sumFunnel(funnel));
    const [plain] = await demoSnap.rows(`SELECT count(*) AS n, count(*) FILTER (WHERE status <> 'planned') AS d,
      count(*) FILTER (WHERE status = 'planned' AND due_date < DATE '${manifest.dataDate}') AS pd
      FROM recommendations WHERE province_code = '32' AND year = 2024 AND semester = 1`);
    const sum = (k: string) => byRegion.reduce((s, r) => s + (r[k] as number), 0);
    expect(sum('recommended')).toBe(plain.n);
    expect(sum('delivered')).toBe(plain.d);
    expect(sum('past_due')).toBe(plain.pd);
    expect(sumFunnel(funnel)).toMatchObject({ recommended: plain.n, delivered: plain.d, past_due: plain.pd });
    const map = await demoSnap.rows(coverageMapSql(f));
    expect(map.map((r) => [r.code, r.n])).toEqual(byRegion.map((r) => [r.code, r.recommended]));
    // the planted delivery gap: specific interventions are delivered more often than sensitive ones
    const spec = sumFunnel(funnel.filter((r) => r.cls === 'spesifik'));
    const sens = sumFunnel(funnel.filter((r) => r.cls === 'sensitif'));
    expect(spec.delivered / spec.recommended).toBeGreaterThan(sens.delivered / sens.recommended + 0.1);
    demoSnap.close();
  });
});
