import { describe, expect, it } from 'vitest';
import { regionFromTitle } from './titleRegion.ts';

const code = (lines: string[]) => regionFromTitle(lines)?.code ?? null;

describe('the regency a title block names', () => {
  it('reads it wherever the title puts it', () => {
    expect(code(['KERTAS KERJA AUDIT KASUS STUNTING', 'KABUPATEN CIANJUR - SEMESTER I TAHUN 2023'])).toBe('32.03');
    expect(code(['TIM PERCEPATAN PENURUNAN STUNTING KOTA BANDUNG'])).toBe('32.73');
    expect(code(['Kabupaten Sumedang, Semester II Tahun 2024'])).toBe('32.11');
    expect(code(['Kab. Bandung Barat Smt 2 2024'])).toBe('32.17');
    expect(code(['Kabupaten/Kota : Garut'])).toBe('32.05');
    expect(code(['KOTA ADMINISTRASI JAKARTA TIMUR'])).toBe('31.75');
  });
  it('refuses a title that names none, two, or a name shared by a kabupaten and a kota', () => {
    expect(code(['AUDIT KASUS STUNTING SEMESTER I 2023'])).toBeNull();
    expect(code(['PROVINSI JAWA BARAT'])).toBeNull();
    expect(code(['Kabupaten Garut dan Kabupaten Cianjur'])).toBeNull();
    expect(code(['Kabupaten/Kota : Bogor'])).toBeNull();
    // the same regency twice is one
    expect(code(['KABUPATEN GARUT', 'Dinas PPKB Kabupaten Garut'])).toBe('32.05');
  });
});
