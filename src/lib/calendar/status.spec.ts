import { describe, expect, it } from 'vitest';
import { STAGES, type Period, type StageCode } from '$lib/domain/index.ts';
import { epochDay, isoOfDay, parseIsoDate, semesterLength, semesterStartDay } from './dates.ts';
import { evaluateRegion as evaluate, onSchedule, stageWindows, type StageRecord } from './status.ts';
import type { CalendarWindowRow } from './windows.ts';

const P: Period = { year: 2025, semester: 1 };
const S = semesterStartDay(P);
const day = (n: number) => isoOfDay(S + n);
/** A test calendar for 2025: windows as days from each semester's start (not the demo's file). */
const OFFSETS: Record<StageCode, [number, number]> = {
  tim: [0, 45], seleksi: [30, 75], kajian: [60, 120], diseminasi: [105, 165], rtl: [120, 180], evaluasi: [150, 270]
};
const TABLE: CalendarWindowRow[] = ([1, 2] as const).flatMap((semester) =>
  STAGES.map((s) => {
    const s0 = semesterStartDay({ year: 2025, semester });
    return { year: 2025, semester, stage_code: s.code, stage_order: s.order, start_date: isoOfDay(s0 + OFFSETS[s.code][0]), end_date: isoOfDay(s0 + OFFSETS[s.code][1]), source: 'test' };
  })
);
const evaluateRegion = (p: Period, r: StageRecord[], asOf: string) => evaluate(p, r, asOf, TABLE);
const endDay = (c: StageCode) => OFFSETS[c][1];
/** Records with an actual date per stage (offset in days from the semester start, or null). */
const recs = (actual: Partial<Record<StageCode, number | null>>): StageRecord[] =>
  STAGES.map((s) => ({ stage: s.code, planned: day(endDay(s.code) - 5), actual: actual[s.code] == null ? null : day(actual[s.code]!) }));
const allOnTime = Object.fromEntries(STAGES.map((s) => [s.code, endDay(s.code) - 1])) as Record<StageCode, number>;

describe('dates', () => {
  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2025-03-31')).toBe('2025-03-31');
    expect(parseIsoDate('2025-02-30')).toBeNull();
    expect(parseIsoDate("2025-03-31' OR 1=1")).toBeNull();
    expect(parseIsoDate('1999-01-01')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
  it('counts days and semester lengths', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(isoOfDay(S)).toBe('2025-01-01');
    expect(semesterLength(P)).toBe(181);
    expect(semesterLength({ year: 2024, semester: 1 })).toBe(182);
    expect(semesterLength({ year: 2025, semester: 2 })).toBe(184);
  });
  it('gives the stage windows with dates', () => {
    const w = stageWindows({ year: 2025, semester: 2 }, TABLE);
    expect(w[0]).toEqual({ stage: 'tim', order: 1, start: '2025-07-01', end: '2025-08-15' });
    expect(w.at(-1)!.end).toBe('2026-03-28');
  });
});

describe('evaluateRegion', () => {
  it('semester not yet begun: as-of before the first day', () => {
    const r = evaluateRegion(P, recs({ tim: -10 }), '2024-12-31');
    expect(r.status).toBe('not_begun');
    expect(r.stages[0].state).toBe('done'); // done early, before the window opened
  });
  it('not started: begun, nothing done, even when the first window has passed', () => {
    expect(evaluateRegion(P, recs({}), day(10)).status).toBe('not_started');
    const r = evaluateRegion(P, recs({}), day(60));
    expect(r.status).toBe('not_started');
    expect(r.stages[0]).toMatchObject({ state: 'overdue', daysLate: 15 });
    expect(r.daysLate).toBe(15);
  });
  it('on track: everything due is done, the rest open or upcoming', () => {
    const r = evaluateRegion(P, recs({ tim: 40 }), day(50));
    expect(r.status).toBe('on_track');
    expect(r.stages.map((s) => s.state)).toEqual(['done', 'open', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(r.furthest).toBe(1);
  });
  it('the window end day itself is not late; the day after is', () => {
    expect(evaluateRegion(P, recs({ tim: 1 }), day(75)).status).toBe('on_track');
    const r = evaluateRegion(P, recs({ tim: 1 }), day(76));
    expect(r.status).toBe('late');
    expect(r.stages[1]).toMatchObject({ state: 'overdue', daysLate: 1 });
  });
  it('late completion is done_late with its days, but the region is on track once caught up', () => {
    const r = evaluateRegion(P, recs({ tim: 55 }), day(70));
    expect(r.stages[0]).toMatchObject({ state: 'done_late', daysLate: 10 });
    expect(r.status).toBe('on_track');
    expect(r.doneLate).toBe(1);
    expect(r.daysLate).toBe(10);
  });
  it('an actual date after the as-of date has not happened yet', () => {
    const r = evaluateRegion(P, recs({ tim: 55 }), day(50));
    expect(r.stages[0]).toMatchObject({ state: 'overdue', actual: null, daysLate: 5 });
    expect(r.status).toBe('not_started');
  });
  it('done: every stage done, also when some were late', () => {
    const r = evaluateRegion(P, recs({ ...allOnTime, evaluasi: 280 }), day(300));
    expect(r.status).toBe('done');
    expect(r.furthest).toBe(6);
    expect(r.doneLate).toBe(1);
    expect(onSchedule(r.status)).toBe(true);
  });
  it('a skipped stage stays not done: flagged, overdue when its window ended, no "done"', () => {
    const r = evaluateRegion(P, recs({ ...allOnTime, diseminasi: null }), day(300));
    const dis = r.stages.find((s) => s.stage === 'diseminasi')!;
    expect(dis).toMatchObject({ state: 'overdue', skipped: true, daysLate: 300 - 165 });
    expect(r.status).toBe('late');
    expect(r.furthest).toBe(6);
    expect(r.done).toBe(5);
  });
  it('missing calendar rows count as not done', () => {
    const r = evaluateRegion(P, [{ stage: 'tim', planned: null, actual: day(3) }], day(100));
    expect(r.done).toBe(1);
    expect(r.overdue).toBe(1); // seleksi ended on day 75
    expect(r.status).toBe('late');
  });
  it('before or after a window: upcoming, open, overdue', () => {
    const states = (d: number) => evaluateRegion(P, recs({}), day(d)).stages.find((s) => s.stage === 'kajian')!.state;
    expect(states(59)).toBe('upcoming');
    expect(states(60)).toBe('open');
    expect(states(120)).toBe('open');
    expect(states(121)).toBe('overdue');
  });
  it('late as of a date long after the semester', () => {
    const r = evaluateRegion(P, recs({ tim: 10, seleksi: 20, kajian: 70 }), '2026-01-15');
    expect(r.status).toBe('late');
    expect(r.overdue).toBe(3);
    expect(r.daysLate).toBe(epochDay('2026-01-15') - (S + 165));
  });
});
