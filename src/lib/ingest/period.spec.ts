import { describe, expect, it } from 'vitest';
import { parsePeriodOption, parsePeriodText, periodFromTitle, periodOfDate } from './period.ts';
import { findHeaderRow, rowShape } from './headerRow.ts';

const p = (year: number, semester: 1 | 2) => ({ ok: true, period: { year, semester } });

describe('period without a column', () => {
  it('reads the period from title lines as districts write them', () => {
    expect(parsePeriodText('KABUPATEN CIANJUR - SEMESTER I TAHUN 2023')).toEqual(p(2023, 1));
    expect(parsePeriodText('Smt 2 2024')).toEqual(p(2024, 2));
    expect(parsePeriodText('TAHUN 2023 SEMESTER II')).toEqual(p(2023, 2));
    expect(parsePeriodText('Semester Genap 2023')).toEqual(p(2023, 2));
    expect(parsePeriodText('Sem. II/2023')).toEqual(p(2023, 2));
    expect(parsePeriodText('Periode Januari - Juni 2023')).toEqual(p(2023, 1));
    expect(parsePeriodText('Semester I 2023, dicetak 2024')).toEqual(p(2023, 1));
    expect(parsePeriodText('KERTAS KERJA AUDIT KASUS STUNTING')).toEqual({ ok: false, conflict: false });
    expect(parsePeriodText('Laporan Semester 1 dan 2 tahun 2023')).toEqual({ ok: false, conflict: true });
    expect(periodFromTitle(['Tahun: 2023', 'Semester: II'])).toEqual(p(2023, 2));
    expect(periodFromTitle(['Semester I 2023', 'Semester II 2023'])).toEqual({ ok: false, conflict: true });
  });
  it('reads a date as its semester and the CLI option', () => {
    expect(periodOfDate('30/06/2023')).toEqual({ year: 2023, semester: 1 });
    expect(periodOfDate('01/07/2023')).toEqual({ year: 2023, semester: 2 });
    expect(parsePeriodOption('2023-1')).toEqual({ year: 2023, semester: 1 });
    expect(parsePeriodOption('2024-II')).toEqual({ year: 2024, semester: 2 });
    expect(parsePeriodOption('2023')).toBeNull();
  });
});

describe('header row', () => {
  it('finds the header under a title block and tells data rows from totals and numbering rows', () => {
    const rows = [['KERTAS KERJA AUDIT KASUS STUNTING'], ['Kabupaten: Cianjur', 'Semester I 2023'], [], ['No', 'ID kasus', 'Kab/Kota', 'Sasaran'], ['(1)', '(2)', '(3)', '(4)'], ['1', 'A', 'Cianjur', 'balita']];
    expect(findHeaderRow(rows)).toEqual({ index: 3, kind: 'kasus', title: ['KERTAS KERJA AUDIT KASUS STUNTING', 'Kabupaten: Cianjur Semester I 2023'] });
    expect(rowShape(rows[4], true)).toBe('numbering');
    expect(rowShape(['', 'JUMLAH', '5'], false)).toBe('totals');
    expect(rowShape(['Total keseluruhan'], false)).toBe('totals');
    expect(rowShape(['', ''], false)).toBe('blank');
    expect(rowShape(rows[5], false)).toBe('data');
  });
});
