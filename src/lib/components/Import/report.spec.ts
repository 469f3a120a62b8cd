import { describe, expect, it } from 'vitest';
import type { Issue } from '$lib/ingest/types.ts';
import { reasonText, rejectsCsv } from './report.ts';

const parquet: Issue = { file: 'x.parquet', row: null, column: '', value: '', code: 'unreadable_file', params: { detail: 'invalid parquet footer', reason: 'parquet-corrupt' } };
const formula: Issue = { file: 'k.csv', row: 10, column: 'HAZ', value: '=1+1', code: 'invalid_number' };

describe('import report', () => {
  it('puts read errors in plain words in the page language', () => {
    expect(reasonText(parquet, 'id')).toBe('berkas tidak dapat dibaca: berkas Parquet rusak atau terpotong');
    expect(reasonText(parquet, 'en')).toBe('file cannot be read: the Parquet file is damaged or truncated');
  });
  it('writes a BOM, the header and formula-safe cells', () => {
    const csv = rejectsCsv([formula, parquet], 'id');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFfile,sheet,row,column,value,reason');
    expect(lines[1]).toBe("k.csv,,10,HAZ,'=1+1,bukan angka");
    expect(lines[2]).toBe('x.parquet,,,,,berkas tidak dapat dibaca: berkas Parquet rusak atau terpotong');
  });
});
