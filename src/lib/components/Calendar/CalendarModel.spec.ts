/**
 * The audit calendar view model on the REAL demo database: a ViewContext from a URL (testContext.svelte.ts),
 * the page's Coordinator over @duckdb/node-api, and what the model exposes compared with direct SQL on
 * the calendar table: the as-of date (`per=`) changes the statuses, the timeline is queried only for
 * chosen regencies (`wil=` or the selected regency), a change of province re-queries, and an engine
 * failure surfaces as `error` (a FakeEngine for that one case).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { Coordinator } from '$lib/db/Coordinator.ts';
import { FakeEngine, tick } from '$lib/db/fakeEngine.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import { DEMO_DIR, TestContext, publishedManifest, realContext } from '../testContext.svelte.ts';
import { CalendarModel } from './CalendarModel.svelte.ts';

let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO_DIR);
});
const models: CalendarModel[] = [];
afterAll(() => {
  models.forEach((m) => m.destroy());
  snap?.close();
});

async function settled(search: string) {
  const { ctx, engine } = realContext(snap, search);
  const vm = new CalendarModel(ctx);
  models.push(vm);
  expect(vm.loading).toBe(true);
  ctx.update();
  await ctx.settle();
  return { ctx, engine, vm };
}
const num = async (sql: string) => Number(Object.values((await snap.rows(sql))[0])[0]);
/** Stages done by the as-of date (actual date on or before it), straight from the calendar table. */
const doneBy = (where: string, asOf: string) => num(`SELECT count(*) FROM calendar WHERE ${where} AND actual_date <= DATE '${asOf}'`);
const sumDone = (vm: CalendarModel) => (vm.statusRows ?? []).reduce((a, r) => a + r.done, 0);
const countsOf = (vm: CalendarModel) => Object.fromEntries(vm.counts.map((c) => [c.status, c.n]));
const SEM2 = 'year = 2025 AND semester = 2';
/** What only the timeline's SQL selects (src/lib/queries/calendar/status.ts timelineSql). */
const TIMELINE_SQL = 'CAST(win_start AS VARCHAR) AS win_start';

describe('CalendarModel', () => {
  it('no params: the latest semester as of the data date, every regency evaluated; no timeline query', async () => {
    const { vm, engine } = await settled('?tampilan=kalender');
    expect(vm.loading).toBe(false);
    expect(vm.error).toBeNull();
    expect(vm.asOf).toBe('2026-01-15');
    const latest = (await snap.rows<{ year: number; semester: number }>(
      'SELECT year, semester FROM calendar ORDER BY year DESC, semester DESC LIMIT 1'
    ))[0];
    expect(vm.latest).toEqual(latest);
    expect(vm.semester).toEqual(latest);
    expect(vm.statusRows?.length).toBe(await num(`SELECT count(DISTINCT regency_code) FROM calendar WHERE ${SEM2}`));
    expect(new Set(vm.statusRows?.map((r) => r.as_of))).toEqual(new Set(['2026-01-15']));
    expect(sumDone(vm)).toBe(await doneBy(SEM2, '2026-01-15'));
    expect(vm.windows.map((w) => w.stage)).toHaveLength(6);
    expect(vm.completionByRegion[0].code).toBe('00');

    expect(vm.timelineCodes).toEqual([]);
    expect(vm.timelineQuery.rows).toBeNull();
    expect(engine.calls.length).toBe(4);
    expect(engine.calls.some((sql) => sql.includes(TIMELINE_SQL))).toBe(false);
  });

  it('per= sets the as-of date: two dates give different statuses, each matching the calendar table', async () => {
    const early = (await settled('?tampilan=kalender&periode=2025-2&per=2025-09-30')).vm;
    const late = (await settled('?tampilan=kalender&periode=2025-2&per=2026-01-15')).vm;
    expect(early.params.per).toBe('2025-09-30');
    expect(early.asOf).toBe('2025-09-30');
    expect(new Set(early.statusRows?.map((r) => r.as_of))).toEqual(new Set(['2025-09-30']));
    expect(sumDone(early)).toBe(await doneBy(SEM2, '2025-09-30'));
    expect(sumDone(late)).toBe(await doneBy(SEM2, '2026-01-15'));
    expect(sumDone(early)).toBeLessThan(sumDone(late));
    expect(countsOf(early)).not.toEqual(countsOf(late));
    expect(early.late.length).not.toBe(late.late.length);

    // before the semester starts nothing has begun
    const before = (await settled('?tampilan=kalender&periode=2025-2&per=2025-06-01')).vm;
    expect(countsOf(before).not_begun).toBe(before.statusRows?.length);
    expect(before.statusRows!.length).toBeGreaterThan(0);
  });

  it('setAsOf writes per= (the data date removes it); the next update answers for that date', async () => {
    const { ctx, vm } = await settled('?tampilan=kalender&periode=2025-2');
    const atDataDate = countsOf(vm);
    vm.setAsOf('2025-09-30');
    expect(new URLSearchParams(ctx.search).get('per')).toBe('2025-09-30');
    ctx.update();
    await ctx.settle();
    expect(vm.statusRows?.[0].as_of).toBe('2025-09-30');
    expect(sumDone(vm)).toBe(await doneBy(SEM2, '2025-09-30'));
    expect(countsOf(vm)).not.toEqual(atDataDate);
    vm.setAsOf('2026-01-15');
    expect(new URLSearchParams(ctx.search).has('per')).toBe(false);
  });

  it('the timeline is queried only for chosen regencies: wil= (of the province), else the selected regency', async () => {
    const { vm } = await settled('?tampilan=kalender&wilayah=32&wil=32.01,32.03');
    expect(vm.timelineCodes).toEqual(['32.01', '32.03']);
    const rows = vm.timeline ?? [];
    expect(rows.length).toBe(12);
    const direct = await snap.rows<{ code: string; stage_code: string; actual: string | null }>(
      `SELECT regency_code AS code, stage_code, CASE WHEN actual_date <= DATE '2026-01-15' THEN CAST(actual_date AS VARCHAR) END AS actual
       FROM calendar WHERE regency_code IN ('32.01', '32.03') AND ${SEM2} ORDER BY code, stage_code`
    );
    const got = rows.map((r) => ({ code: r.code, stage_code: r.stage_code, actual: r.actual }));
    const key = (r: { code: string; stage_code: string }) => `${r.code}|${r.stage_code}`;
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(direct);

    const selected = (await settled('?tampilan=kalender&wilayah=32&kabkota=32.05')).vm;
    expect(selected.timelineCodes).toEqual(['32.05']);
    expect(new Set(selected.timeline?.map((r) => r.code))).toEqual(new Set(['32.05']));

    // a regency of another province is not this province's timeline: nothing to query
    const other = await settled('?tampilan=kalender&wilayah=32&wil=53.01');
    expect(other.vm.timelineCodes).toEqual([]);
    expect(other.vm.timelineQuery.rows).toBeNull();
    expect(other.engine.calls.some((sql) => sql.includes(TIMELINE_SQL))).toBe(false);
  });

  it('another province: the status query answers it; meanwhile its state and rows are still the old province\'s', async () => {
    const { ctx, vm } = await settled('?tampilan=kalender&wilayah=32');
    expect(vm.statusRows?.every((r) => r.province_code === '32')).toBe(true);
    ctx.go('?tampilan=kalender&wilayah=53');
    expect(vm.statusQuery.state?.province).toBe('32');
    expect(vm.statusRows?.every((r) => r.province_code === '32')).toBe(true);
    await ctx.settle();
    expect(vm.statusQuery.state?.province).toBe('53');
    expect(vm.statusRows!.length).toBe(await num(`SELECT count(DISTINCT regency_code) FROM calendar WHERE province_code = '53' AND ${SEM2}`));
    expect(vm.statusRows?.every((r) => r.province_code === '53')).toBe(true);
    expect(new Set(vm.completion?.map((r) => r.code))).toEqual(new Set(['00', '53']));
    expect(vm.place).not.toBe('Indonesia');
    expect(vm.mapIndicator).toBe('calendar_stage');
  });

  it('an engine failure surfaces as error (the other queries still answer); the next answer clears it', async () => {
    const engine = new FakeEngine();
    const ctx = new TestContext('?tampilan=kalender', new Coordinator<QueryFilters>(engine), publishedManifest(snap));
    const vm = new CalendarModel(ctx);
    models.push(vm);
    ctx.update();
    expect(engine.calls.length).toBe(4);
    const status = engine.calls.find((sql) => sql.includes('worst_stage'))!;
    expect(status).toBeDefined();
    engine.fail(status, new Error('DuckDB: out of memory'));
    for (const sql of engine.calls.filter((s) => s !== status)) engine.finish(sql, []);
    await tick();
    await tick();
    expect(vm.error).toBe('DuckDB: out of memory');
    expect(vm.statusQuery.error).toBe('DuckDB: out of memory');
    expect(vm.statusRows).toBeNull();
    expect(vm.loading).toBe(true);
    expect(vm.completion).toEqual([]); // the others were answered

    ctx.go('?tampilan=kalender&wilayah=53');
    const retry = engine.calls.slice(4).find((sql) => sql.includes('worst_stage'))!;
    expect(retry).toBeDefined();
    for (const sql of engine.calls.slice(4)) engine.finish(sql, []);
    await tick();
    await tick();
    expect(vm.error).toBeNull();
    expect(vm.statusRows).toEqual([]);
    expect(vm.empty).toBe(true);
  });
});
