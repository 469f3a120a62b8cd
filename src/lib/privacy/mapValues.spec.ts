/**
 * The map in public mode, on the real demo snapshot: over random filter states and every indicator
 * about people, the SQL the map runs (discloseMapSql) returns published counts only (the p-table of the
 * true count and key, NULL below the threshold) and shares computed from published counts; nothing
 * below the threshold, no zero, no key column reaches the page. Outside public mode nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Period } from '$lib/domain/index.ts';
import { INDICATOR_DEFS, type QueryFilters } from '$lib/queries/index.ts';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { discloseMapSql, protectMapValues } from './mapValues.ts';
import { pick, randomPlace, rng } from './testing.ts';
import { disclosure, FULL } from './policy.ts';
import { published } from './ptable.ts';

const DEMO = resolve(__dirname, '../../../data/snapshots/demo');
let snap: OpenSnapshot;
let periods: Period[] = [];
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO);
  periods = await snap.rows<Period>('SELECT DISTINCT year::INTEGER AS year, semester::INTEGER AS semester FROM cases ORDER BY 1, 2');
});
afterAll(() => snap?.close());

const r = rng(99);

describe('map values in public mode (property test on the demo)', () => {
  it('over 30 random states × the people indicators: published counts, shares from them, nothing below k', async () => {
    let hidden = 0;
    for (let i = 0; i < 30; i++) {
      const f: QueryFilters = {
        ...randomPlace(r, { period: 0.4, group: 0.5, province: 0.25, regency: 1 }, periods),
        indicator: 'cases', cause: pick(r, ['sanitasi', 'asupan_gizi', 'pernikahan_dini']), survey: null, dataDate: '2026-01-15'
      };
      const k = i % 2 ? 5 : 10;
      const d = disclosure(true, k);
      for (const def of INDICATOR_DEFS.filter((x) => x.privacy)) {
        const sql = def.sql({ ...f, indicator: def.code })!;
        const [truth, rows] = await Promise.all([snap.rows<Record<string, number & string>>(sql), snap.rows<Record<string, number | null>>(discloseMapSql(sql, def.privacy, d)!)]);
        const where = `#${i} ${def.code} ${JSON.stringify({ ...f, k })}`;
        expect(rows.length, where).toBe(truth.length);
        rows.forEach((row, j) => {
          const t = truth[j];
          expect(Object.keys(row).some((c) => c.endsWith('_key')), where).toBe(false);
          const n = published(t.n, t.n_key, k);
          expect(row.n, where).toBe(n);
          if (n !== null) expect(n).toBeGreaterThanOrEqual(k);
          if (def.privacy === 'count') expect(row.value, where).toBe(n);
          else {
            const kk = published(t.k, t.k_key, k);
            expect(row.value, where).toBe(n === null || kk === null ? null : (100 * kk) / n);
          }
        });
        const p = protectMapValues(rows as never, def.privacy, d);
        for (const row of rows) if (row.value === null) expect(p.hidden.get(row.code as unknown as string), where).toMatch(/^(<\d+|–)$/);
        hidden += p.hidden.size;
      }
    }
    expect(hidden).toBeGreaterThan(100);
  }, 240_000);

  it('outside public mode every value passes unchanged', async () => {
    const f: QueryFilters = { period: null, group: null, province: '32', regency: null, indicator: 'cases', cause: 'sanitasi', survey: null };
    const sql = INDICATOR_DEFS[0].sql(f)!;
    expect(discloseMapSql(sql, 'count', FULL)).toBe(sql);
    const rows = await snap.rows<{ code: string; value: number; n: number }>(sql);
    const p = protectMapValues(rows, 'count', FULL);
    expect([...p.values.entries()]).toEqual(rows.map((x) => [x.code, x.value]));
    expect(p.hidden.size).toBe(0);
  });
});
