/**
 * The p-table and the SQL that applies it, on the real demo database: bounded, unbiased, zero never
 * published, nothing below the threshold published, and the SQL agreeing with the module's table for
 * every cell the root-cause and story queries return (true count and key from the same query).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { causeScopesSql, causeMatrixSql, CAUSE_COUNTS } from '$lib/queries/causes/index.ts';
import { casesSql } from '$lib/queries/mapIndicator.ts';
import { discloseMapSql } from './mapValues.ts';
import { disclosure } from './policy.ts';
import {
  BASE_WEIGHTS, MAX_NOISE, PTABLE, TABLE_SIZE, discloseSql, noise, possibleTrue, published, publishedSql
} from './ptable.ts';
import { randomPlace, rng } from './testing.ts';

const DEMO = resolve(__dirname, '../../../data/snapshots/demo');
let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO);
});
afterAll(() => snap?.close());

describe('the p-table', () => {
  it('every row has TABLE_SIZE cell keys, mean noise exactly 0, |noise| ≤ MAX_NOISE, no count below 0', () => {
    expect(BASE_WEIGHTS.reduce((a, b) => a + b, 0)).toBe(TABLE_SIZE);
    PTABLE.forEach((row, t) => {
      expect(row.reduce((a, b) => a + b, 0), `row ${t}`).toBe(TABLE_SIZE);
      expect(row.reduce((a, w, i) => a + w * (i - MAX_NOISE), 0), `row ${t} mean`).toBe(0);
      row.forEach((w, i) => w > 0 && expect(t + i - MAX_NOISE, `row ${t}`).toBeGreaterThanOrEqual(0));
    });
    for (let t = 0; t < 40; t++)
      for (let k = 0; k < TABLE_SIZE; k++) {
        expect(Math.abs(noise(t, k))).toBeLessThanOrEqual(MAX_NOISE);
        expect(t + noise(t, k)).toBeGreaterThanOrEqual(0);
      }
  });

  it('zero is never published as zero, and nothing below the threshold is published', () => {
    for (const k of [3, 5, 10])
      for (let t = 0; t < 30; t++)
        for (let key = 0; key < TABLE_SIZE; key++) {
          const p = published(t, key, k);
          if (t === 0) expect(p).toBeNull();
          if (p !== null) expect(p).toBeGreaterThanOrEqual(k);
        }
  });

  it('the attacker’s inverse holds every true count that can give a shown value', () => {
    for (const k of [3, 5])
      for (let t = 0; t < 30; t++)
        for (let key = 0; key < TABLE_SIZE; key++) {
          const [lo, hi] = possibleTrue(published(t, key, k), k);
          expect(t >= lo && t <= hi, `t=${t} key=${key}`).toBe(true);
        }
    expect(possibleTrue(null, 5)).toEqual([0, 4 + MAX_NOISE]);
  });

  it('the SQL applies the same table (every t ≤ 12, every key)', async () => {
    const rows = await snap.rows<{ t: number; k: number; p: number | null }>(
      `SELECT t, k, ${publishedSql('t', 'k', 3)} AS p FROM range(0, 13) r1(t), range(0, ${TABLE_SIZE * 2}) r2(k)`
    );
    expect(rows.length).toBe(13 * TABLE_SIZE * 2);
    for (const r of rows) expect(r.p, `t=${r.t} k=${r.k}`).toBe(published(r.t, r.k, 3));
  });
});

describe('published counts on the demo (property test over random filter states)', () => {
  it('the SQL publishes p-table(true count, key) for every cell; none below k, no zero; noise bounded and unbiased', async () => {
    const r = rng(2026);
    let sum = 0;
    let cells = 0;
    let hidden = 0;
    for (let i = 0; i < 30; i++) {
      const p = randomPlace(r, { period: 0.3, group: 0.4, province: 0.3, regency: 0.5 });
      const f = { ...p, indicator: 'cases', cause: 'sanitasi' };
      const k = i % 3 ? 5 : 10;
      const d = disclosure(true, k);
      const sqls = [causeScopesSql(f, i % 2 ? 'any' : 'primary'), causeMatrixSql(f, 'primary')];
      for (const sql of sqls) {
        const [truth, shown] = await Promise.all([snap.rows<Record<string, number>>(sql), snap.rows<Record<string, number | null>>(discloseSql(sql, CAUSE_COUNTS, d))]);
        expect(shown.length).toBe(truth.length);
        shown.forEach((s, j) => {
          for (const c of CAUSE_COUNTS) {
            const t = truth[j][c];
            expect(Object.keys(s)).not.toContain(`${c}_key`);
            expect(s[c], `${c} of ${JSON.stringify(truth[j])}`).toBe(published(t, truth[j][`${c}_key`], k));
            if (s[c] === null) hidden++;
            else expect(s[c]).toBeGreaterThanOrEqual(k);
            const e = noise(t, truth[j][`${c}_key`]);
            expect(Math.abs(e)).toBeLessThanOrEqual(MAX_NOISE);
            sum += e;
            cells++;
          }
        });
      }
      // the map: counts published the same way, no true value on the way
      const map = await snap.rows<{ code: string; value: number | null; n: number | null }>(discloseMapSql(casesSql(f), 'count', d));
      const raw = await snap.rows<{ code: string; n: number; n_key: number }>(casesSql(f));
      map.forEach((m, j) => expect([m.code, m.value, m.n]).toEqual([raw[j].code, published(raw[j].n, raw[j].n_key, k), published(raw[j].n, raw[j].n_key, k)]));
    }
    expect(cells).toBeGreaterThan(2000);
    expect(hidden).toBeGreaterThan(50);
    // unbiased: the mean noise over the demo's cells is 0 up to sampling (sd ≈ 1.8/√cells)
    expect(Math.abs(sum / cells)).toBeLessThan(4 * (1.8 / Math.sqrt(cells)) + 0.01);
  }, 240_000);

  it('mean noise over every regency × semester × group cell of the demo is 0 up to sampling', async () => {
    const rows = await snap.rows<{ n: number; n_key: number }>(`SELECT n, n_key FROM agg_cases`);
    const e = rows.map((r) => noise(r.n, r.n_key));
    const mean = e.reduce((a, b) => a + b, 0) / e.length;
    expect(rows.length).toBeGreaterThan(10_000);
    expect(Math.abs(mean)).toBeLessThan(4 * (1.8 / Math.sqrt(e.length)));
    // the cell keys are spread over the whole table (record keys uniform)
    const seen = new Set(rows.map((r) => r.n_key % TABLE_SIZE));
    expect(seen.size).toBe(TABLE_SIZE);
  });
});
