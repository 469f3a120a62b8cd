/** The split view's one query equals the single map's query of each semester, on the demo snapshot (real DuckDB). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSnapshot, type OpenSnapshot } from '../snapshot/openSnapshot.ts';
import { periodKey, type Period } from '$lib/domain/index.ts';
import type { QueryFilters } from './filters.ts';
import { mapIndicatorSql } from './indicators.ts';
import { mapBySemesterSql, type SemesterMapRow } from './mapBySemester.ts';
import { disclosure } from '../privacy/policy.ts';
import { discloseMapSql } from '../privacy/mapValues.ts';
import { INDICATOR_BY_CODE } from './indicators.ts';

const INTERNAL_VIEW = disclosure(false);
const PUBLIC_VIEW = disclosure(true, 5);

let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openSnapshot(join(process.cwd(), 'data', 'snapshots', 'demo'));
});
afterAll(() => snap?.close());

const PERIODS: Period[] = [{ year: 2024, semester: 1 }, { year: 2024, semester: 2 }, { year: 2025, semester: 1 }, { year: 2025, semester: 2 }];
const base: QueryFilters = { period: null, group: null, province: null, indicator: 'cases', cause: 'sanitasi' };

describe('mapBySemesterSql', () => {
  for (const [indicator, province] of [['cases', null], ['sensitive_share', '32'], ['cause_share', null], ['coverage', '53'], ['calendar_on_track', null]] as const) {
    it(`${indicator}${province ? ` in ${province}` : ''}: one query, the same rows as the single map per semester`, async () => {
      const f = { ...base, indicator, province, dataDate: '2026-01-15' } as QueryFilters;
      const all = await snap.rows<SemesterMapRow>(mapBySemesterSql(f, PERIODS, INTERNAL_VIEW));
      for (const p of PERIODS) {
        const single = await snap.rows<{ code: string; value: number | null; n: number }>(mapIndicatorSql({ ...f, period: p }));
        const mine = all.filter((r) => r.period === periodKey(p)).map(({ code, value, n }) => ({ code, value, n }));
        expect(mine.length, periodKey(p)).toBeGreaterThan(0);
        expect(mine).toEqual([...single].map(({ code, value, n }) => ({ code, value, n })).sort((a, b) => a.code.localeCompare(b.code)));
      }
    });
  }
  for (const indicator of ['cases', 'sensitive_share'] as const)
    it(`public mode, ${indicator}: each semester's rows are the single public map's (published counts only)`, async () => {
      const f = { ...base, indicator, province: '32', dataDate: '2026-01-15' } as QueryFilters;
      const all = await snap.rows<SemesterMapRow>(mapBySemesterSql(f, PERIODS, PUBLIC_VIEW));
      const kind = INDICATOR_BY_CODE.get(indicator)?.privacy;
      for (const p of PERIODS) {
        const single = await snap.rows<{ code: string; value: number | null; n: number | null }>(discloseMapSql(mapIndicatorSql({ ...f, period: p }), kind, PUBLIC_VIEW)!);
        const mine = all.filter((r) => r.period === periodKey(p)).map(({ code, value, n }) => ({ code, value, n }));
        expect(mine).toEqual([...single].map(({ code, value, n }) => ({ code, value, n })).sort((a, b) => a.code.localeCompare(b.code)));
        expect(mine.every((r) => r.n === null || r.n >= 5)).toBe(true);
      }
    });
  it('null when there is no semester or the indicator cannot be built (prevalence without a survey)', () => {
    expect(mapBySemesterSql(base, [], INTERNAL_VIEW)).toBeNull();
    expect(mapBySemesterSql({ ...base, indicator: 'prevalence', survey: null }, PERIODS, INTERNAL_VIEW)).toBeNull();
  });
});
