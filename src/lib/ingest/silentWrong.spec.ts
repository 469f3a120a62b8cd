// Issue 20: values that used to go in silently wrong. Each case asserts the correct value or a message
// by row and column; the CLI's own reading path (encoding, Parquet, data date) is tested through
// readWorksheetFile / ingestFilesToSnapshot, the same code `npm run data:ingest` runs.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseCsvText } from './csv.ts';
import { ingestTables } from './validate.ts';
import { reportCsv, summaryLines } from './report.ts';
import { noteMessage } from './notes.ts';
import { pseudonymCaseId } from './sha256.ts';
import { readWorksheetFile, ingestFilesToSnapshot } from '../snapshot/ingestSnapshot.ts';
import { browserSalt } from '../upload/importSalt.ts';

const TODAY = '2026-12-02';
const H = ['ID kasus', 'Kabupaten/Kota', 'Tahun', 'Semester', 'Sasaran', 'Tanggal kajian', 'Usia anak (bulan)', 'TB/U (z)', 'LiLA (cm)'];
const row = (id: string, o: { date?: string; age?: string; haz?: string; group?: string; year?: string; sem?: string } = {}) => [
  id, 'Kabupaten Cianjur', o.year ?? '2023', o.sem ?? '1', o.group ?? 'Baduta', o.date ?? '', o.age ?? '14', o.haz ?? '-2,5', ''
];
const ingest = (rows: string[][], header = H, file = 'k.csv') => ingestTables([{ file, rows: [header, ...rows] }], { today: TODAY });
const dir = mkdtempSync(join(tmpdir(), 'peta-silent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ambiguous day/month dates', () => {
  it('are read day-first when the column shows day-first dates (25/06/2023)', () => {
    const r = ingest([row('A', { date: '05/06/2023' }), row('B', { date: '25/06/2023' })]);
    expect(r.cases.map((c) => c.review_date)).toEqual(['2023-06-05', '2023-06-25']);
    expect(r.notes.filter((n) => n.code.startsWith('dates_'))).toEqual([]);
  });
  it('are read month-first when the column is month-first (06/25/2023), with a note', () => {
    const r = ingest([row('A', { date: '05/06/2023' }), row('B', { date: '06/25/2023' })]);
    expect(r.cases.map((c) => c.review_date)).toEqual(['2023-05-06', '2023-06-25']);
    expect(r.notes).toContainEqual({ file: 'k.csv', column: 'Tanggal kajian', code: 'dates_month_first', params: { example: '06/25/2023' } });
  });
  it('are read day-first and said so in a note when the whole column is ambiguous', () => {
    const r = ingest([row('A', { date: '05/06/2023' }), row('B', { date: '04/03/2023' })]);
    expect(r.cases.map((c) => c.review_date)).toEqual(['2023-06-05', '2023-03-04']);
    const note = r.notes.find((n) => n.code === 'dates_day_first')!;
    expect(note).toMatchObject({ column: 'Tanggal kajian', params: { count: '2', example: '05/06/2023' } });
    expect(noteMessage(note, 'id')).toMatch(/dibaca hari\/bulan\/tahun/);
  });
});

describe('a comma-separated CSV with unquoted decimal commas', () => {
  it('rejects the shifted row by row and column, and loads the others', () => {
    const text = ['ID kasus,Kabupaten/Kota,Tahun,Semester,Sasaran,TB/U (z),LiLA (cm)', 'A,Kabupaten Cianjur,2023,1,Baduta,-2,45,', 'B,Kabupaten Cianjur,2023,1,Baduta,"-2,10",'].join('\n');
    const r = ingestTables([{ file: 'c.csv', rows: parseCsvText(text) }], { today: TODAY });
    expect(r.issues).toEqual([{ file: 'c.csv', row: 2, column: 'TB/U (z)', value: '-2,45', code: 'extra_fields', params: { expected: '7', got: '8' } }]);
    expect(r.cases.map((c) => c.haz)).toEqual([-2.1]);
    expect(reportCsv(r.issues)).toMatch(/row has 8 fields but the header has 7: an unquoted decimal comma/);
  });
  it('a row too wide with no split decimal is reported past the last column', () => {
    const text = ['ID kasus,Kabupaten/Kota,Tahun,Semester,Sasaran', 'A,Kabupaten Cianjur,2023,1,Baduta,x'].join('\n');
    const r = ingestTables([{ file: 'w.csv', rows: parseCsvText(text) }], { today: TODAY });
    expect(r.issues).toEqual([{ file: 'w.csv', row: 2, column: '#6', value: '', code: 'extra_fields', params: { expected: '5', got: '6' } }]);
    expect(r.cases).toEqual([]);
  });
});

describe('the child age in years', () => {
  it('"Usia anak (tahun)" is converted to months, with a note', () => {
    const header = H.map((h) => (h === 'Usia anak (bulan)' ? 'Usia anak (tahun)' : h));
    const r = ingest([row('A', { age: '1' }), row('B', { age: '1,5' }), row('C', { age: '3', group: 'Balita' })], header);
    expect(r.cases.map((c) => c.child_age_months)).toEqual([12, 18, 36]);
    expect(r.notes).toContainEqual({ file: 'k.csv', column: 'Usia anak (tahun)', code: 'age_in_years' });
  });
  it('months stay months', () => {
    expect(ingest([row('A', { age: '14' })]).cases[0].child_age_months).toBe(14);
  });
});

describe('a future date', () => {
  it('is rejected by row and column; a deadline may be later', () => {
    const r = ingest([row('A', { date: '15/03/2031' }), row('B', { date: '15/03/2023' })]);
    expect(r.issues).toEqual([{ file: 'k.csv', row: 2, column: 'Tanggal kajian', value: '15/03/2031', code: 'future_date', params: { today: TODAY } }]);
    expect(r.cases.map((c) => c.review_date)).toEqual([null, '2023-03-15']);
  });
  it('never becomes the snapshot\'s data date (the CLI path)', async () => {
    const f = join(dir, 'future.csv');
    writeFileSync(f, [H.join(';'), row('A', { date: '15/03/2031' }).join(';'), row('B', { date: '15/03/2023' }).join(';')].join('\n'));
    const run = await ingestFilesToSnapshot([f], join(dir, 'future-snap'), { name: 'f' });
    expect(run.manifest!.dataDate).toBe('2023-03-15');
    expect(run.result.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'Tanggal kajian', 'future_date']]);
  });
});

describe('a TIMESTAMPTZ date in a Parquet file', () => {
  it('keeps its Indonesian calendar date (not a day early)', async () => {
    const f = join(dir, 'tz.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    await conn.run(
      `COPY (SELECT 'A' AS "ID kasus", 'Kabupaten Cianjur' AS "Kabupaten/Kota", 2023 AS "Tahun", 1 AS "Semester", 'Baduta' AS "Sasaran",
         '2023-05-15 00:00:00+07'::TIMESTAMPTZ AS "Tanggal kajian"
       UNION ALL SELECT 'B', 'Kabupaten Cianjur', 2023, 1, 'Baduta', '2023-05-16 00:00:00+00'::TIMESTAMPTZ) TO '${f}' (FORMAT parquet)`
    );
    conn.closeSync();
    inst.closeSync();
    const [t] = await readWorksheetFile(f);
    const r = ingestTables([t], { today: TODAY });
    expect(r.issues).toEqual([]);
    expect(r.cases.map((c) => c.review_date)).toEqual(['2023-05-15', '2023-05-16']);
  });
});

describe('a Windows-1252 file', () => {
  it('is decoded as Windows-1252 (an en-dash minus stays a number) and the encoding is noted', async () => {
    const f = join(dir, 'cp1252.csv');
    const text = [H.join(';'), row('A', { haz: '\u20132,45' }).join(';')].join('\r\n');
    const bytes = Buffer.from([...text].map((ch) => (ch === '\u2013' ? 0x96 : ch.charCodeAt(0))));
    writeFileSync(f, bytes);
    const tables = await readWorksheetFile(f);
    expect(tables[0].encoding).toBe('windows-1252');
    const r = ingestTables(tables, { today: TODAY });
    expect(r.issues).toEqual([]);
    expect(r.cases[0].haz).toBe(-2.45);
    expect(r.notes).toContainEqual({ file: 'cp1252.csv', column: '', code: 'encoding', params: { encoding: 'windows-1252' } });
    expect(summaryLines(r).join('\n')).toMatch(/file is not UTF-8: read as windows-1252/);
  });
});

describe('a duplicated header', () => {
  it('is reported with both positions, never dropped silently', () => {
    const header = [...H, 'TB/U (z)'];
    const r = ingest([[...row('A'), '-1,0']], header);
    const note = r.notes.find((n) => n.code === 'duplicate_column')!;
    expect(note).toEqual({ file: 'k.csv', column: 'TB/U (z)', code: 'duplicate_column', params: { position: '10', first: '8' } });
    expect(summaryLines(r).join('\n')).toMatch(/column "TB\/U \(z\)": duplicated header: this column \(column 10\) repeats column 8/);
  });
});

describe('an unbalanced quote', () => {
  it('is reported on the row where it opens; the rows before it and the rows it swallowed load', () => {
    const lines = [H.join(';'), row('A').join(';'), 'B;Kabupaten Cianjur;2023;1;"Baduta;;14;-2,5;', row('C').join(';'), row('D').join(';')];
    const r = ingestTables([{ file: 'q.csv', rows: parseCsvText(lines.join('\n')) }], { today: TODAY });
    expect(r.issues).toEqual([{ file: 'q.csv', row: 3, column: 'Sasaran', value: '', code: 'unbalanced_quote', params: { from: '3', to: '5', count: '2' } }]);
    // the swallowed rows C and D are read again on their own lines
    expect(r.cases).toHaveLength(3);
    expect(r.sheets[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3 });
    expect(reportCsv(r.issues)).toMatch(/this row is not loaded; the 2 lines it swallowed were read again on their own/);
  });
  it('an ordinary multi-line cell (other causes on two lines) is not mistaken for one', () => {
    const header = [...H, 'Penyebab utama', 'Penyebab lain'];
    const r = ingestTables([{ file: 'm.csv', rows: parseCsvText([header.join(';'), [...row('A'), 'BBLR / prematur', '"sanitasi;\nasap_rokok"'].join(';')].join('\n')) }], { today: TODAY });
    expect(r.issues).toEqual([]);
    expect(r.caseCauses).toHaveLength(3);
  });
});

describe('identity-like values', () => {
  it('a 16-digit (NIK-like) case id is refused, and masked in the report', () => {
    const r = ingest([row('3201234567890123'), row('32.0123.4567.890124'), row('CJR-001')]);
    expect(r.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [2, 'ID kasus', 'nik_like_id', '****************'],
      [3, 'ID kasus', 'nik_like_id', '****************']
    ]);
    expect(r.cases).toHaveLength(1);
    const csv = reportCsv(r.issues);
    expect(csv).not.toMatch(/\d{10}/);
    expect(csv).toMatch(/looks like|like a NIK/);
  });
  it('no long digit run reaches the report, whatever the column', () => {
    const r = ingest([row('A', { haz: '081234567890' })]);
    expect(r.issues.map((i) => [i.column, i.value])).toEqual([['TB/U (z)', '************']]);
    expect(reportCsv([{ file: 'x', row: 1, column: 'c', value: 'NIK 3201234567890123', code: 'unknown_case' }])).not.toMatch(/\d{16}/);
  });
});

describe('the browser import salts ids like the CLI', () => {
  it('keeps one random 128-bit salt per browser, and salted ids differ from unsalted ones', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const salt = browserSalt(storage);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(browserSalt(storage)).toBe(salt);
    expect(browserSalt(null)).not.toBe(salt);
    const tables = [{ file: 'k.csv', rows: [H, row('CJR-001')] }];
    const salted = ingestTables(tables, { salt, today: TODAY }).cases[0].case_id;
    expect(salted).toBe(pseudonymCaseId('32.03', 'CJR-001', salt));
    expect(salted).not.toBe(ingestTables(tables, { today: TODAY }).cases[0].case_id);
  });
});
