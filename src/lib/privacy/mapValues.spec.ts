/**
 * The map and its table in public mode, on the real demo snapshot: over random filter states and every
 * indicator about people, no shown region rests on fewer people than the threshold, and a hidden count
 * never stands alone against the total (complementary suppression).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Period } from '$lib/domain/index.ts';
import { INDICATOR_DEFS, type MapRow, type QueryFilters } from '$lib/queries/index.ts';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { protectMapValues } from './mapValues.ts';
import { pick, randomPlace, rng } from './testing.ts';
import { disclosure, FULL } from './policy.ts';

const DEMO = resolve(__dirname, '../../../data/snapshots/demo');
let snap: OpenSnapshot;
let periods: Period[] = [];
beforeAll(async () => {
  snap = await openSnapshot(DEMO);
  periods = await snap.rows<Period>('SELECT DISTINCT year::INTEGER AS year, semester::INTEGER AS semester FROM cases ORDER BY 1, 2');
});
afterAll(() => snap?.close());

const r = rng(99);

describe('map values in public mode (property test on the demo)', () => {
  it('over 40 random states × the people indicators: nothing below the threshold, nothing derivable from the total', async () => {
    let hidden = 0;
    for (let i = 0; i < 40; i++) {
      const f: QueryFilters = {
        ...randomPlace(r, { period: 0.4, group: 0.5, province: 0.25, regency: 1 }, periods),
        indicator: 'cases',
        cause: pick(r, ['sanitasi', 'asupan_gizi', 'pernikahan_dini']),
        survey: null,
        dataDate: '2026-01-15'
      };
      const k = i % 2 ? 5 : 10;
      const d = disclosure(true, k);
      for (const def of INDICATOR_DEFS.filter((x) => x.privacy)) {
        const rows = await snap.rows<MapRow>(def.sql({ ...f, indicator: def.code }));
        const p = protectMapValues(rows, def.privacy, d);
        const where = `#${i} ${def.code} ${JSON.stringify({ ...f, k })}`;
        for (const row of rows) {
          const shown = p.values.get(row.code);
          if (shown === null || shown === undefined) {
            expect(p.hidden.has(row.code) || row.value === null, where).toBe(true);
            continue;
          }
          expect(row.n, where).toBeGreaterThanOrEqual(k);
          // banded: the lower bound of the value's band, never the exact value; no n beside it
          expect(shown % p.step!, where).toBe(0);
          expect(shown, where).toBeLessThanOrEqual(row.value!);
          expect(row.value! - shown, where).toBeLessThanOrEqual(p.step!);
          expect(p.counts.size, where).toBe(0);
          if (def.privacy === 'share') {
            const withAttr = Math.round((row.value! * row.n) / 100);
            expect(Math.min(withAttr, row.n - withAttr), where).toBeGreaterThanOrEqual(k);
          }
        }
        if (def.privacy === 'count') {
          expect(p.hidden.size === 1, `${where}: a single hidden count beside the total`).toBe(false);
          for (const [code, label] of p.hidden) expect(label, where).toBe(rows.find((x) => x.code === code)!.n < k ? `<${k}` : '×');
        }
        hidden += p.hidden.size;
      }
    }
    expect(hidden).toBeGreaterThan(100);
  }, 120_000);

  it('outside public mode every value passes unchanged', async () => {
    const rows = await snap.rows<MapRow>(INDICATOR_DEFS[0].sql({ period: null, group: null, province: '32', regency: null, indicator: 'cases', cause: 'sanitasi', survey: null }));
    const p = protectMapValues(rows, 'count', FULL);
    expect([...p.values.entries()]).toEqual(rows.map((x) => [x.code, x.value]));
    expect(p.hidden.size).toBe(0);
    expect(p.step).toBeNull();
  });

});
