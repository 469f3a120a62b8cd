/**
 * The root-cause queries against real DuckDB (@duckdb/node-api) on the demo snapshot's real Parquet
 * (data/snapshots/demo, read through read_parquet views). Each query is checked against SQL written
 * independently here, and the notable-region statistic against a recomputation in TypeScript and the
 * patterns planted in the demo (data/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openSnapshot, type OpenSnapshot } from '../../snapshot/openSnapshot.ts';
import { InvalidFilterError, type QueryFilters } from '../filters.ts';
import {
  causeMatrixSql, causeScopesSql, causeTrendSql, notableSql, regionRankingSql, scopesOf,
  type MatrixRow, type NotableRow, type RankingRow, type ScopeCauseRow, type TrendCauseRow
} from './index.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
const rows = <T = Record<string, unknown>>(sql: string) => snap.rows<T>(sql);
const base: QueryFilters = { period: null, group: null, province: null, regency: null, indicator: 'cases', cause: 'sanitasi' };

beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());

describe('cause queries on the demo snapshot', () => {
  it('scopes: regency, province and nation; shares over concluded cases, primary sums to the total', async () => {
    expect(scopesOf({ province: null, regency: null })).toEqual(['nation']);
    expect(scopesOf({ province: '32', regency: '32.03' })).toEqual(['regency', 'province', 'nation']);
    const f: QueryFilters = { ...base, province: '32', regency: '32.03', period: { year: 2024, semester: 1 }, group: 'baduta' };
    const got = await rows<ScopeCauseRow>(causeScopesSql(f, 'primary'));
    const exp = await rows<{ scope: string; cause: string; n: number }>(`
      SELECT 'regency' AS scope, primary_cause AS cause, count(*) AS n FROM cases WHERE regency_code = '32.03' AND year = 2024 AND semester = 1 AND target_group = 'baduta' AND primary_cause IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'province', primary_cause, count(*) FROM cases WHERE province_code = '32' AND year = 2024 AND semester = 1 AND target_group = 'baduta' AND primary_cause IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'nation', primary_cause, count(*) FROM cases WHERE year = 2024 AND semester = 1 AND target_group = 'baduta' AND primary_cause IS NOT NULL GROUP BY 2`);
    const key = (r: { scope: string; cause: string; n: number }) => `${r.scope}|${r.cause}|${r.n}`;
    expect(got.map(key).sort()).toEqual(exp.map(key).sort());
    for (const scope of ['regency', 'province', 'nation']) {
      const mine = got.filter((r) => r.scope === scope);
      expect(mine.reduce((s, r) => s + r.n, 0)).toBe(mine[0].total);
    }
    expect(got.find((r) => r.cause === 'sanitasi')?.cls).toBe('sensitif');
  });

  it('any-cause mode counts every cause of a case (as the map indicator cause_share does)', async () => {
    const f: QueryFilters = { ...base, province: '53' };
    const got = await rows<ScopeCauseRow>(causeScopesSql(f, 'any'));
    const [e] = await rows<{ n: number; total: number }>(`SELECT count(DISTINCT case_id) FILTER (WHERE cause_code = 'sanitasi') AS n,
      count(DISTINCT case_id) AS total FROM case_causes WHERE province_code = '53'`);
    const san = got.find((r) => r.scope === 'province' && r.cause === 'sanitasi')!;
    expect([san.n, san.total]).toEqual([e.n, e.total]);
    expect(got.filter((r) => r.scope === 'province').reduce((s, r) => s + r.n, 0)).toBeGreaterThan(san.total);
  });

  it('trend: per semester and scope, ignoring the period filter', async () => {
    const f: QueryFilters = { ...base, province: '32', period: { year: 2024, semester: 1 } };
    const got = await rows<TrendCauseRow>(causeTrendSql(f, 'primary'));
    expect(new Set(got.map((r) => r.scope))).toEqual(new Set(['province', 'nation']));
    expect(new Set(got.map((r) => `${r.year}-${r.semester}`)).size).toBe(8);
    const exp = await rows<{ year: number; semester: number; n: number; total: number }>(`
      SELECT year, semester, count(*) FILTER (WHERE primary_cause = 'sanitasi') AS n, count(primary_cause) AS total
      FROM cases WHERE province_code = '32' GROUP BY 1, 2 ORDER BY 1, 2`);
    const san = got.filter((r) => r.scope === 'province' && r.cause === 'sanitasi');
    expect(san.map((r) => [r.year, r.semester, r.n, r.total])).toEqual(exp.filter((e) => e.n > 0).map((e) => [e.year, e.semester, e.n, e.total]));
    // the planted national sanitation trend: the share falls from 2022 to 2025
    const nat = got.filter((r) => r.scope === 'nation' && r.cause === 'sanitasi');
    const share = (y: number) => {
      const ys = nat.filter((r) => r.year === y);
      return ys.reduce((s, r) => s + r.n, 0) / ys.reduce((s, r) => s + r.total, 0);
    };
    expect(share(2025)).toBeLessThan(share(2022));
  });

  it('matrix: every region at the level with its concluded cases and cause counts', async () => {
    const got = await rows<MatrixRow>(causeMatrixSql({ ...base, group: 'bumil' }, 'primary'));
    const exp = await rows<{ code: string; cause: string; n: number }>(`SELECT province_code AS code, primary_cause AS cause, count(*) AS n
      FROM cases WHERE target_group = 'bumil' AND primary_cause IS NOT NULL GROUP BY 1, 2`);
    const key = (r: { code: string; cause: string; n: number }) => `${r.code}|${r.cause}|${r.n}`;
    expect(got.map(key).sort()).toEqual(exp.map(key).sort());
    expect(new Set(got.map((r) => r.code)).size).toBe(38);
    const reg = await rows<MatrixRow>(causeMatrixSql({ ...base, province: '35' }, 'any'));
    expect(reg.every((r) => r.code.startsWith('35.'))).toBe(true);
    const [m] = await rows<{ n: number; total: number }>(`SELECT count(DISTINCT case_id) FILTER (WHERE cause_code = 'pernikahan_dini') AS n,
      count(DISTINCT case_id) AS total FROM case_causes WHERE regency_code = '35.29'`);
    const r = reg.find((x) => x.code === '35.29' && x.cause === 'pernikahan_dini')!;
    expect([r.n, r.total]).toEqual([m.n, m.total]);
  });

  it('ranking: cases, coverage and calendar status per region', async () => {
    const f: QueryFilters = { ...base, province: '53', period: { year: 2024, semester: 2 } };
    const got = await rows<RankingRow>(regionRankingSql(f));
    const exp = await rows<{ code: string; cases: number; rec: number; del: number; reached: number | null }>(`
      SELECT c.code, c.cases, r.rec, r.del, k.reached FROM
        (SELECT regency_code AS code, count(*) AS cases FROM cases WHERE province_code = '53' AND year = 2024 AND semester = 2 GROUP BY 1) c
        LEFT JOIN (SELECT regency_code AS code, count(*) AS rec, count(*) FILTER (WHERE status <> 'planned') AS del FROM recommendations
                   WHERE province_code = '53' AND year = 2024 AND semester = 2 GROUP BY 1) r ON r.code = c.code
        LEFT JOIN (SELECT regency_code AS code, max(stage_order) AS reached FROM calendar
                   WHERE province_code = '53' AND year = 2024 AND semester = 2 AND actual_date IS NOT NULL GROUP BY 1) k ON k.code = c.code
      ORDER BY 1`);
    expect(got.map((r) => r.code)).toEqual(exp.map((e) => e.code));
    for (const [i, e] of exp.entries()) {
      const g = got[i];
      expect([g.cases, g.recommended, g.delivered, g.furthest, g.cycles, g.evaluated]).toEqual([e.cases, e.rec ?? 0, e.del ?? 0, e.reached, 1, e.reached === 6 ? 1 : 0]);
      if (e.rec) expect(g.coverage).toBeCloseTo((100 * e.del) / e.rec, 10);
    }
    // nationally: share of regency-semesters that reached evaluation, per province
    const nat = await rows<RankingRow>(regionRankingSql(base));
    expect(nat).toHaveLength(38);
    const [jb] = await rows<{ cycles: number; evaluated: number }>(`SELECT count(*) AS cycles, count(*) FILTER (WHERE r = 6) AS evaluated FROM
      (SELECT regency_code, year, semester, max(stage_order) FILTER (WHERE actual_date IS NOT NULL) AS r FROM calendar WHERE province_code = '32' GROUP BY ALL)`);
    const g = nat.find((r) => r.code === '32')!;
    expect([g.cycles, g.evaluated]).toEqual([jb.cycles, jb.evaluated]);
    expect(g.cycles).toBe(27 * 8);
  });

  it('notable regions: the standardized residual equals a recomputation from the matrix', async () => {
    const f: QueryFilters = { ...base, province: '32' };
    const got = await rows<NotableRow>(notableSql(f, 'primary', { limit: 1000, minZ: -1000 }));
    const matrix = await rows<MatrixRow>(causeMatrixSql(f, 'primary'));
    const totals = new Map(matrix.map((r) => [r.code, r.total]));
    const parentTotal = [...totals.values()].reduce((s, v) => s + v, 0);
    const parentN = new Map<string, number>();
    for (const r of matrix) parentN.set(r.cause, (parentN.get(r.cause) ?? 0) + r.n);
    const obs = new Map(matrix.map((r) => [`${r.code}|${r.cause}`, r.n]));
    const best = new Map<string, { cause: string; z: number }>();
    for (const [code, total] of totals) {
      if (total < 20) continue;
      for (const [cause, pn] of [...parentN].sort((a, b) => a[0].localeCompare(b[0]))) {
        const e = (total * pn) / parentTotal;
        const z = ((obs.get(`${code}|${cause}`) ?? 0) - e) / Math.sqrt(e);
        const b = best.get(code);
        if (!b || z > b.z + 1e-12) best.set(code, { cause, z });
      }
    }
    expect(got).toHaveLength(best.size);
    for (const r of got) {
      expect(r.cause).toBe(best.get(r.code)!.cause);
      expect(r.z).toBeCloseTo(best.get(r.code)!.z, 9);
      expect(r.expected).toBeCloseTo((r.total * r.parent_share) / 100, 9);
    }
    // regions under 20 concluded cases are never scored
    const small = await rows<NotableRow>(notableSql({ ...f, period: { year: 2022, semester: 1 } }, 'primary', { limit: 1000, minZ: -1000 }));
    expect(small.every((r) => r.total >= 20)).toBe(true);
  });

  it('notable regions find the planted patterns: NTT/Papua WASH, south Jawa Barat sanitation, Madura early marriage', async () => {
    const WASH = ['sanitasi', 'air_minum'];
    const nat = await rows<NotableRow>(notableSql(base, 'primary'));
    const natBy = new Map(nat.map((r) => [r.code, r]));
    expect(WASH).toContain(natBy.get('53')?.cause);
    expect(nat.filter((r) => /^9[1-6]$/.test(r.code) && WASH.includes(r.cause)).length).toBeGreaterThanOrEqual(4);

    const jabar = await rows<NotableRow>(notableSql({ ...base, province: '32' }, 'primary'));
    expect(jabar.slice(0, 4).map((r) => r.code).sort()).toEqual(['32.02', '32.03', '32.05', '32.06']);
    expect(jabar.slice(0, 4).every((r) => WASH.includes(r.cause))).toBe(true);

    const jatim = await rows<NotableRow>(notableSql({ ...base, province: '35' }, 'primary', { limit: 20 }));
    expect(jatim[0]).toMatchObject({ code: '35.29', cause: 'pernikahan_dini' });
    const madura = jatim.filter((r) => /^35\.2[6-9]$/.test(r.code) && r.cause === 'pernikahan_dini');
    expect(madura.length).toBeGreaterThanOrEqual(3);

    // bumil/catin only: early marriage stands out more
    const catin = await rows<NotableRow>(notableSql({ ...base, province: '35', group: 'catin' }, 'any', { limit: 20, minCases: 20 }));
    expect(catin.some((r) => /^35\.2[6-9]$/.test(r.code) && r.cause === 'pernikahan_dini')).toBe(true);
  });

  it('refuses invalid input before it reaches SQL', () => {
    expect(() => causeScopesSql({ ...base, province: "32'; DROP" }, 'primary')).toThrow(InvalidFilterError);
    expect(() => causeMatrixSql(base, 'x' as never)).toThrow(InvalidFilterError);
    expect(() => notableSql(base, 'primary', { minCases: Number.NaN })).toThrow(InvalidFilterError);
    expect(() => regionRankingSql({ ...base, province: '99' })).toThrow(InvalidFilterError);
  });
});
