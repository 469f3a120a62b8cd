// The first-paint files hold what the live views compute: every stored result equals the same SQL run
// on the snapshot's Parquet files (openSnapshot), for the internal SQL and for the public SQL (which
// publishes every count of people inside DuckDB), and no true count of people is in the public file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { computeFirstPaint } from './firstPaint.ts';
import { openSnapshot, type OpenSnapshot } from './openSnapshot.ts';
import { CORE_QUERIES } from '../queries/core.ts';
import { INDICATOR_BY_CODE, INDICATORS } from '../queries/indicators.ts';
import { resolveSurveyYear, type SurveyYearRow } from '../queries/prevalence.ts';
import type { MapRow } from '../queries/mapIndicator.ts';
import { paintStates, sqlKey, unpackRows, type PaintFile } from '../paint/format.ts';
import { FirstPaint } from '../paint/FirstPaint.ts';
import { PUBLIC, disclosure } from '../privacy/policy.ts';

const INTERNAL = disclosure(false);
const dir = join(process.cwd(), 'data', 'snapshots', 'demo');
let snap: OpenSnapshot;
let files: Record<'internal' | 'public', PaintFile>;
beforeAll(async () => {
  snap = await openSnapshot(dir);
  files = await computeFirstPaint(dir);
}, 120_000);
afterAll(() => snap?.close());

async function states() {
  const periods = (await snap.rows<{ year: number; semester: 1 | 2 }>(CORE_QUERIES.periods())).map((r) => ({ year: r.year, semester: r.semester }));
  const years = await snap.rows<SurveyYearRow>(CORE_QUERIES['survey-years']({ province: null }));
  return paintStates(snap.manifest.dataDate, periods, resolveSurveyYear(null, years));
}

describe('first-paint files', () => {
  for (const [variant, d] of [['internal', INTERNAL], ['public', PUBLIC]] as const)
    it(`${variant}: hold, for every painted state, the results of the SQL a ${variant} page runs`, async () => {
      const paint = new FirstPaint(files[variant]);
      const ss = await states();
      expect(ss.length).toBe(9 * INDICATORS.length + 38);
      let checked = 0;
      for (const s of ss)
        for (const q of Object.values(CORE_QUERIES)) {
          const sql = q(s, d);
          if (sql === null) continue;
          expect(paint.rows(sql), sql).toEqual(await snap.rows(sql));
          checked++;
        }
      expect(checked).toBeGreaterThan(400);
    });

  it('public: no internal SQL is answered, no count below the threshold and no key sum is stored', async () => {
    const paint = new FirstPaint(files.public);
    for (const r of Object.values(files.public.results)) expect(r.c.some((c) => c.endsWith('_key')), r.c.join(',')).toBe(false);
    for (const s of await states()) {
      const people = INDICATOR_BY_CODE.get(s.indicator)?.privacy ? [CORE_QUERIES.map(s, PUBLIC)!] : [];
      people.push(CORE_QUERIES.summary(s, PUBLIC), CORE_QUERIES['top-causes'](s, PUBLIC));
      for (const sql of people)
        for (const row of paint.rows(sql)!)
          for (const name of ['n', 'cases', 'concluded', 'sensitive'])
            if (row[name] !== null && row[name] !== undefined) expect(Number(row[name]), `${name} in ${sql}`).toBeGreaterThanOrEqual(5);
      const raw = CORE_QUERIES.map(s, INTERNAL);
      if (raw && people.length === 3) expect(paint.rows(raw)).toBeUndefined();
      expect(paint.rows(CORE_QUERIES.summary(s, INTERNAL))).toBeUndefined();
    }
    // the regions' true case counts are not what the public national map holds
    const s0 = (await states())[0];
    const truth = unpackRows(files.internal.results[sqlKey(CORE_QUERIES.map({ ...s0, indicator: 'cases' }, INTERNAL)!)]) as unknown as MapRow[];
    const shown = unpackRows(files.public.results[sqlKey(CORE_QUERIES.map({ ...s0, indicator: 'cases' }, PUBLIC)!)]) as unknown as MapRow[];
    expect(shown.length).toBe(truth.length);
    expect(shown.filter((r, i) => r.n !== truth[i].n).length).toBeGreaterThan(0);
  });

  it("stay small (a few hundred KB at most)", () => {
    expect(JSON.stringify(files.internal).length).toBeLessThan(300_000);
    expect(JSON.stringify(files.public).length).toBeLessThan(300_000);
  });
});
