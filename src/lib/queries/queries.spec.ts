/**
 * The query functions against real DuckDB (@duckdb/node-api) over real Parquet: a small snapshot with
 * known rows is exported with the project's own exporter, then views over its Parquet files are queried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, exportSnapshot } from '../snapshot/exportSnapshot.ts';
import { loadPrevalence, loadRegions } from '../snapshot/reference.ts';
import { openSnapshot, type OpenSnapshot } from '../snapshot/openSnapshot.ts';
import {
  mapIndicatorSql, surveyYearsSql, resolveSurveyYear, headlinePrevalenceSql, summarySql, topCausesSql, periodsSql,
  InvalidFilterError, type QueryFilters, type SurveyYearRow
} from './index.ts';

let dir: string;
let snap: OpenSnapshot;

// case id, regency, year, semester, group, causes (first = primary)
const CASES: [string, string, number, 1 | 2, string, string[]][] = [
  ['K1', '32.03', 2024, 1, 'baduta', ['sanitasi', 'asupan_gizi']],
  ['K2', '32.03', 2024, 1, 'baduta', ['asupan_gizi', 'sanitasi']],
  ['K3', '32.03', 2024, 1, 'balita', ['air_minum']],
  ['K4', '32.04', 2024, 2, 'balita', ['mpasi_tidak_tepat']],
  ['K5', '32.04', 2024, 1, 'bumil', []],
  ['K6', '53.01', 2023, 1, 'baduta', ['sanitasi']]
];
const CLASS: Record<string, string> = { sanitasi: 'sensitif', air_minum: 'sensitif', asupan_gizi: 'spesifik', mpasi_tidak_tepat: 'spesifik' };

const rows = (sql: string | null) => snap.rows(sql);
const byCode = (rs: Record<string, unknown>[]) => Object.fromEntries(rs.map((r) => [r.code, r.value]));
const base: QueryFilters = { period: null, group: null, province: null, indicator: 'cases', cause: 'sanitasi' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-q-'));
  const build = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(build);
  await loadRegions(build);
  await loadPrevalence(build);
  for (const [id, reg, y, s, g, causes] of CASES) {
    const prov = reg.slice(0, 2);
    const p = causes[0];
    const key = id.length * 37 % 256;
    await build.run(`INSERT INTO cases (case_id, province_code, regency_code, year, semester, target_group, source, primary_cause, primary_class, record_key)
      VALUES ('${id}', '${prov}', '${reg}', ${y}, ${s}, '${g}', 'pk', ${p ? `'${p}'` : 'NULL'}, ${p ? `'${CLASS[p]}'` : 'NULL'}, ${key})`);
    for (const [i, c] of causes.entries())
      await build.run(`INSERT INTO case_causes VALUES ('${id}', '${prov}', '${reg}', ${y}, ${s}, '${g}', '${c}', '${CLASS[c]}', ${i === 0}, ${key})`);
  }
  await exportSnapshot(build, dir, { name: 'spec', created: '2026-01-01T00:00:00Z', dataDate: '2025-12-31', source: 'spec' });
  build.closeSync();
  snap = await openSnapshot(dir);
});
afterAll(() => {
  snap?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('map indicator', () => {
  it('counts cases by province nationally and by regency inside a province', async () => {
    expect(await rows(mapIndicatorSql(base))).toMatchObject([
      { code: '32', value: 5, n: 5 },
      { code: '53', value: 1, n: 1 }
    ]);
    expect(byCode(await rows(mapIndicatorSql({ ...base, period: { year: 2024, semester: 1 } })))).toEqual({ '32': 4 });
    expect(byCode(await rows(mapIndicatorSql({ ...base, province: '32' })))).toEqual({ '32.03': 3, '32.04': 2 });
    expect(byCode(await rows(mapIndicatorSql({ ...base, province: '32', group: 'balita' })))).toEqual({ '32.03': 1, '32.04': 1 });
  });
  it('sensitive_share: percent of concluded cases whose primary cause is nutrition-sensitive', async () => {
    const r = await rows(mapIndicatorSql({ ...base, indicator: 'sensitive_share' }));
    expect(r).toMatchObject([
      { code: '32', value: 50, n: 4 },
      { code: '53', value: 100, n: 1 }
    ]);
    const inJabar = byCode(await rows(mapIndicatorSql({ ...base, indicator: 'sensitive_share', province: '32' })));
    expect(inJabar['32.03']).toBeCloseTo(200 / 3, 10);
    expect(inJabar['32.04']).toBe(0);
  });
  it('cause_share, primary mode (the default): percent of concluded cases with the cause as their primary cause', async () => {
    const f: QueryFilters = { ...base, indicator: 'cause_share', cause: 'sanitasi' };
    expect(await rows(mapIndicatorSql(f))).toMatchObject([
      { code: '32', value: 25, n: 4 },
      { code: '53', value: 100, n: 1 }
    ]);
    expect(await rows(mapIndicatorSql({ ...f, causeMode: 'primary' }))).toEqual(await rows(mapIndicatorSql(f)));
    const r = byCode(await rows(mapIndicatorSql({ ...f, province: '32', period: { year: 2024, semester: 1 } })));
    expect(r['32.03']).toBeCloseTo((1 / 3) * 100, 10);
    expect(byCode(await rows(mapIndicatorSql({ ...f, cause: 'asupan_gizi', group: 'baduta' })))).toEqual({ '32': 50, '53': 0 });
  });
  it('cause_share, any mode: percent of concluded cases having the cause among any of their causes', async () => {
    const f: QueryFilters = { ...base, indicator: 'cause_share', cause: 'sanitasi', causeMode: 'any' };
    expect(await rows(mapIndicatorSql(f))).toMatchObject([
      { code: '32', value: 50, n: 4 },
      { code: '53', value: 100, n: 1 }
    ]);
    const r = byCode(await rows(mapIndicatorSql({ ...f, province: '32', period: { year: 2024, semester: 1 } })));
    expect(r['32.03']).toBeCloseTo((2 / 3) * 100, 10);
    expect(Object.keys(r)).toEqual(['32.03']);
    expect(byCode(await rows(mapIndicatorSql({ ...f, cause: 'asupan_gizi', group: 'baduta' })))).toEqual({ '32': 100, '53': 0 });
  });
  it('prevalence: one survey-year, labelled; Papua pre-2022 rows stay on the old code', async () => {
    const f: QueryFilters = { ...base, indicator: 'prevalence', survey: { survey: 'SSGI', year: 2022 } };
    const r = await rows(mapIndicatorSql(f));
    expect(r).toHaveLength(34);
    const jabar = r.find((x) => x.code === '32');
    expect(jabar).toEqual({ code: '32', value: 20.2, n: 1, boundary_note: null });
    expect(r.find((x) => x.code === '91')?.boundary_note).toMatch(/pre-2022/);
    expect(r.some((x) => ['93', '94', '95', '96'].includes(String(x.code)))).toBe(false);
    const reg = byCode(await rows(mapIndicatorSql({ ...f, province: '32' })));
    expect(Object.keys(reg)).toHaveLength(27);
    expect(reg['32.03']).toBe(13.6);
    expect(mapIndicatorSql({ ...f, survey: null })).toBeNull();
  });
});

describe('prevalence survey-years', () => {
  it('lists survey-years per level and picks a sensible default', async () => {
    const nat = (await rows(surveyYearsSql({ province: null }))) as unknown as SurveyYearRow[];
    expect(nat.map((r) => `${r.survey}-${r.year}:${r.regions}`)).toEqual(['SSGI-2024:2', 'SKI-2023:21', 'SSGI-2022:34', 'SSGI-2021:34']);
    expect(resolveSurveyYear(null, nat)).toEqual({ survey: 'SKI', year: 2023 });
    expect(resolveSurveyYear({ survey: 'SSGI', year: 2024 }, nat)).toEqual({ survey: 'SSGI', year: 2024 });
    expect(resolveSurveyYear({ survey: 'SKI', year: 2021 }, nat)).toEqual({ survey: 'SKI', year: 2023 });
    const jabar = (await rows(surveyYearsSql({ province: '32' }))) as unknown as SurveyYearRow[];
    expect(jabar.map((r) => `${r.survey}-${r.year}:${r.regions}`)).toEqual(['SSGI-2022:27', 'SSGI-2021:6']);
    expect(await rows(surveyYearsSql({ province: '31' }))).toEqual([]);
    expect(resolveSurveyYear(null, [])).toBeNull();
    expect(await rows(headlinePrevalenceSql({ province: null }, { survey: 'SSGI', year: 2022 }))).toMatchObject([{ code: '00', value: 21.6 }]);
  });
});

describe('summary', () => {
  it('totals, regencies audited and the top primary cause (ties by code)', async () => {
    expect(await rows(summarySql({ ...base, province: '32' }))).toMatchObject([
      { cases: 5, regencies: 2, concluded: 4, sensitive: 2, top_cause: 'air_minum', top_cause_n: 1 }
    ]);
    expect(await rows(summarySql(base))).toMatchObject([{ cases: 6, regencies: 3, concluded: 5, sensitive: 3, top_cause: 'sanitasi', top_cause_n: 2 }]);
    expect(await rows(summarySql({ ...base, province: '32', regency: '32.04' }))).toMatchObject([{ cases: 2, regencies: 1, top_cause: 'mpasi_tidak_tepat' }]);
    expect(await rows(summarySql({ ...base, group: 'catin' }))).toMatchObject([
      { cases: 0, regencies: 0, concluded: 0, sensitive: 0, top_cause: null, top_cause_n: null }
    ]);
    expect(await rows(topCausesSql(base, 2))).toMatchObject([
      { cause: 'sanitasi', n: 2 },
      { cause: 'air_minum', n: 1 }
    ]);
    expect(await rows(periodsSql())).toEqual([
      { year: 2024, semester: 2 },
      { year: 2024, semester: 1 },
      { year: 2023, semester: 1 }
    ]);
  });
});

describe('validation', () => {
  it('refuses values outside the domain', () => {
    expect(() => mapIndicatorSql({ ...base, province: "32' OR 1=1 --" })).toThrow(InvalidFilterError);
    expect(() => mapIndicatorSql({ ...base, province: '99' })).toThrow(InvalidFilterError);
    expect(() => mapIndicatorSql({ ...base, indicator: 'cause_share', cause: 'x; DROP TABLE cases' })).toThrow(InvalidFilterError);
    expect(() => summarySql({ ...base, province: '32', regency: '33.01' })).toThrow(InvalidFilterError);
    expect(() => mapIndicatorSql({ ...base, period: { year: 2024.5, semester: 1 } })).toThrow(InvalidFilterError);
    expect(() => mapIndicatorSql({ ...base, group: 'x' as never })).toThrow(InvalidFilterError);
  });
});
