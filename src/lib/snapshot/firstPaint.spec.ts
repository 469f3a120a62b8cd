// The first-paint files hold what the live views compute: every stored result equals the same SQL run
// on the snapshot's Parquet files (openSnapshot), and the public variant is what protectMapValues and
// the summary panel's privacy functions make of those results, with no count of people left in it.
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
import { PUBLIC, protectMapValues, protectCount, shownShare } from '../privacy/index.ts';

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
  it('hold, for every painted state, the results of the live SQL', async () => {
    const paint = new FirstPaint(files.internal);
    const ss = await states();
    expect(ss.length).toBe(9 * INDICATORS.length + 38);
    let checked = 0;
    for (const s of ss)
      for (const q of Object.values(CORE_QUERIES)) {
        const sql = q(s);
        if (sql === null) continue;
        expect(paint.rows(sql), sql).toEqual(await snap.rows(sql));
        checked++;
      }
    expect(checked).toBeGreaterThan(400);
  });

  it('public: the map is protectMapValues of the live rows, the summary the panel’s protected cells, and no raw result of people', async () => {
    const paint = new FirstPaint(files.public);
    for (const s of await states()) {
      const mapSql = CORE_QUERIES.map(s);
      if (mapSql) {
        const rows = await snap.rows<MapRow>(mapSql);
        expect(paint.shownMap(mapSql, PUBLIC), mapSql).toEqual(protectMapValues(rows, INDICATOR_BY_CODE.get(s.indicator)?.privacy, PUBLIC));
        expect(paint.rows(mapSql)).toBeUndefined();
      }
      const sumSql = CORE_QUERIES.summary(s);
      const [sum] = await snap.rows<{ cases: number; regencies: number; concluded: number; sensitive: number; top_cause: string }>(sumSql);
      const top = await snap.rows<{ cause: string }>(CORE_QUERIES['top-causes'](s));
      expect(paint.summary(sumSql, PUBLIC)).toEqual({
        cases: protectCount(sum.cases, PUBLIC),
        regencies: sum.regencies,
        sensitive: shownShare(sum.sensitive, sum.concluded, PUBLIC),
        topCause: sum.top_cause,
        topCauses: top.map((t) => t.cause)
      });
      expect(paint.rows(sumSql)).toBeUndefined();
      expect(paint.rows(CORE_QUERIES['top-causes'](s))).toBeUndefined();
    }
    // only a page with the same threshold may use it; an internal page gets nothing from it
    const national = CORE_QUERIES.map((await states())[0])!;
    expect(paint.shownMap(national, { public: true, threshold: 10 })).toBeNull();
    expect(paint.shownMap(national, { public: false, threshold: 5 })).toBeNull();
    // the regions' true case counts are nowhere in the file
    const text = JSON.stringify(files.public);
    const national0 = unpackRows(files.internal.results[sqlKey(national)]) as unknown as MapRow[];
    for (const r of national0) expect(text).not.toContain(`"${r.code}",${r.n}]`);
  });

  it("stay small (a few hundred KB at most)", () => {
    expect(JSON.stringify(files.internal).length).toBeLessThan(300_000);
    expect(JSON.stringify(files.public).length).toBeLessThan(300_000);
  });
});
