/**
 * The demo's audit calendar against what Sipasti reported (shared/domain/AKS.md §6), on the compiled
 * demo snapshot with the calendar SQL, and a changed windows file changing the statuses (SQL and the
 * pure rules alike).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSnapshot, type OpenSnapshot } from '../snapshot/openSnapshot.ts';
import { readFileSync } from 'node:fs';
import { CALENDAR_WINDOWS_FILE, readCalendarWindows } from '../snapshot/reference.ts';
import { parseCalendarWindowsCsv, type CalendarWindowRow } from '../calendar/windows.ts';
import { evaluateRegion, type StageRecord } from '../calendar/status.ts';
import { calendarWindowsSql, regionStatusSql, tahapCompletionSql, type RegionStatusRow, type TahapCompletionRow } from '../queries/calendar/index.ts';
import type { Period, StageCode } from '../domain/index.ts';

const DIR = join(process.cwd(), 'data', 'snapshots', 'demo');
let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openSnapshot(DIR);
});
afterAll(() => snap?.close());

const pcts = async (periods: Period[], asOf: string) => (await snap.rows<TahapCompletionRow>(tahapCompletionSql(periods, asOf))).map((r) => r.pct);

describe('demo calendar calibrated to Sipasti (tahap 1–4: team formed, audit done, dissemination, evaluation)', () => {
  it('the snapshot carries the windows file as calendar_windows', async () => {
    const table = await snap.rows<CalendarWindowRow>(calendarWindowsSql());
    expect(table).toEqual(readCalendarWindows());
  });
  it('cycle I 2024 as of 8 June 2024 is within 5 points of 98.8 / 66.1 / 6.4 / 0.6 %', async () => {
    const got = await pcts([{ year: 2024, semester: 1 }], '2024-06-08');
    [98.8, 66.1, 6.4, 0.6].forEach((want, i) => expect(Math.abs(got[i] - want), `tahap ${i + 1}: ${got[i]}`).toBeLessThan(5));
  });
  it('2022 at year end (its one full cycle, 2022-I, as of 31 Dec 2022) is within 5 points of 97 / 86.5 / 85 / 81 %', async () => {
    const got = await pcts([{ year: 2022, semester: 1 }], '2022-12-31');
    [97, 86.5, 85, 81].forEach((want, i) => expect(Math.abs(got[i] - want), `tahap ${i + 1}: ${got[i]}`).toBeLessThan(5));
  });
  it('semester-I dissemination happens in July–August (most of it)', async () => {
    const share = await snap.rows<{ p: number }>(`SELECT avg((month(actual_date) IN (7, 8))::INT) AS p FROM calendar
      WHERE semester = 1 AND stage_code = 'diseminasi' AND actual_date IS NOT NULL`);
    expect(share[0].p).toBeGreaterThan(0.7);
  });
});

describe('a changed windows file changes the statuses', () => {
  const P: Period = { year: 2024, semester: 1 };
  const AS_OF = '2024-06-08';
  /** The same file with 2024-I's expert review (kajian) due a month earlier, by 31 May. */
  function changedWindows(): CalendarWindowRow[] {
    const text = readFileSync(join(process.cwd(), 'data', 'reference', CALENDAR_WINDOWS_FILE), 'utf8');
    const line = '2024,1,kajian,2024-03-01,2024-06-30';
    expect(text).toContain(line);
    return parseCalendarWindowsCsv(text.replace(line, '2024,1,kajian,2024-03-01,2024-05-31'));
  }
  const statusCounts = (rows: RegionStatusRow[]) => rows.reduce<Record<string, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

  it('more regencies are late in the SQL, and the pure rules agree row by row', async () => {
    const before = await snap.rows<RegionStatusRow>(regionStatusSql({ period: P, province: null }, AS_OF));
    const changed = changedWindows();
    const values = changed.map((r) => `(${r.year}, ${r.semester}, '${r.stage_code}', ${r.stage_order}, DATE '${r.start_date}', DATE '${r.end_date}', 'test')`).join(', ');
    const other = await openSnapshot(DIR);
    try {
      await other.conn.run(`CREATE OR REPLACE VIEW calendar_windows AS SELECT * FROM (VALUES ${values})
        t(year, semester, stage_code, stage_order, start_date, end_date, source)`);
      const after = await other.rows<RegionStatusRow>(regionStatusSql({ period: P, province: null }, AS_OF));
      const b = statusCounts(before), a = statusCounts(after);
      expect(a.late, JSON.stringify({ b, a })).toBeGreaterThan((b.late ?? 0) + 50);
      // the pure rules with the changed file give the same statuses
      const raw = await other.rows<{ regency_code: string; stage_code: StageCode; planned: string | null; actual: string | null }>(
        `SELECT regency_code, stage_code, CAST(planned_date AS VARCHAR) AS planned, CAST(actual_date AS VARCHAR) AS actual FROM calendar WHERE year = 2024 AND semester = 1`);
      const by = new Map<string, StageRecord[]>();
      for (const r of raw) by.set(r.regency_code, [...(by.get(r.regency_code) ?? []), { stage: r.stage_code, planned: r.planned, actual: r.actual }]);
      for (const r of after) expect(evaluateRegion(P, by.get(r.code)!, AS_OF, changed).status, r.code).toBe(r.status);
      const flipped = after.filter((r) => evaluateRegion(P, by.get(r.code)!, AS_OF, readCalendarWindows()).status !== r.status);
      expect(flipped.length).toBe(a.late - (b.late ?? 0));
    } finally {
      other.close();
    }
  });
});
