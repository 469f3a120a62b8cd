import { describe, expect, it } from 'vitest';
import { STAGES } from '$lib/domain/index.ts';
import { readCalendarWindows } from '$lib/snapshot/reference.ts';
import { addYears, CalendarWindowsError, parseCalendarWindowsCsv, sourceYear, windowsFor } from './windows.ts';

const HEAD = 'year,semester,stage_code,start_date,end_date,source';
const semesterRows = (y: number, s: 1 | 2, shift = 0) =>
  STAGES.map((st, i) => `${y},${s},${st.code},${y}-0${s === 1 ? 1 : 7}-${String(1 + i * 3 + shift).padStart(2, '0')},${y}-0${s === 1 ? 5 : 9}-${String(1 + i * 4).padStart(2, '0')},test`);

describe('the calendar windows file (data/reference/calendar-windows.csv)', () => {
  const rows = readCalendarWindows();
  it('lists every demo semester with the six stages, windows starting in stage order', () => {
    for (const y of [2022, 2023, 2024, 2025])
      for (const s of [1, 2] as const) {
        const w = windowsFor(rows, { year: y, semester: s });
        expect(w.map((x) => x.stage), `${y}-${s}`).toEqual(STAGES.map((x) => x.code));
        for (let i = 1; i < w.length; i++) expect(w[i].start >= w[i - 1].start, `${y}-${s} ${w[i].stage}`).toBe(true);
        for (const x of w) expect(x.end >= x.start).toBe(true);
      }
  });
  it('puts semester-I dissemination in July–August and every row has a source', () => {
    for (const y of [2022, 2023, 2024, 2025]) {
      const d = windowsFor(rows, { year: y, semester: 1 }).find((x) => x.stage === 'diseminasi')!;
      expect(d.start >= `${y}-07-01` && d.end <= `${y}-08-31`, `${y}`).toBe(true);
    }
    expect(rows.every((r) => r.source.length > 10)).toBe(true);
  });
});

describe('parseCalendarWindowsCsv', () => {
  it('reads a valid file', () => {
    const r = parseCalendarWindowsCsv([HEAD, ...semesterRows(2030, 1)].join('\n'));
    expect(r).toHaveLength(6);
    expect(r[0]).toMatchObject({ year: 2030, semester: 1, stage_code: 'tim', stage_order: 1, start_date: '2030-01-01', end_date: '2030-05-01' });
  });
  it('names the row and column of a bad value', () => {
    const lines = [HEAD, ...semesterRows(2030, 1)];
    const bad = (i: number, from: string, to: string) => {
      const l = [...lines];
      l[i] = l[i].replace(from, to);
      return () => parseCalendarWindowsCsv(l.join('\n'));
    };
    expect(bad(3, 'kajian', 'kajin')).toThrow(/row 4, column stage_code: unknown stage/);
    expect(bad(2, '2030-01-04', '2030-13-04')).toThrow(CalendarWindowsError);
    expect(bad(2, '2030-01-04', '2030-13-04')).toThrow(/row 3, column start_date: not a date/);
    expect(bad(2, '2030-05-05', '2029-01-01')).toThrow(/row 3, column end_date: 2029-01-01 is before the start/);
    expect(() => parseCalendarWindowsCsv(lines.slice(0, -1).join('\n'))).toThrow(/2030-1 lacks the stage\(s\) evaluasi/);
    expect(() => parseCalendarWindowsCsv([...lines, lines[1]].join('\n'))).toThrow(/tim listed twice/);
    expect(() => parseCalendarWindowsCsv('year,semester\n2030,1')).toThrow(/column "stage_code" missing/);
  });
});

describe('windowsFor: a semester the file does not list', () => {
  const table = parseCalendarWindowsCsv([HEAD, ...semesterRows(2030, 1), ...semesterRows(2032, 1, 1)].join('\n'));
  it('uses its own year when listed', () => {
    expect(sourceYear(table, { year: 2032, semester: 1 })).toBe(2032);
    expect(windowsFor(table, { year: 2032, semester: 1 })[0].start).toBe('2032-01-02');
  });
  it('borrows the latest earlier year, else the earliest, shifted by whole years', () => {
    expect(sourceYear(table, { year: 2031, semester: 1 })).toBe(2030);
    expect(windowsFor(table, { year: 2031, semester: 1 })[0]).toEqual({ stage: 'tim', order: 1, start: '2031-01-01', end: '2031-05-01' });
    expect(sourceYear(table, { year: 2029, semester: 1 })).toBe(2030);
    expect(windowsFor(table, { year: 2035, semester: 1 })[0].start).toBe('2035-01-02');
    expect(windowsFor(table, { year: 2030, semester: 2 })).toEqual([]);
  });
  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
