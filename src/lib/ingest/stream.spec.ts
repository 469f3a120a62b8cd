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
    const drained: { cases: typeof whole.cases; caseCauses: typeof whole.caseCauses } = { cases: [], caseCauses: [] };
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
    // the same rows; only the record keys (random per import: public mode's cell keys) differ
    const noKey = <T extends { record_key: number }>(rows: T[]) => rows.map(({ record_key, ...rest }) => (expect(record_key).toBeLessThan(256), rest));
    expect(noKey([...drained.cases, ...r.cases])).toEqual(noKey(whole.cases));
    expect(noKey([...drained.caseCauses, ...r.caseCauses])).toEqual(noKey(whole.caseCauses));
    expect(r.issues).toEqual(whole.issues);
    expect(r.notes).toEqual(whole.notes);
    expect(r.sheets).toEqual(whole.sheets);
    expect(whole.cases.length).toBe(16);
  });
});

describe('IngestStream with the issue-20 value checks', () => {
  const TODAY = '2026-12-02';
  const header = 'ID kasus,Kabupaten/Kota,Tahun,Semester,Sasaran,Tanggal kajian,TB/U (z)';
  const lines = [
    header,
    'A,Kabupaten Cianjur,2023,1,Baduta,05/06/2023,-2.5', // ambiguous: read month-first (the column is)
    'B,Kabupaten Cianjur,2023,1,Baduta,06/25/2023,-2,45', // too wide: the decimal comma split -2,45
    'C,Kabupaten Cianjur,2023,1,Baduta,"03/04/2023,-2.1', // unclosed quote swallows D and E
    'D,Kabupaten Cianjur,2023,1,Baduta,04/05/2023,-2.2',
    'E,Kabupaten Cianjur,2023,1,Baduta,03/15/2031,-2.3' // month-first, in the future
  ];
  const rows = parseCsvText(lines.join('\n'));
  const feed = (s: IngestStream, batch: number) => {
    const sink = s.table('s.csv', undefined, 'windows-1252');
    const cases: unknown[] = [];
    for (let i = 0; i < rows.length; i += batch) {
      sink.push(rows.slice(i, i + batch));
      cases.push(...s.drain().cases);
    }
    sink.end();
    const r = s.finish();
    return { ...r, cases: [...cases, ...r.cases] as typeof r.cases };
  };

  it('checks each row’s CSV structure and decides the date order over the lookahead, fed in batches of 1', () => {
    const whole = ingestTables([{ file: 's.csv', rows, encoding: 'windows-1252' }], { today: TODAY });
    const streamed = feed(new IngestStream({ today: TODAY, lookahead: 3 }), 1);
    for (const r of [whole, streamed]) {
      expect(r.cases.map((c) => [c.review_date, c.haz])).toEqual([['2023-05-06', -2.5], ['2023-04-05', -2.2], [null, -2.3]]);
      expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
        [3, 'TB/U (z)', 'extra_fields'],
        [4, 'Tanggal kajian', 'unbalanced_quote'],
        [6, 'Tanggal kajian', 'future_date']
      ]);
      expect(r.notes.map((n) => n.code)).toEqual(['encoding', 'dates_month_first']);
      expect(r.sheets[0]).toMatchObject({ rowsRead: 5, rowsLoaded: 3 });
    }
  });

  it('reads rows after the lookahead in the order it decided', () => {
    const r = feed(new IngestStream({ today: TODAY, lookahead: 1 }), 1);
    // only A decided the order (ambiguous: day-first); E's 03/15/2031 is then no date at all
    expect(r.cases.map((c) => c.review_date)).toEqual(['2023-06-05', '2023-05-04', null]);
    expect(r.notes.map((n) => n.code)).toEqual(['encoding', 'dates_day_first']);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[3, 'extra_fields'], [4, 'unbalanced_quote'], [6, 'invalid_date']]);
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
