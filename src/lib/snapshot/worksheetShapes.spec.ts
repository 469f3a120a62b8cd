/**
 * Worksheets as districts keep them, through `npm run data:ingest` (the real CLI, spawned) into a
 * Parquet snapshot read back with DuckDB: a title block above the header with the period only in the
 * title, a column-number row, blank, totals and signature rows, Indonesian cause wording with
 * abbreviations, unknown causes with candidates; a sheet with the period only in its dates and a case-id
 * column remapped with --mapping; --period as the last source and its conflict with a title; an XLSX
 * rekomendasi sheet with a title block and local agency names. Asserts the exact rows kept and the exact
 * rejects report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import writeXlsxFile from 'write-excel-file/node';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pseudonymCaseId } from '../ingest/sha256.ts';
import { noteText, noteWhere } from '../ingest/notes.ts';
import { ingestFilesToSnapshot } from './ingestSnapshot.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FX = join(ROOT, 'tests/e2e/fixtures');
const TITLE = join(FX, 'worksheet-cianjur-title.csv');
const DATES = join(FX, 'worksheet-kendari-dates.csv');
const MAPPING = join(FX, 'mapping-kendari.json');

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let cli: { status: number | null; stdout: string; stderr: string };

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const pq = (snap: string, t: string) => `read_parquet('${join(dir, snap, t + '.parquet')}')`;
const cjr = (id: string) => pseudonymCaseId('32.03', id);
const kdi = (id: string) => pseudonymCaseId('74.71', id);

function ingest(args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/data-ingest.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-shapes-'));
  cli = ingest([TITLE, DATES, '--mapping', MAPPING, '--out', join(dir, 'a'), '--lang', 'id']);
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
}, 60_000);
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run data:ingest on real-looking worksheets', () => {
  it('writes the snapshot and the exact rejects report', () => {
    expect(cli.status, cli.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a', 'rejects.csv'), 'utf8').split('\r\n')).toEqual([
      'file,sheet,row,column,value,reason',
      'worksheet-cianjur-title.csv,,9,Penyebab Lainnya,Pola makan tdk teratur,penyebab tidak dikenal; mungkin maksud Anda: Asupan gizi kurang [asupan_gizi]',
      'worksheet-cianjur-title.csv,,11,Penyebab Utama,Penyakit jantung bawaan,"penyebab tidak dikenal; mungkin maksud Anda: Penyakit infeksi berulang [penyakit_infeksi], Jamban / sanitasi tidak layak [sanitasi]"',
      'worksheet-cianjur-title.csv,,13,Penyebab Utama,ASI eksklusif,penyebab tidak dikenal; mungkin maksud Anda: ASI tidak eksklusif [asi_tidak_eksklusif]',
      'worksheet-kendari-dates.csv,,4,Tahun,,"periode tidak diketahui: tidak ada Tahun/Semester, periode di judul, atau tanggal; pilih periode (--period 2023-1)"',
      ''
    ]);
  });

  it('says where each sheet\'s header, title and period came from, and which rows it skipped', () => {
    expect(cli.stdout).toContain('worksheet-cianjur-title.csv: kasus, 7 rows read, 7 loaded\n    header on row 4\n    title: KERTAS KERJA AUDIT KASUS STUNTING / KABUPATEN CIANJUR - SEMESTER I TAHUN 2023\n    period from the title block (2023-1): 7');
    expect(cli.stdout).toContain('worksheet-kendari-dates.csv: kasus, 4 rows read, 3 loaded\n    period from the selection/review dates: 3');
    const notes = cli.stdout.split('\n').filter((l) => l.startsWith('Note:'));
    expect(notes).toEqual([
      'Note: worksheet-cianjur-title.csv column "No": extra column ignored',
      'Note: worksheet-cianjur-title.csv column "Nama Anak/Ibu": identity column dropped for privacy (never loaded)',
      'Note: worksheet-cianjur-title.csv row 5: column-number row skipped',
      'Note: worksheet-cianjur-title.csv row 14: totals row "JUMLAH" skipped',
      'Note: worksheet-cianjur-title.csv: 1 blank rows skipped (rows 8)',
      'Note: worksheet-cianjur-title.csv: 2 rows below the totals (signatures, notes) skipped (rows 16, 17)'
    ]);
  });

  it('keeps exactly the good rows, with the period of the title or of the dates and the causes as meant', async () => {
    const cases = await rows(`SELECT case_id, regency_code, year, semester, target_group, primary_cause, child_age_months, haz FROM ${pq('a', 'cases')} ORDER BY regency_code, year, semester, case_id`);
    const want = [
      [cjr('CJR-01'), '32.03', 2023, 1, 'baduta', 'bblr_prematur', 14, -2.41],
      [cjr('CJR-02'), '32.03', 2023, 1, 'bumil', 'kek', null, null],
      [cjr('CJR-03'), '32.03', 2023, 1, 'balita', 'mpasi_tidak_tepat', 30, -3.12],
      [cjr('CJR-04'), '32.03', 2023, 1, 'catin', 'anemia', null, null],
      [cjr('CJR-05'), '32.03', 2023, 1, 'baduta', null, 8, -2.05],
      [cjr('CJR-06'), '32.03', 2023, 1, 'nifas', 'tidak_kb', null, null],
      [cjr('CJR-07'), '32.03', 2023, 1, 'baduta', null, 11, -2.6],
      [kdi('KDI-11'), '74.71', 2023, 1, 'bumil', 'kek', null, null],
      [kdi('KDI-12'), '74.71', 2023, 2, 'balita', 'pola_asuh', null, null],
      [kdi('KDI-14'), '74.71', 2023, 2, 'nifas', 'asi_tidak_eksklusif', null, null]
    ].map(([case_id, regency_code, year, semester, target_group, primary_cause, child_age_months, haz]) => ({ case_id, regency_code, year, semester, target_group, primary_cause, child_age_months, haz }));
    expect(cases).toEqual([...want].sort((a, b) => `${a.regency_code}${a.year}${a.semester}${a.case_id}`.localeCompare(`${b.regency_code}${b.year}${b.semester}${b.case_id}`)));
    const causes = await rows(`SELECT case_id, list(cause_code || CASE WHEN is_primary THEN '*' ELSE '' END ORDER BY is_primary DESC, cause_code) AS c FROM ${pq('a', 'case_causes')} GROUP BY 1`);
    const byCase = Object.fromEntries(causes.map((r) => [r.case_id, r.c]));
    expect(byCase).toEqual({
      [cjr('CJR-01')]: ['bblr_prematur*', 'asi_tidak_eksklusif', 'sanitasi'],
      [cjr('CJR-02')]: ['kek*', 'anemia', 'empat_terlalu'],
      [cjr('CJR-03')]: ['mpasi_tidak_tepat*', 'penyakit_infeksi'], // "Pola makan tdk teratur" dropped alone
      [cjr('CJR-04')]: ['anemia*'],
      [cjr('CJR-05')]: ['imunisasi_tidak_lengkap'], // unknown primary: the other cause is kept
      [cjr('CJR-06')]: ['tidak_kb*', 'empat_terlalu'],
      [cjr('CJR-07')]: ['asap_rokok'],
      [kdi('KDI-11')]: ['kek*', 'empat_terlalu'],
      [kdi('KDI-12')]: ['pola_asuh*', 'kemiskinan'],
      [kdi('KDI-14')]: ['asi_tidak_eksklusif*', 'kemiskinan']
    });
    const all = JSON.stringify(await rows(`SELECT * FROM ${pq('a', 'cases')}`));
    for (const s of ['Siti', 'Aminah', 'CJR-01', 'KDI-11', 'JUMLAH', 'Mengetahui']) expect(all.includes(s), s).toBe(false);
  });
});

describe('sources the period and the columns come from', () => {
  it('without the mapping, an unrecognised case-id column is a missing column (exit 2), and --period fills rows without a date', async () => {
    const r = ingest([DATES, '--out', join(dir, 'b'), '--period', '2023-2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: worksheet-kendari-dates.csv column "ID kasus": required column is missing');
    const m = await ingestFilesToSnapshot([DATES], join(dir, 'c'), { name: 'c' }, { period: { year: 2023, semester: 2 }, mapping: { columns: { 'No. Register': 'case_ref' } } });
    expect(m.result.issues).toEqual([]);
    expect(m.result.sheets[0].periodSources).toEqual({ dates: 3, option: 1 });
    expect(m.result.cases.map((c) => [c.year, c.semester, c.target_group])).toEqual([[2023, 1, 'bumil'], [2023, 2, 'balita'], [2023, 2, 'catin'], [2023, 2, 'nifas']]);
  });

  it('a chosen period that disagrees with the title is reported, and the title is used', async () => {
    const m = await ingestFilesToSnapshot([TITLE], join(dir, 'd'), { name: 'd' }, { period: { year: 2023, semester: 2 } });
    expect(m.result.cases.every((c) => c.year === 2023 && c.semester === 1)).toBe(true);
    const conflict = m.result.notes.filter((n) => n.code === 'period_conflict').map((n) => `${noteWhere(n)}: ${noteText(n)}`);
    expect(conflict).toEqual(['worksheet-cianjur-title.csv: periods disagree: the title block 2023-1, the period chosen 2023-2; the title block used']);
  });

  it('an XLSX rekomendasi sheet under a title block, with local agency and intervention names', async () => {
    const file = join(dir, 'rtl.xlsx');
    await writeXlsxFile([
      { sheet: 'RTL', data: [
        ['RENCANA TINDAK LANJUT HASIL AUDIT KASUS STUNTING'], ['Kab. Cianjur, Semester I Tahun 2023'], [],
        ['No', 'No. Kasus', 'Rekomendasi', 'OPD Penanggung Jawab', 'Tanggal Rekomendasi'],
        [1, 'CJR-02', 'PMT Bumil KEK', 'UPTD Puskesmas Cibeber', '25/05/2023'],
        [2, 'CJR-02', 'Tablet tambah darah (TTD)', 'Dinkes', '25/05/2023'],
        [3, 'CJR-06', 'KB pasca salin', 'DP3AKB', '25/05/2023'],
        [4, 'CJR-01', 'Bantuan jamban sehat', 'Disperkim', '25/05/2023'],
        [5, 'CJR-01', 'PMT', 'DP3A', '25/05/2023'],
        ['JUMLAH', '', '5 rekomendasi']
      ] as never }
    ]).toFile(file);
    const m = await ingestFilesToSnapshot([TITLE, file], join(dir, 'e'), { name: 'e' });
    expect(m.result.recommendations.map((r) => [r.case_id, r.intervention_code, r.agency_code])).toEqual([
      [cjr('CJR-02'), 'pmt_ibu', 'dinkes'], [cjr('CJR-02'), 'ttd', 'dinkes'], [cjr('CJR-06'), 'kb_pascapersalinan', 'dppkb'], [cjr('CJR-01'), 'jamban_sehat', 'perkim']
    ]);
    const rtl = m.result.issues.filter((i) => i.sheet === 'RTL').map((i) => [i.row, i.column, i.value, i.code, i.params?.candidates]);
    expect(rtl).toEqual([[9, 'Rekomendasi', 'PMT', 'unknown_intervention', 'pmt_ibu,pmt_balita'], [9, 'OPD Penanggung Jawab', 'DP3A', 'unknown_agency', undefined]]);
    expect(m.result.sheets.find((s) => s.sheet === 'RTL')).toMatchObject({ kind: 'rekomendasi', headerRow: 4, rowsRead: 5, rowsLoaded: 4 });
  });
});
