import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from './dates.ts';

describe('day-first dates (the as-of field)', () => {
  it('reads dd/mm/yyyy and its variants, day first, and ISO', () => {
    expect(parseDayMonthYear('31/03/2025')).toBe('2025-03-31');
    expect(parseDayMonthYear(' 1/3/2025 ')).toBe('2025-03-01');
    expect(parseDayMonthYear('05-06-2023')).toBe('2023-06-05');
    expect(parseDayMonthYear('05.06.2023')).toBe('2023-06-05');
    expect(parseDayMonthYear('2025-01-20')).toBe('2025-01-20');
  });
  it('refuses days that do not exist and other text', () => {
    for (const v of ['31/02/2025', '13/13/2025', '03/31/2025', '2025/03/31', '', 'besok', '01/01/1999', null, undefined])
      expect(parseDayMonthYear(v), String(v)).toBeNull();
  });
  it('formats ISO as dd/mm/yyyy', () => {
    expect(formatDayMonthYear('2025-03-31')).toBe('31/03/2025');
    expect(formatDayMonthYear(null)).toBe('');
    expect(parseDayMonthYear(formatDayMonthYear('2024-02-29'))).toBe('2024-02-29');
  });
});
