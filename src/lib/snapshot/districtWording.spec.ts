/**
 * Worksheets as districts write them, beyond the template's words, through `npm run data:ingest` (the
 * real CLI, spawned) into a Parquet snapshot read back with DuckDB: a comma CSV whose title lines are
 * single cells (the delimiter comes from the header, not the title), the kabupaten/kota only in the
 * title ("TIM PERCEPATAN PENURUNAN STUNTING KOTA BANDUNG", "Kabupaten Sumedang, Semester II Tahun
 * 2024"), headers in everyday words ("No. Kasus", "Umur (bln)", "Tgl Audit", "Inisial"), one L/P column
 * for children and mothers, causes as the panel says them, an RTL sheet with "Rekomendasi Tim Pakar",
 * "OPD Penanggung Jawab", "Tanggal Pelaksanaan" and statuses in words; a header on two rows (merged
 * group cells: "Status Gizi" over "TB/U" and "BB/TB", "Penyebab" over "Utama" and "Lainnya"). Asserts the exact rows kept and
 * the exact rejects report.
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

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FX = join(ROOT, 'tests/e2e/fixtures');
const FILES = ['worksheet-bandung-wording.csv', 'worksheet-sumedang-kasus.csv', 'worksheet-sumedang-rtl.csv', 'worksheet-garut-two-row-header.csv'].map((f) => join(FX, f));

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let cli: { status: number | null; stdout: string; stderr: string };
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const pq = (t: string) => `read_parquet('${join(dir, 'out', t + '.parquet')}')`;
const bdg = (id: string) => pseudonymCaseId('32.73', id);
const smd = (id: string) => pseudonymCaseId('32.11', id);
const grt = (id: string) => pseudonymCaseId('32.05', id);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-wording-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/data-ingest.ts'), ...FILES, '--out', join(dir, 'out'), '--lang', 'id'], { cwd: ROOT, encoding: 'utf8' });
  cli = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
}, 60_000);
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run data:ingest on worksheets in everyday wording', () => {
  it('keeps every case, each in the regency and period its title names', async () => {
    expect(cli.status, cli.stderr).toBe(0);
    const cases = await rows(`SELECT case_id, regency_code, year, semester, target_group, child_age_months, child_sex, review_date::VARCHAR AS review
      FROM ${pq('cases')} ORDER BY regency_code, review, case_id`);
    const at = (id: string) => cases.find((c) => c.case_id === id);
    expect(cases.length).toBe(13);
    expect(cases.filter((c) => c.regency_code === '32.73' && c.year === 2025 && c.semester === 1).length).toBe(8);
    expect(cases.filter((c) => c.regency_code === '32.11' && c.year === 2024 && c.semester === 2).length).toBe(3);
    expect(at(bdg('BDG-01'))).toMatchObject({ target_group: 'baduta', child_age_months: 10, child_sex: 'L', review: '2025-03-03' });
    expect(at(bdg('BDG-03'))).toMatchObject({ target_group: 'balita', child_age_months: 40, child_sex: 'P' });
    // the mother's "P" in the one L/P column is no child's sex, and no error either
    expect(at(bdg('BDG-02'))).toMatchObject({ target_group: 'bumil', child_sex: null });
    expect(at(smd('SMD-03'))).toMatchObject({ target_group: 'catin', review: '2024-08-11' });
    // a header on two rows: "Usia (bulan)", "Status Gizi TB/U", "Status Gizi BB/TB"
    const two = await rows(`SELECT case_id, year, semester, child_age_months, haz, whz FROM ${pq('cases')} WHERE regency_code = '32.05' ORDER BY child_age_months`);
    expect(two).toEqual([
      { case_id: grt('G-1'), year: 2025, semester: 1, child_age_months: 14, haz: -2.5, whz: -0.4 },
      { case_id: grt('G-2'), year: 2025, semester: 1, child_age_months: 30, haz: -3.1, whz: null }
    ]);
    // initials never reach the snapshot
    expect(JSON.stringify(cases)).not.toMatch(/A\.S|R\.N|S\.M/);
  });

  it('reads the causes as the panel wrote them', async () => {
    const causes = await rows(`SELECT case_id, list(cause_code ORDER BY is_primary DESC, cause_code) AS codes FROM ${pq('case_causes')} GROUP BY 1`);
    const of = (id: string) => (causes.find((c) => c.case_id === id)?.codes as string[] | undefined) ?? [];
    expect(of(bdg('BDG-01'))).toEqual(['asupan_gizi', 'pola_asuh', 'rumah_tidak_layak']);
    expect(of(bdg('BDG-02'))).toEqual(['anemia', 'anc_tidak_lengkap', 'ttd_tidak_patuh']);
    expect(of(bdg('BDG-03'))).toEqual(['penyakit_infeksi', 'kemiskinan', 'tanpa_jaminan_kesehatan']);
    expect(of(bdg('BDG-04'))).toEqual(['pernikahan_dini', 'pengetahuan_rendah']);
    expect(of(bdg('BDG-05'))).toEqual(['bblr_prematur', 'air_minum', 'tidak_dipantau']);
    expect(of(bdg('BDG-06'))).toEqual(['mpasi_tidak_tepat', 'asap_rokok', 'sanitasi']);
    expect(of(bdg('BDG-07'))).toEqual(['tidak_kb', 'empat_terlalu']);
    // an unknown primary cause is dropped alone: the case and its other cause stay
    expect(of(bdg('BDG-08'))).toEqual(['kek']);
    expect(of(smd('SMD-02'))).toEqual(['kek', 'ttd_tidak_patuh']);
    // "Penyebab" over "Utama" and "Lainnya"
    expect(of(grt('G-1'))).toEqual(['bblr_prematur', 'imunisasi_tidak_lengkap', 'penyakit_infeksi']);
    expect(of(grt('G-2'))).toEqual(['pola_asuh', 'kemiskinan']);
  });

  it('loads the RTL sheet with its statuses in words', async () => {
    const recs = await rows(`SELECT case_id, intervention_code, agency_code, status, delivered_date::VARCHAR AS delivered FROM ${pq('recommendations')} ORDER BY case_id, intervention_code`);
    expect(recs.map((r) => [r.case_id === smd('SMD-01') ? 'SMD-01' : r.case_id === smd('SMD-03') ? 'SMD-03' : '?', r.intervention_code, r.agency_code, r.status, r.delivered])).toEqual(
      [
        ['SMD-01', 'jamban_sehat', 'perkim', 'planned', null],
        ['SMD-01', 'pmt_balita', 'dinkes', 'delivered', '2024-08-20'],
        ['SMD-03', 'pendampingan_tpk', 'dppkb', 'planned', null]
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
    );
  });

  it('writes the exact rejects report and says where the regency came from', () => {
    expect(readFileSync(join(dir, 'out', 'rejects.csv'), 'utf8').split('\r\n').filter(Boolean)).toEqual([
      'file,sheet,row,column,value,reason',
      'worksheet-bandung-wording.csv,,12,L/P,L,tidak berlaku untuk sasaran bumil',
      'worksheet-bandung-wording.csv,,12,Penyebab Utama,Hipertensi dalam kehamilan,"penyebab tidak dikenal; mungkin maksud Anda: Pemeriksaan kehamilan (ANC) tidak lengkap [anc_tidak_lengkap], 4 Terlalu (tua, dekat, banyak) [empat_terlalu]"',
      'worksheet-sumedang-rtl.csv,,7,Status,Selesai,"status ""followed_up"" tetapi kolom Tanggal tindak lanjut kosong"'
    ]);
    const out = cli.stdout + cli.stderr;
    expect(out).toContain('worksheet-bandung-wording.csv: no Kabupaten/Kota column: every row is from Kota Bandung (32.73), as the title block says');
    expect(out).toContain('worksheet-bandung-wording.csv column "Inisial": identity column dropped for privacy');
    expect(out).toContain('period from the title block (2025-1): 8');
  });
});

describe('npm run data:ingest on a workbook with one sheet per target group', () => {
  let out: string;
  let run: { status: number | null; stdout: string };
  beforeAll(async () => {
    const d = (y: number, m: number, day: number) => ({ type: Date, value: new Date(Date.UTC(y, m - 1, day)), format: 'dd/mm/yyyy' });
    const c = (v: string | number | null) => (v === null ? null : typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v });
    const sheet = (name: string, data: unknown[][]) => ({ sheet: name, data: data.map((r) => r.map((v) => (v && typeof v === 'object' ? v : c(v as string | number | null)))) as never });
    out = join(dir, 'groups');
    const file = join(dir, 'lebak.xlsx');
    await writeXlsxFile([
      sheet('BADUTA', [['DATA AUDIT KASUS STUNTING BADUTA'], ['KABUPATEN LEBAK SEMESTER I 2024'], [], ['No', 'Kode Kasus', 'Umur (bulan)', 'TB/U', 'Tgl Kajian', 'Penyebab Utama', 'Penyebab Lain'],
        [1, 'LBK-1', 12, -2.4, d(2024, 3, 4), 'BBLR', 'Diare'], [2, 'LBK-2', 20, -3.0, d(2024, 3, 5), 'MP-ASI tidak tepat', null]]),
      sheet('Ibu Hamil', [['KABUPATEN LEBAK SEMESTER I 2024'], ['No', 'Kode Kasus', 'Usia Ibu (tahun)', 'LiLA (cm)', 'Tgl Kajian', 'Penyebab Utama'], [1, 'LBK-3', 19, 22.1, d(2024, 3, 6), 'KEK']]),
      sheet('RTL', [['No', 'Kode Kasus', 'Rekomendasi', 'OPD', 'Status'], [1, 'LBK-1', 'PMT balita', 'Puskesmas', 'Belum'], [2, 'LBK-3', 'PMT ibu hamil', 'Puskesmas', 'Direncanakan']])
    ]).toFile(file);
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/data-ingest.ts'), file, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    run = { status: r.status, stdout: r.stdout + r.stderr };
  }, 60_000);

  it('takes each sheet\'s target group from its name and its regency and period from its title', async () => {
    expect(run.status, run.stdout).toBe(0);
    const got = await rows(`SELECT case_id, regency_code, year, semester, target_group, child_age_months, mother_age_years, lila_cm FROM read_parquet('${join(out, 'cases.parquet')}') ORDER BY case_id`);
    const id = (ref: string) => pseudonymCaseId('36.02', ref);
    expect(got.sort((a, b) => String(a.target_group).localeCompare(String(b.target_group)) || Number(a.child_age_months) - Number(b.child_age_months))).toEqual([
      { case_id: id('LBK-1'), regency_code: '36.02', year: 2024, semester: 1, target_group: 'baduta', child_age_months: 12, mother_age_years: null, lila_cm: null },
      { case_id: id('LBK-2'), regency_code: '36.02', year: 2024, semester: 1, target_group: 'baduta', child_age_months: 20, mother_age_years: null, lila_cm: null },
      { case_id: id('LBK-3'), regency_code: '36.02', year: 2024, semester: 1, target_group: 'bumil', child_age_months: null, mother_age_years: 19, lila_cm: 22.1 }
    ]);
    const recs = await rows(`SELECT intervention_code, status FROM read_parquet('${join(out, 'recommendations.parquet')}') ORDER BY 1`);
    expect(recs).toEqual([{ intervention_code: 'pmt_balita', status: 'planned' }, { intervention_code: 'pmt_ibu', status: 'planned' }]);
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8').trim()).toBe('file,sheet,row,column,value,reason');
    expect(run.stdout).toContain('lebak.xlsx [Ibu Hamil]: no Sasaran column: every row is target group bumil');
  });
});
