import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from './csv.ts';
import { IngestStream } from './stream.ts';
import { ingestTables } from './validate.ts';
import { mappingProblems, mappedField } from './mapping.ts';

const FX = (f: string) => fileURLToPath(new URL(`../../../tests/e2e/fixtures/${f}`, import.meta.url));

describe('IngestStream', () => {
  it('gives the same rows and report fed in small batches (with drains) as fed whole', () => {
    const files = ['worksheet-cianjur-title.csv', 'worksheet-kendari-dates.csv', 'import-messy-kasus.csv'];
    const tables = files.map((f) => ({ file: f, rows: parseCsvText(readFileSync(FX(f), 'utf8')) }));
    const opts = { mapping: { columns: { 'No. Register': 'ID kasus' } } };
    const whole = ingestTables(tables, opts);
    const s = new IngestStream(opts);
    const drained = { cases: [] as unknown[], caseCauses: [] as unknown[] };
    for (const t of tables) {
      const sink = s.table(t.file);
      for (let i = 0; i < t.rows.length; i += 2) {
        sink.push(t.rows.slice(i, i + 2));
        const d = s.drain();
        drained.cases.push(...d.cases);
        drained.caseCauses.push(...d.caseCauses);
      }
      sink.end();
    }
    const r = s.finish();
    expect([...drained.cases, ...r.cases]).toEqual(whole.cases);
    expect([...drained.caseCauses, ...r.caseCauses]).toEqual(whole.caseCauses);
    expect(r.issues).toEqual(whole.issues);
    expect(r.notes).toEqual(whole.notes);
    expect(r.sheets).toEqual(whole.sheets);
    expect(whole.cases.length).toBe(16);
  });
});

describe('column mapping JSON', () => {
  it('accepts template headers, spellings or keys, per kind or for every sheet, and says what is wrong', () => {
    const m = { columns: { 'No. Register': 'ID kasus', Catatan: null }, kasus: { Kelompok: 'target_group' } };
    expect(mappingProblems(m)).toEqual([]);
    expect(mappedField(m, 'kasus', 'no register')).toBe('case_ref');
    expect(mappedField(m, 'rekomendasi', 'NO. REGISTER')).toBe('case_ref');
    expect(mappedField(m, 'kasus', 'Catatan')).toBeNull();
    expect(mappedField(m, 'kasus', 'Kelompok')).toBe('target_group');
    expect(mappedField(m, 'rekomendasi', 'Kelompok')).toBeUndefined();
    expect(mappingProblems({ kasus: { A: 'Warna favorit' }, sheet1: {} })).toEqual([
      '"kasus"."A": "Warna favorit" is not a template column',
      'unknown key "sheet1" (use "columns", "kasus", "rekomendasi" or "kalender")'
    ]);
    expect(mappingProblems([])).toEqual(['the mapping must be a JSON object']);
  });
});
