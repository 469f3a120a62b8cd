/**
 * The calendar SQL against REAL DuckDB over the demo snapshot's Parquet, compared with the pure rules
 * of src/lib/calendar/status.ts applied to the raw rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSnapshot, type OpenSnapshot } from '../../snapshot/openSnapshot.ts';
import { join } from 'node:path';
import type { Period, StageCode } from '$lib/domain/index.ts';
import { evaluateRegion, onSchedule, stageWindows, type StageRecord } from '$lib/calendar/status.ts';
import type { CalendarWindowRow } from '$lib/calendar/windows.ts';
import { InvalidFilterError, type QueryFilters } from '../filters.ts';
import { calendarOnTrackSql, calendarStageSql, regionStatusSql, stageCompletionSql, timelineSql, type RegionStatusRow } from './status.ts';
import { asOfFromFilters, asOfLiteral, calendarWindowsSql, semesterWindowsSql } from './base.ts';

const DIR = join(process.cwd(), 'data', 'snapshots', 'demo');
let snap: OpenSnapshot;
let windows: CalendarWindowRow[];
const rows = <T = Record<string, unknown>>(sql: string) => snap.rows<T>(sql);

beforeAll(async () => {
  snap = await openSnapshot(DIR);
  windows = await rows<CalendarWindowRow>(calendarWindowsSql());
});
afterAll(() => snap?.close());

/** TS side: raw calendar rows of a semester, evaluated per regency. */
async function tsStatuses(p: Period, asOf: string, province: string | null = null) {
  const raw = await rows<{ regency_code: string; stage_code: StageCode; planned: string | null; actual: string | null }>(
    `SELECT regency_code, stage_code, CAST(planned_date AS VARCHAR) AS planned, CAST(actual_date AS VARCHAR) AS actual
     FROM calendar WHERE year = ${p.year} AND semester = ${p.semester} ${province ? `AND province_code = '${province}'` : ''}`
  );
  const by = new Map<string, StageRecord[]>();
  for (const r of raw) {
    if (!by.has(r.regency_code)) by.set(r.regency_code, []);
    by.get(r.regency_code)!.push({ stage: r.stage_code, planned: r.planned, actual: r.actual });
  }
  return new Map([...by].map(([code, recs]) => [code, evaluateRegion(p, recs, asOf, windows)]));
}

const CASES: [Period, string][] = [
  [{ year: 2025, semester: 1 }, '2025-03-31'],
  [{ year: 2025, semester: 1 }, '2026-01-15'],
  [{ year: 2025, semester: 2 }, '2026-01-15'],
  [{ year: 2025, semester: 2 }, '2025-06-30'],
  [{ year: 2022, semester: 1 }, '2022-04-30'],
  [{ year: 2023, semester: 2 }, '2024-02-01']
];

describe('calendar SQL agrees with the TS rules on the demo snapshot', () => {
  for (const [p, asOf] of CASES) {
    it(`${p.year}-${p.semester} as of ${asOf}`, async () => {
      const sql = await rows<RegionStatusRow>(regionStatusSql({ period: p, province: null }, asOf));
      const ts = await tsStatuses(p, asOf);
      expect(sql.length).toBe(514);
      expect(ts.size).toBe(514);
      let mismatches = 0;
      for (const r of sql) {
        const e = ts.get(r.code)!;
        const same = r.status === e.status && r.furthest === e.furthest && r.done === e.done && r.overdue === e.overdue &&
          r.done_late === e.doneLate && r.days_late === e.daysLate;
        if (!same) mismatches++;
      }
      expect(mismatches).toBe(0);
      // not a degenerate comparison: the statuses vary where they should
      const statuses = new Set(sql.map((r) => r.status));
      if (asOf === '2025-06-30' && p.semester === 2) expect([...statuses]).toEqual(['not_begun']);
      else expect(statuses.size).toBeGreaterThan(1);
    });
  }

  it('timeline rows equal the per-stage evaluation', async () => {
    const p: Period = { year: 2025, semester: 2 };
    const tl = await rows<{ code: string; stage_code: string; state: string; days_late: number; actual: string | null; win_end: string }>(
      timelineSql({ period: p, province: '32' }, ['32.01', '32.03'], '2025-11-30')
    );
    const ts = await tsStatuses(p, '2025-11-30', '32');
    expect(tl.length).toBe(12);
    for (const r of tl) {
      const s = ts.get(r.code)!.stages.find((x) => x.stage === r.stage_code)!;
      expect([r.state, r.days_late, r.actual, r.win_end]).toEqual([s.state, s.daysLate, s.actual, s.end]);
    }
  });

  it('stage completion: Indonesia and provinces', async () => {
    const p: Period = { year: 2025, semester: 1 };
    const asOf = '2026-01-15';
    const comp = await rows<{ code: string; stage_code: string; pct: number; n: number; done: number }>(stageCompletionSql({ period: p, province: null }, asOf));
    const ts = await tsStatuses(p, asOf);
    const nat = comp.filter((r) => r.code === '00');
    expect(nat.map((r) => r.stage_code)).toEqual(['tim', 'seleksi', 'kajian', 'diseminasi', 'rtl', 'evaluasi']);
    for (const r of nat) {
      const done = [...ts.values()].filter((e) => e.stages.find((s) => s.stage === r.stage_code)!.actual !== null).length;
      expect(r.done).toBe(done);
      expect(r.n).toBe(514);
    }
    expect(new Set(comp.map((r) => r.code)).size).toBe(39);
    const one = await rows<{ code: string }>(stageCompletionSql({ period: p, province: '53' }, asOf));
    expect([...new Set(one.map((r) => r.code))]).toEqual(['00', '53']);
  });

  it('map indicators: share on schedule per province, furthest stage per regency', async () => {
    const p: Period = { year: 2025, semester: 2 };
    const asOf = '2025-11-30';
    const f: QueryFilters = { period: p, group: null, province: null, indicator: 'calendar_on_track', cause: 'sanitasi', asOf };
    const ts = await tsStatuses(p, asOf);
    const prov = await rows<{ code: string; value: number; n: number }>(calendarOnTrackSql(f));
    expect(prov.length).toBe(38);
    for (const r of prov) {
      const mine = [...ts].filter(([c]) => c.startsWith(r.code + '.'));
      expect(r.n).toBe(mine.length);
      expect(r.value).toBeCloseTo((100 * mine.filter(([, e]) => onSchedule(e.status)).length) / mine.length, 9);
    }
    const reg = await rows<{ code: string; value: number }>(calendarStageSql({ ...f, province: '32', indicator: 'calendar_stage' }));
    expect(reg.length).toBe(27);
    for (const r of reg) expect(r.value).toBe(ts.get(r.code)!.furthest);
  });

  it('the Gantt windows SQL resolves the same windows as the TS rules, also for an unlisted year', async () => {
    for (const p of [{ year: 2024, semester: 1 }, { year: 2025, semester: 2 }, { year: 2027, semester: 1 }] as Period[])
      expect(await rows(semesterWindowsSql(p)), `${p.year}-${p.semester}`).toEqual(stageWindows(p, windows));
    const latest = await rows<{ start: string }>(semesterWindowsSql(null));
    expect(latest[0].start).toBe(stageWindows({ year: 2025, semester: 2 }, windows)[0].start);
  });

  it('the period "all" uses the latest semester; missing as-of falls back to the latest recorded date', async () => {
    const r = await rows<RegionStatusRow>(regionStatusSql({ period: null, province: '32' }, null));
    expect(r.every((x) => x.year === 2025 && x.semester === 2)).toBe(true);
    expect(r[0].as_of).toBe('2026-01-15');
  });
});

describe('calendar query validation', () => {
  it('refuses invalid dates and regencies', () => {
    expect(() => asOfLiteral("2025-01-01' OR 1=1 --")).toThrow(InvalidFilterError);
    expect(() => asOfLiteral('2025-13-01')).toThrow(InvalidFilterError);
    expect(() => timelineSql({ period: null, province: '32' }, ["32.01'; DROP"], null)).toThrow(InvalidFilterError);
    expect(() => timelineSql({ period: null, province: '32' }, ['33.01'], null)).toThrow(InvalidFilterError);
    expect(() => stageCompletionSql({ period: null, province: "32' --" }, null)).toThrow(InvalidFilterError);
  });
  it('takes the as-of date from the filters (per of the calendar view: urlState.spec.ts), else the data date', () => {
    const f: QueryFilters = { period: null, group: null, province: null, indicator: 'x', cause: 'sanitasi' };
    expect(asOfFromFilters({ ...f, asOf: '2025-03-31' })).toBe('2025-03-31');
    expect(asOfFromFilters({ ...f, asOf: '2025-03-31', dataDate: '2026-01-15' })).toBe('2025-03-31');
    expect(asOfFromFilters({ ...f, asOf: null })).toBeNull();
    expect(asOfFromFilters({ ...f, asOf: 'bad', dataDate: '2026-01-15' })).toBe('2026-01-15');
    expect(asOfFromFilters({ ...f, dataDate: '2026-01-15' })).toBe('2026-01-15');
  });
});
