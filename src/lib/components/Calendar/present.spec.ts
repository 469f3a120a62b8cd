import { describe, expect, it } from 'vitest';
import { isSkipped, lateList, sortLate, statusCounts } from './present.ts';
import { nextSort, paramsPatch, parseParams } from './params.ts';
import type { RegionStatusRow } from '$lib/queries/calendar/index.ts';

const row = (code: string, status: RegionStatusRow['status'], days: number, furthest = 1): RegionStatusRow => ({
  code, province_code: code.slice(0, 2), year: 2025, semester: 1, status, furthest, done: furthest, overdue: 0, done_late: 0,
  days_late: days, worst_stage: days ? 'tim' : null, as_of: '2025-03-31'
});

describe('calendar view params', () => {
  it('validates per and wil, limits wil to the province and to five', () => {
    const p = parseParams({ per: '2025-02-30', wil: '32.01,32.01,33.01,32.02,x,32.03,32.04,32.05,32.06' }, '32');
    expect(p.per).toBeNull();
    expect(p.wil).toEqual(['32.01', '32.02', '32.03', '32.04', '32.05']);
    expect(parseParams({ per: '2025-03-31', wil: '33.01' }, null)).toMatchObject({ per: '2025-03-31', wil: ['33.01'], sort: 'days', desc: true });
  });
  it('round-trips the sort with minimal params', () => {
    const p = parseParams({}, null);
    expect(paramsPatch(p)).toEqual({ per: null, wil: null, urut: null, arah: null });
    const byName = nextSort(p, 'name');
    expect(paramsPatch(byName)).toMatchObject({ urut: 'name', arah: null });
    expect(parseParams({ urut: 'name', arah: 'turun' }, null)).toMatchObject({ sort: 'name', desc: true });
    expect(nextSort(nextSort(p, 'days'), 'days').desc).toBe(true);
  });
});

describe('calendar view presentation', () => {
  const rows = [row('32.01', 'late', 10), row('32.02', 'on_track', 0), row('32.03', 'not_started', 30, 0), row('32.04', 'done', 5, 6)];
  it('counts every status', () => {
    const c = statusCounts(rows);
    expect(c.map((x) => x.n)).toEqual([0, 1, 1, 1, 1]);
    expect(c.reduce((s, x) => s + x.pct, 0)).toBeCloseTo(100);
    expect(statusCounts([]).every((x) => x.pct === 0)).toBe(true);
  });
  it('lists and sorts regions with lateness', () => {
    const late = lateList(rows);
    expect(late.map((r) => r.code)).toEqual(['32.01', '32.03', '32.04']);
    expect(late[0].name).toBe('Kabupaten Bogor');
    expect(sortLate(late, 'days', true, 'id').map((r) => r.days_late)).toEqual([30, 10, 5]);
    expect(sortLate(late, 'stage', false, 'id').map((r) => r.furthest)).toEqual([0, 1, 6]);
    expect(sortLate(late, 'status', false, 'id')[0].status).toBe('not_started');
  });
  it('flags skipped stages', () => {
    const tl = [{ stage_order: 1, actual: '2025-01-10' }, { stage_order: 2, actual: null }, { stage_order: 3, actual: '2025-03-01' }, { stage_order: 4, actual: null }];
    expect(isSkipped(tl, 2)).toBe(true);
    expect(isSkipped(tl, 4)).toBe(false);
    expect(isSkipped(tl, 1)).toBe(false);
  });
});
