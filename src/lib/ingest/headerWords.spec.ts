import { describe, expect, it } from 'vitest';
import { fieldFor, detectKind } from './headers.ts';
import { findHeaderRow } from './headerRow.ts';

describe('headers in everyday words', () => {
  it('names the template field of headers districts write', () => {
    const kasus: [string, string][] = [
      ['KATEGORI SASARAN', 'target_group'], ['Jenis Sasaran', 'target_group'], ['Sasaran Audit', 'target_group'],
      ['No. Kasus', 'case_ref'], ['Kode Sasaran', 'case_ref'], ['Nama Kabupaten/Kota', 'region'],
      ['TANGGAL AUDIT', 'review_date'], ['Tgl. Pelaksanaan Kajian', 'review_date'], ['Tanggal Penetapan Kasus', 'selection_date'],
      ['Umur (bln)', 'child_age_months'], ['UMUR BALITA', 'child_age_months'], ['Status Gizi TB/U', 'haz'], ['Z-Score BB/PB', 'whz'],
      ['FAKTOR PENYEBAB UTAMA', 'primary_cause'], ['Akar Masalah', 'primary_cause'], ['Penyebab Stunting', 'primary_cause'],
      ['Faktor Penyebab Pendukung', 'other_causes'], ['Penyebab lain-lain', 'other_causes']
    ];
    for (const [h, k] of kasus) expect(fieldFor('kasus', h), h).toBe(k);
    const rtl: [string, string][] = [
      ['Rekomendasi Tim Pakar', 'intervention'], ['Jenis Intervensi yang Direkomendasikan', 'intervention'], ['OPD Penanggung Jawab', 'agency'],
      ['Tanggal Pelaksanaan', 'delivered_date'], ['Tgl Monitoring', 'followed_up_date'], ['Target Penyelesaian', 'due_date'], ['Status RTL', 'status']
    ];
    for (const [h, k] of rtl) expect(fieldFor('rekomendasi', h), h).toBe(k);
  });
  it('never reads a person, a count, a sentence or a place below the regency as a field', () => {
    for (const h of ['Nama Sasaran', 'Inisial', 'Jumlah Sasaran', 'Kecamatan', 'Nama Puskesmas', 'Usia Kehamilan (bulan)', 'Status Gizi BB/U', 'Faktor Risiko',
      'Isi satu baris per sasaran dan penyebab utamanya']) {
      expect(fieldFor('kasus', h), h).toBeNull();
    }
  });
  it('finds the header under single-cell title lines, not in an instruction line', () => {
    const rows = [['Petunjuk: isi satu baris per rekomendasi'], ['KABUPATEN GARUT'], ['No', 'Kode Kasus', 'Kategori Sasaran', 'Penyebab Utama'], ['1', 'A', 'Baduta', 'BBLR']];
    expect(findHeaderRow(rows)).toEqual({ index: 2, kind: 'kasus', title: ['Petunjuk: isi satu baris per rekomendasi', 'KABUPATEN GARUT'] });
    expect(detectKind(['Isi satu baris per rekomendasi'])).toBeNull();
  });
  it('reads a header on two rows: merged group cells over their parts', () => {
    const rows = [
      ['AUDIT KASUS STUNTING KABUPATEN GARUT'],
      ['No', 'Kode Kasus', 'Sasaran', 'Status Gizi', '', 'Penyebab', '', 'Tanggal'],
      ['', '', '', 'TB/U', 'BB/TB', 'Utama', 'Lainnya', 'Kajian'],
      ['1', 'A', 'Baduta', '-2,5', '-0,4', 'BBLR', 'Diare', '02/03/2025']
    ];
    expect(findHeaderRow(rows)).toEqual({
      index: 2, kind: 'kasus', title: ['AUDIT KASUS STUNTING KABUPATEN GARUT'],
      cells: ['No', 'Kode Kasus', 'Sasaran', 'Status Gizi TB/U', 'Status Gizi BB/TB', 'Penyebab Utama', 'Penyebab Lainnya', 'Tanggal Kajian']
    });
    // a data row under the header is never read as its second row
    expect(findHeaderRow([rows[1].slice(0, 3), ['1', 'A', 'Baduta']])).toEqual({ index: 0, kind: 'kasus', title: [] });
  });
});
