import { describe, expect, it } from 'vitest';
import { ingestTables } from './validate.ts';
import { issueReason } from './report.ts';
import type { Cell } from './types.ts';

const K = ['ID kasus', 'Kabupaten/Kota', 'Tahun', 'Semester', 'Sasaran', 'Usia ibu (tahun)', 'TB/U (z)', 'Penyebab utama', 'Penyebab lain'];
const brief = (rows: Cell[][], more: { file: string; sheet?: string; rows: Cell[][] }[] = []) =>
  ingestTables([{ file: 'k.csv', rows }, ...more]).issues.map((i) => [i.row, i.column, i.value, issueReason(i)]);

describe('validation rules', () => {
  it('rejects measurements that do not belong to the target group, and orphan other causes', () => {
    expect(brief([K, ['1', '3203', '2023', '1', 'bumil', '25', '-2,5', '', 'anemia']])).toEqual([
      [2, 'TB/U (z)', '-2,5', 'does not apply to target group bumil'],
      [2, 'Penyebab lain', 'anemia', 'other causes given without a primary cause']
    ]);
  });
  it('drops a row whose required value is blank, and says so', () => {
    const r = ingestTables([{ file: 'k.csv', rows: [K, ['1', '', '2023', '1', 'bumil'], ['2', '3203', '2023', '1', 'bumil']] }]);
    expect(r.cases.length).toBe(1);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'Kabupaten/Kota', 'missing_required']]);
  });
  it('refuses a sheet without a required column and a CSV of unknown format', () => {
    const r = ingestTables([
      { file: 'k.csv', rows: [['ID kasus', 'Sasaran', 'Tahun'], ['1', 'bumil', '2023']] },
      { file: 'x.csv', rows: [['foo', 'bar'], ['1', '2']] }
    ]);
    expect(r.issues.map((i) => [i.file, i.row, i.column, i.code])).toEqual([
      ['k.csv', 1, 'Kabupaten/Kota', 'missing_column'],
      ['k.csv', 1, 'Semester', 'missing_column'],
      ['x.csv', null, '', 'unknown_format']
    ]);
  });
  it('never guesses which regency a recommendation belongs to when its case id is used in two', () => {
    const rec = { file: 'r.csv', rows: [['ID kasus', 'Intervensi', 'Tanggal rekomendasi'], ['1', 'ttd', '01/03/2023']] as Cell[][] };
    const r = brief([K, ['1', '3203', '2023', '1', 'bumil'], ['1', 'Kota Kendari', '2023', '1', 'bumil']], [rec]);
    expect(r).toEqual([[2, 'ID kasus', '1', 'case id used in several kabupaten/kota (Kabupaten Cianjur (32.03), Kota Kendari (74.71)); fill in the Kabupaten/Kota column']]);
  });
  it('gives every reason in Indonesian too', () => {
    const r = ingestTables([{ file: 'k.csv', rows: [K, ['1', 'Bekasi', '2023', '1', 'bumil']] }]);
    expect(issueReason(r.issues[0], 'id')).toBe('ambigu, tulis kode atau "Kabupaten"/"Kota": Kabupaten Bekasi (32.16), Kota Bekasi (32.75)');
  });
});
