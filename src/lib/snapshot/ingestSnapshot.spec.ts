/**
 * End to end: messy worksheets (a committed CSV + an XLSX written here) -> validation -> DuckDB ->
 * Parquet snapshot; asserts the exact rejects report and reads loaded values back from the Parquet.
 * Also: the documented example worksheet ingests into exactly the schema of src/lib/domain/schema.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import writeXlsxFile from 'write-excel-file/node';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLES } from '../domain/schema.ts';
import { pseudonymCaseId } from '../ingest/sha256.ts';
import { issueReason } from '../ingest/report.ts';
import { ingestFilesToSnapshot, type IngestRun } from './ingestSnapshot.ts';

const FIXTURES = fileURLToPath(new URL('../ingest/fixtures/', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../../data/templates/', import.meta.url));
const d = (y: number, m: number, day: number) => ({ value: new Date(Date.UTC(y, m - 1, day)), format: 'dd/mm/yyyy' });

let dir: string;
let conn: DuckDBConnection;
let instance: DuckDBInstance;
let messy: IngestRun;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}
const pq = (snap: string, t: string) => `read_parquet('${join(dir, snap, t + '.parquet')}')`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-ingest-'));
  await writeXlsxFile([
    { sheet: 'Petunjuk', data: [['Isi satu baris per rekomendasi']] },
    {
      sheet: 'rekomendasi',
      data: [
        ['Case ID', 'Intervention', 'Agency', 'Status', 'Recommendation date', 'Due date', 'Date delivered'],
        ['A1', 'pmt_balita', 'dinkes', 'delivered', d(2023, 5, 23), d(2023, 6, 22), d(2023, 6, 1)],
        ['A2', 'Pemberian sesuatu', 'dinkes', 'planned', d(2023, 5, 23), null, null],
        ['ZZ9', 'ttd', 'dinkes', 'planned', d(2023, 5, 23), null, null],
        ['A2', 'jamban_sehat', 'Dinas Antah', 'planned', 45069, null, null],
        ['A4', 'imunisasi_kejar', 'dinkes', 'delivered', '2023-05-23', null, null],
        ['A5', 'pmt_ibu', 'dinkes', 'planned', '23/05/2023', null, d(2023, 6, 1)]
      ] as never
    },
    {
      sheet: 'kalender',
      data: [
        ['Kab/Kota', 'Tahun', 'Semester', 'Tahap', 'Tanggal rencana', 'Tanggal realisasi'],
        [3203, 2023, 1, 'tim', '31/01/2023', '25/01/2023'],
        [3203, 2023, 1, 'Pembentukan tim AKS', '31/01/2023', null],
        ['Malang', 2023, 1, 'kajian', null, null],
        ['32.03', 2023, 1, 3, null, null],
        ['32.03', 2023, 'I', 'kajian', '30/04/2023', '30/02/2023']
      ] as never
    }
  ]).toFile(join(dir, 'messy.xlsx'));
  writeFileSync(join(dir, 'garbage.xlsx'), 'this is not a workbook');
  writeFileSync(join(dir, 'empty.csv'), '');
  messy = await ingestFilesToSnapshot(
    [join(FIXTURES, 'messy-kasus.csv'), join(dir, 'messy.xlsx'), join(dir, 'garbage.xlsx'), join(dir, 'empty.csv')],
    join(dir, 'messy'),
    { name: 'messy', created: '2026-01-01T00:00:00Z' }
  );
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ingest of a messy worksheet', () => {
  it('reports exactly the rejected values, with spreadsheet row numbers and the headers as written', () => {
    const got = messy.result.issues.map((i) => ({ file: i.file, sheet: i.sheet, row: i.row, column: i.column, value: i.value, reason: issueReason(i) }));
    const K = { file: 'messy-kasus.csv', sheet: undefined };
    const R = { file: 'messy.xlsx', sheet: 'rekomendasi' };
    const C = { file: 'messy.xlsx', sheet: 'kalender' };
    expect(got).toEqual([
      { file: 'garbage.xlsx', sheet: undefined, row: null, column: '', value: '', reason: "file cannot be read: not a readable .xlsx workbook (Doesn't look like an `.xlsx` file)" },
      { file: 'empty.csv', sheet: undefined, row: null, column: '', value: '', reason: 'file is empty (no data rows)' },
      { ...K, row: 3, column: 'HAZ', value: '-7', reason: 'outside the plausible range -6 to 6' },
      { ...K, row: 4, column: 'Regency', value: 'Bogor', reason: 'ambiguous: Kabupaten Bogor (32.01), Kota Bogor (32.71)' },
      { ...K, row: 5, column: 'tanggal kajian', value: '31/02/2023', reason: 'impossible or unreadable date (use DD/MM/YYYY)' },
      { ...K, row: 5, column: 'Usia anak (bulan)', value: '12', reason: 'child age outside the balita range (24–59 months)' },
      { ...K, row: 6, column: 'Case ID', value: 'A1', reason: 'duplicate case id (already on row 2)' },
      { ...K, row: 7, column: 'tanggal kajian', value: '23 Mei 2023', reason: 'before the start of the audit semester' },
      { ...K, row: 7, column: 'Other causes', value: 'imunisasi_tidak_lengkap', reason: 'cause does not apply to target group bumil' },
      { ...K, row: 8, column: 'Primary cause', value: 'mpasi_tidak_tepat', reason: 'cause does not apply to target group catin' },
      { ...K, row: 9, column: 'Regency', value: 'Atlantis', reason: 'unknown kabupaten/kota' },
      { ...K, row: 10, column: 'HAZ', value: '=1+1', reason: 'not a number' },
      { ...K, row: 11, column: 'Semester', value: '3', reason: 'semester must be 1 or 2' },
      { ...R, row: 3, column: 'Intervention', value: 'Pemberian sesuatu', reason: 'unknown intervention; did you mean: Iron-folic acid tablets & monitoring [ttd], Malnutrition treatment & referral [tata_laksana_gizi], Treatment of infection [pengobatan_infeksi]' },
      { ...R, row: 4, column: 'Case ID', value: 'ZZ9', reason: 'case id not found in the kasus sheet' },
      { ...R, row: 5, column: 'Agency', value: 'Dinas Antah', reason: 'unknown agency (OPD); did you mean: Health Office / Puskesmas [dinkes], Housing & Settlements (sanitation, housing) [perkim], Family Planning Office (incl. TPK) [dppkb]' },
      { ...R, row: 6, column: 'Status', value: 'delivered', reason: 'status is "delivered" but Date delivered is empty' },
      { ...R, row: 7, column: 'Date delivered', value: '2023-06-01', reason: 'date given but status is "planned"' },
      { ...C, row: 3, column: 'Tahap', value: 'Pembentukan tim AKS', reason: 'duplicate stage for this kabupaten/kota and semester (row 2)' },
      { ...C, row: 4, column: 'Kab/Kota', value: 'Malang', reason: 'ambiguous: Kabupaten Malang (35.07), Kota Malang (35.73)' },
      { ...C, row: 5, column: 'Tahap', value: '3', reason: 'unknown stage' },
      { ...C, row: 6, column: 'Tanggal realisasi', value: '30/02/2023', reason: 'impossible or unreadable date (use DD/MM/YYYY)' }
    ]);
  });

  it('notes privacy-dropped and extra columns and ignored sheets, without calling them errors', () => {
    expect(messy.result.notes).toEqual([
      { file: 'messy-kasus.csv', column: 'Nama Anak', code: 'privacy_dropped' },
      { file: 'messy-kasus.csv', column: 'Keterangan', code: 'extra_column' },
      { file: 'messy-kasus.csv', column: 'NIK', code: 'privacy_dropped' },
      { file: 'messy.xlsx', sheet: 'Petunjuk', column: '', code: 'sheet_ignored' }
    ]);
  });

  it('loads the good rows into the Parquet snapshot', async () => {
    expect(messy.manifest).not.toBeNull();
    const t = messy.manifest!.tables;
    expect([t.cases.rows, t.case_causes.rows, t.recommendations.rows, t.calendar.rows]).toEqual([6, 5, 3, 2]);
    const a1 = pseudonymCaseId('32.03', 'A1');
    const [c] = await rows(`SELECT * FROM ${pq('messy', 'cases')} WHERE case_id = '${a1}'`);
    expect(c).toMatchObject({ regency_code: '32.03', province_code: '32', year: 2023, semester: 1, target_group: 'baduta', source: 'lainnya', child_age_months: 14, haz: -2.31, birth_weight_g: 2450, stunted: true, severely_stunted: false, lbw: true, primary_cause: 'bblr_prematur', primary_class: 'spesifik', kek: null });
    // Bad optional values are nulled, the rest of the row kept.
    const a2 = await rows(`SELECT haz, stunted, birth_weight_g FROM ${pq('messy', 'cases')} WHERE case_id = '${pseudonymCaseId('32.03', 'A2')}'`);
    expect(a2).toEqual([{ haz: null, stunted: null, birth_weight_g: 3000 }]);
    const a5 = await rows(`SELECT review_date, lila_cm, kek, anaemia FROM ${pq('messy', 'cases')} WHERE case_id = '${pseudonymCaseId('32.03', 'A5')}'`);
    expect(a5).toEqual([{ review_date: null, lila_cm: 21.5, kek: true, anaemia: true }]);
    const causes = await rows(`SELECT cause_code, is_primary FROM ${pq('messy', 'case_causes')} WHERE case_id = '${pseudonymCaseId('32.03', 'A5')}' ORDER BY cause_code`);
    expect(causes).toEqual([{ cause_code: 'anemia', is_primary: false }, { cause_code: 'kek', is_primary: true }]);
    const rec = await rows(`SELECT agency_code, status, CAST(recommended_date AS VARCHAR) r, CAST(due_date AS VARCHAR) due FROM ${pq('messy', 'recommendations')} WHERE intervention_code = 'jamban_sehat'`);
    expect(rec).toEqual([{ agency_code: 'perkim', status: 'planned', r: '2023-05-23', due: '2023-08-21' }]);
    const cal = await rows(`SELECT stage_code, CAST(actual_date AS VARCHAR) a FROM ${pq('messy', 'calendar')} ORDER BY stage_order`);
    expect(cal).toEqual([{ stage_code: 'tim', a: '2023-01-25' }, { stage_code: 'kajian', a: null }]);
  });

  it('keeps no identity data and no worksheet ids in the snapshot', async () => {
    const all = await rows(`SELECT * FROM ${pq('messy', 'cases')}`);
    expect(Object.keys(all[0]).sort()).toEqual(TABLES.find((t) => t.name === 'cases')!.columns.map((c) => c.name).sort());
    const text = JSON.stringify(all);
    for (const s of ['Siti', '3203010101010001', '"A1"', 'Keterangan']) expect(text.includes(s), s).toBe(false);
    expect(all.every((r) => /^W[0-9a-f]{12}$/.test(String(r.case_id)))).toBe(true);
  });
});

describe('a Parquet worksheet (npm run data:ingest, the browser import\'s hyparquet reader)', () => {
  it('ingests the example sheets written as zstd Parquet into the same snapshot as the CSVs', async () => {
    const pqDb = await DuckDBInstance.create(':memory:');
    const pqConn = await pqDb.connect();
    const files = ['kasus', 'rekomendasi', 'kalender'].map((k) => {
      const out = join(dir, `aks-worksheet-example-${k}.parquet`);
      return { csv: join(TEMPLATES, `aks-worksheet-example-${k}.csv`), out };
    });
    for (const f of files) {
      await pqConn.run(`COPY (SELECT * FROM read_csv('${f.csv}', delim=';', header=true, all_varchar=true)) TO '${f.out}' (FORMAT parquet, COMPRESSION zstd)`);
    }
    // A truncated copy is reported as unreadable; the good files still load.
    writeFileSync(join(dir, 'truncated.parquet'), readFileSync(files[0].out).subarray(0, 18));
    pqConn.closeSync();
    pqDb.closeSync();
    const meta = { created: '2026-01-01T00:00:00Z' };
    const p = await ingestFilesToSnapshot([...files.map((f) => f.out), join(dir, 'truncated.parquet')], join(dir, 'ex-p'), { name: 'c', ...meta });
    const c = await ingestFilesToSnapshot(files.map((f) => f.csv), join(dir, 'ex-pc'), { name: 'c', ...meta });
    expect(p.result.issues.map((i) => [i.file, i.code, issueReason(i)])).toEqual([
      ['truncated.parquet', 'unreadable_file', expect.stringMatching(/^file cannot be read: the Parquet file is damaged or truncated/)]
    ]);
    expect(p.result.sheets.map((s) => [s.file, s.kind, s.rowsRead, s.rowsLoaded])).toEqual([
      ['aks-worksheet-example-kasus.parquet', 'kasus', 5, 5],
      ['aks-worksheet-example-rekomendasi.parquet', 'rekomendasi', 8, 8],
      ['aks-worksheet-example-kalender.parquet', 'kalender', 6, 6]
    ]);
    await sameExceptKeys('ex-p', 'ex-pc');
    const n = await rows(`SELECT regency_code, count(*)::INTEGER AS n FROM ${pq('ex-p', 'cases')} GROUP BY 1 ORDER BY 1`);
    expect(n).toEqual([{ regency_code: '32.03', n: 4 }, { regency_code: '74.71', n: 1 }]);
  });
});

/**
 * Two imports of the same worksheets hold the same rows; only the record keys differ (drawn at random
 * for each import: public mode's cell keys, src/lib/privacy/ptable.ts), so the snapshot versions differ.
 * A cause row repeats its case's key; every key is in 0–255.
 */
async function sameExceptKeys(a: string, b: string): Promise<void> {
  for (const t of TABLES) {
    const keyed = t.columns.some((c) => c.name === 'record_key');
    const q = (d: string) => `SELECT * ${keyed ? 'EXCLUDE (record_key)' : ''} FROM ${pq(d, t.name)} ORDER BY ALL`;
    expect(await rows(q(a)), t.name).toEqual(await rows(q(b)));
    if (keyed) expect(await rows(`SELECT count(*)::INTEGER AS n FROM ${pq(a, t.name)} WHERE record_key NOT BETWEEN 0 AND 255`), t.name).toEqual([{ n: 0 }]);
  }
  expect(await rows(`SELECT count(*)::INTEGER AS n FROM ${pq(a, 'case_causes')} cc JOIN ${pq(a, 'cases')} c USING (case_id) WHERE cc.record_key <> c.record_key`)).toEqual([{ n: 0 }]);
}

describe('the documented example worksheet', () => {
  it('ingests from XLSX and CSV into the same snapshot with exactly the schema tables', async () => {
    const x = await ingestFilesToSnapshot([join(TEMPLATES, 'aks-worksheet-example.xlsx')], join(dir, 'ex-x'), { name: 'x', created: '2026-01-01T00:00:00Z' });
    const c = await ingestFilesToSnapshot(
      ['kasus', 'rekomendasi', 'kalender'].map((k) => join(TEMPLATES, `aks-worksheet-example-${k}.csv`)),
      join(dir, 'ex-c'),
      { name: 'c', created: '2026-01-01T00:00:00Z' }
    );
    expect(x.result.issues).toEqual([]);
    expect(c.result.issues).toEqual([]);
    await sameExceptKeys('ex-x', 'ex-c');
    expect(Object.keys(x.manifest!.tables).sort()).toEqual(TABLES.map((t) => t.name).sort());
    for (const t of TABLES) {
      const desc = await rows(`DESCRIBE SELECT * FROM ${pq('ex-x', t.name)}`);
      expect(desc.map((r) => [r.column_name, r.column_type]), t.name).toEqual(t.columns.map((col) => [col.name, col.type]));
    }
    const n = Object.fromEntries(Object.entries(x.manifest!.tables).map(([k, v]) => [k, v.rows]));
    expect(n).toMatchObject({ cases: 5, case_causes: 14, recommendations: 8, calendar: 6, regions: 38 + 514 });
    const recs = await rows(`SELECT r.rec_id, r.intervention_code, r.agency_code, r.status, CAST(r.due_date AS VARCHAR) due, c.regency_code
      FROM ${pq('ex-x', 'recommendations')} r JOIN ${pq('ex-x', 'cases')} c USING (case_id) ORDER BY r.regency_code, r.rec_id`);
    expect(recs.filter((r) => r.intervention_code === 'ttd')).toEqual([
      { rec_id: `${pseudonymCaseId('32.03', 'CJR-002')}-R02`, intervention_code: 'ttd', agency_code: 'dinkes', status: 'delivered', due: '2023-03-29', regency_code: '32.03' }
    ]);
    expect(recs.find((r) => r.intervention_code === 'pmt_balita')?.agency_code).toBe('dinkes');
    const kdi = await rows(`SELECT target_group, too_old, anaemia, lbw, kek FROM ${pq('ex-x', 'cases')} WHERE regency_code = '74.71'`);
    expect(kdi).toEqual([{ target_group: 'nifas', too_old: true, anaemia: true, lbw: true, kek: false }]);
  });
});
