import { describe, expect, it } from 'vitest';
import { groupFromSheet } from './titleGroup.ts';

describe('the target group a sheet is of', () => {
  it('reads it from the sheet name, else the title', () => {
    expect(groupFromSheet('BADUTA', [])).toBe('baduta');
    expect(groupFromSheet('Ibu Hamil', [])).toBe('bumil');
    expect(groupFromSheet('Data Catin', ['DATA KASUS'])).toBe('catin');
    expect(groupFromSheet('Sheet1', ['REKAP AUDIT KASUS IBU NIFAS KABUPATEN GARUT'])).toBe('nifas');
  });
  it('takes none from a name or title that names several groups or none', () => {
    expect(groupFromSheet('Sheet1', ['AUDIT KASUS BADUTA DAN BALITA'])).toBeNull();
    expect(groupFromSheet('kasus', ['KERTAS KERJA AUDIT KASUS STUNTING'])).toBeNull();
    expect(groupFromSheet('Sheet1', ['AUDIT KASUS STUNTING PADA CATIN, BUMIL, NIFAS, BADUTA DAN BALITA'])).toBeNull();
    expect(groupFromSheet('rekomendasi', [])).toBeNull();
  });
});
