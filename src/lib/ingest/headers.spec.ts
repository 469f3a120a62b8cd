import { describe, expect, it } from 'vitest';
import { detectKind, fieldFor, isPrivacyHeader, mapHeaders } from './headers.ts';

describe('headers', () => {
  it('accepts Indonesian and English spellings, ignoring case, spacing and punctuation', () => {
    expect(fieldFor('kasus', 'Kab/Kota')).toBe('region');
    expect(fieldFor('kasus', 'kabupaten_kota')).toBe('region');
    expect(fieldFor('kasus', 'Regency')).toBe('region');
    expect(fieldFor('kasus', 'TB/U (z)')).toBe('haz');
    expect(fieldFor('kasus', 'HAZ')).toBe('haz');
    expect(fieldFor('kasus', 'usia anak bulan')).toBe('child_age_months');
    expect(fieldFor('kasus', 'Usia Ibu (thn)')).toBeNull();
    expect(fieldFor('kasus', 'BERAT LAHIR (GRAM)')).toBe('birth_weight_g');
    expect(fieldFor('rekomendasi', 'Nama OPD')).toBe('agency');
  });
  it('recognises identity columns but not look-alike measurement columns', () => {
    for (const h of ['Nama', 'Nama Anak', 'Name', 'NIK', 'NIK Ibu', 'Alamat', 'Address', 'Tanggal lahir', 'Tgl. Lahir', 'Birth date', 'No. HP', 'No KK']) {
      expect(isPrivacyHeader(h), h).toBe(true);
    }
    for (const h of ['Berat lahir', 'Birth weight', 'Kecamatan', 'Keterangan']) expect(isPrivacyHeader(h), h).toBe(false);
  });
  it('detects the sheet kind from the headers', () => {
    expect(detectKind(['ID kasus', 'Kabupaten/Kota', 'Sasaran'])).toBe('kasus');
    expect(detectKind(['Case ID', 'Intervention', 'Status'])).toBe('rekomendasi');
    expect(detectKind(['Kab/Kota', 'Tahun', 'Semester', 'Tahap'])).toBe('kalender');
    expect(detectKind(['Petunjuk pengisian'])).toBeNull();
    expect(detectKind(['Kab/Kota', 'Tahun'])).toBeNull();
  });
  it('maps reordered columns and reports extra, duplicate and privacy columns once', () => {
    const m = mapHeaders('kasus', ['Sasaran', 'Nama', 'Regency', 'Kab/Kota', 'Catatan', 'ID kasus', null], 'f.csv');
    expect(Object.fromEntries(m.columns)).toEqual({ target_group: 0, region: 2, case_ref: 5 });
    expect(m.notes).toEqual([
      { file: 'f.csv', column: 'Nama', code: 'privacy_dropped' },
      { file: 'f.csv', column: 'Kab/Kota', code: 'duplicate_column', params: { position: '4', first: '3' } },
      { file: 'f.csv', column: 'Catatan', code: 'extra_column' }
    ]);
    expect(m.missingRequired.map((f) => f.header)).toEqual(['Tahun', 'Semester']);
  });
});
