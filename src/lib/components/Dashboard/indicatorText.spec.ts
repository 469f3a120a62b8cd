import { describe, expect, it } from 'vitest';
import { causeModeNote, causeModeOf, causeShareLabel, rowsSemester } from './indicatorText.ts';

describe('indicator text', () => {
  it('the cause mode follows the Causes view only', () => {
    expect(causeModeOf('penyebab', { mode: 'semua' })).toBe('any');
    expect(causeModeOf('penyebab', {})).toBe('primary');
    expect(causeModeOf('kalender', { mode: 'semua' })).toBe('primary');
  });
  it('labels and notes say how cases are counted', () => {
    expect(causeShareLabel('Sanitasi', 'primary', 'id')).toMatch(/penyebab utama Sanitasi/);
    expect(causeShareLabel('Sanitasi', 'any', 'id')).toMatch(/semua penyebab/);
    expect(causeShareLabel('Sanitation', 'any', 'en')).toMatch(/any cause/);
    expect(causeModeNote('primary', 'id')).toMatch(/^Penyebab utama saja/);
    expect(causeModeNote('any', 'en')).toMatch(/^Any cause/);
  });
  it('the semester of calendar rows', () => {
    expect(rowsSemester([{ code: '32', value: 1, n: 1, year: 2025, semester: 1 }], 'id')).toBe('2025 Semester I');
    expect(rowsSemester([{ code: '32', value: 1, n: 1 }], 'id')).toBeNull();
    expect(rowsSemester(null, 'en')).toBeNull();
  });
});
