/**
 * The worksheet layout: for each sheet kind, its fields with the header spellings accepted for them
 * (Indonesian and English, compared case/spacing/punctuation-insensitively), which are required, and
 * how a sheet's kind is recognised. Identity columns (names, NIK, address, birth date, phone) are
 * recognised so they are never loaded. Pure.
 */
import type { Cell, Note, SheetKind } from './types.ts';
import { cellText, normKey } from './text.ts';
import { fieldFromWords } from './headerWords.ts';

export interface FieldSpec {
  key: string;
  /** Header in the template (Indonesian). */
  header: string;
  /** Other accepted spellings (normalised with normKey when compared). */
  aliases: string[];
  required: boolean;
}

const f = (key: string, header: string, aliases: string[], required = false): FieldSpec => ({ key, header, aliases, required });

const REGION = (required: boolean) =>
  f('region', 'Kabupaten/Kota', ['kab/kota', 'kabupaten_kota', 'kabkota', 'kabupaten', 'kota', 'kab kota', 'regency', 'regency/city', 'district', 'kode kabupaten/kota', 'kode wilayah', 'regency code', 'wilayah'], required);
const YEAR = f('year', 'Tahun', ['year', 'tahun audit', 'audit year'], true);
const SEMESTER = f('semester', 'Semester', ['sem', 'siklus', 'cycle', 'semester audit'], true);
const CASE_REF = f('case_ref', 'ID kasus', ['id kasus', 'kode kasus', 'no kasus', 'nomor kasus', 'case id', 'case', 'case ref', 'id'], true);
/** A combined period column ("2023-1", "Semester I 2023"); with it, Tahun and Semester may be absent. */
const PERIOD = f('period', 'Periode', ['periode audit', 'period', 'audit period', 'semester/tahun', 'tahun/semester', 'tahun semester', 'semester tahun', 'periode semester']);

export const FIELDS: Record<SheetKind, FieldSpec[]> = {
  kasus: [
    CASE_REF,
    REGION(true),
    YEAR,
    SEMESTER,
    f('target_group', 'Sasaran', ['kelompok sasaran', 'target group', 'group', 'sasaran aks'], true),
    f('source', 'Sumber', ['sumber data', 'sumber kasus', 'source', 'case source']),
    PERIOD,
    f('selection_date', 'Tanggal seleksi', ['tgl seleksi', 'tanggal identifikasi', 'tgl identifikasi', 'tanggal seleksi kasus', 'tanggal terpilih', 'selection date', 'date selected']),
    f('review_date', 'Tanggal kajian', ['tgl kajian', 'tanggal kajian pakar', 'review date', 'expert review date']),
    f('mother_age_years', 'Usia ibu (tahun)', ['usia ibu', 'umur ibu', 'umur ibu (tahun)', 'mother age', 'mother age (years)', 'usia catin']),
    f('trimester', 'Trimester', ['trimester kehamilan', 'usia kehamilan (trimester)']),
    f('child_age_months', 'Usia anak (bulan)', ['usia anak', 'umur anak', 'umur anak (bulan)', 'usia anak (bln)', 'umur anak (bln)', 'usia (bulan)', 'child age', 'child age (months)', 'age months']),
    f('child_sex', 'Jenis kelamin', ['jk', 'sex', 'gender', 'kelamin', 'l/p']),
    f('haz', 'TB/U (z)', ['tb/u', 'pb/u', 'tbu z', 'z tb/u', 'z-score tb/u', 'haz', 'laz', 'height-for-age z', 'length/height-for-age']),
    f('whz', 'BB/TB (z)', ['bb/tb', 'bb/pb', 'z bb/tb', 'z-score bb/tb', 'whz', 'wlz', 'weight-for-height z', 'weight-for-length/height']),
    f('birth_weight_g', 'Berat lahir (gram)', ['berat lahir', 'berat badan lahir', 'bb lahir', 'bbl', 'birth weight', 'birth weight (g)', 'birth weight (grams)']),
    f('lila_cm', 'LiLA (cm)', ['lila', 'lingkar lengan atas', 'muac', 'muac (cm)']),
    f('hb_g_dl', 'Hb (g/dL)', ['hb', 'kadar hb', 'hemoglobin', 'haemoglobin', 'hemoglobin (g/dl)']),
    f('too_close', 'Terlalu dekat', ['jarak kelahiran < 2 tahun', 'jarak kelahiran dekat', 'too close', 'birth spacing < 2 years']),
    f('too_many', 'Terlalu banyak', ['anak > 3', 'anak lebih dari 3', 'too many', 'more than 3 children']),
    f('unsafe_water', 'Air minum tidak layak', ['air minum tidak layak', 'unsafe water', 'no safe drinking water']),
    f('poor_sanitation', 'Jamban tidak layak', ['sanitasi tidak layak', 'jamban tidak sehat', 'poor sanitation', 'no proper latrine']),
    f('poor_household', 'Keluarga miskin', ['pra sejahtera', 'keluarga pra sejahtera', 'miskin', 'poor household', 'poverty']),
    f('smoker_in_house', 'Ada perokok', ['perokok di rumah', 'ada perokok di rumah', 'anggota keluarga merokok', 'smoker in house', 'smoker at home']),
    f('primary_cause', 'Penyebab utama', ['penyebab', 'primary cause', 'main cause', 'akar masalah utama']),
    f('other_causes', 'Penyebab lain', ['penyebab lainnya', 'penyebab tambahan', 'other causes', 'secondary causes'])
  ],
  rekomendasi: [
    CASE_REF,
    REGION(false),
    f('intervention', 'Intervensi', ['jenis intervensi', 'intervention', 'rekomendasi', 'recommendation'], true),
    f('agency', 'OPD', ['opd penanggung jawab', 'nama opd', 'penanggung jawab', 'instansi', 'agency', 'responsible agency']),
    f('cause', 'Penyebab', ['penyebab yang ditangani', 'cause', 'cause addressed']),
    f('status', 'Status', ['status tindak lanjut', 'follow-up status']),
    f('recommended_date', 'Tanggal rekomendasi', ['tgl rekomendasi', 'recommendation date', 'recommended date']),
    f('due_date', 'Batas waktu', ['tenggat', 'tenggat waktu', 'target waktu', 'due date', 'deadline']),
    f('delivered_date', 'Tanggal diberikan', ['tgl diberikan', 'tanggal pemberian', 'tanggal pelaksanaan', 'delivered date', 'date delivered']),
    f('followed_up_date', 'Tanggal tindak lanjut', ['tgl tindak lanjut', 'tanggal kunjungan ulang', 'follow-up date', 'followed up date'])
  ],
  kalender: [
    REGION(true),
    YEAR,
    SEMESTER,
    PERIOD,
    f('stage', 'Tahap', ['tahapan', 'kegiatan', 'stage'], true),
    f('planned_date', 'Tanggal rencana', ['rencana', 'tgl rencana', 'jadwal', 'planned date', 'plan']),
    f('actual_date', 'Tanggal realisasi', ['realisasi', 'tgl realisasi', 'tanggal selesai', 'actual date', 'completed'])
  ]
};

/** A sheet is of a kind when it has this field (the others share case id, region, year...). */
const DISTINCTIVE: Record<SheetKind, string> = { kasus: 'target_group', rekomendasi: 'intervention', kalender: 'stage' };

/** Header spellings that identify a person: never loaded (pseudonymous snapshot). */
const PRIVACY: RegExp[] = [
  /^(nama|name|fullname)/, /(nama|name)$/, /^nik/, /nik$/, /^(no|nomor)?(ktp|kk)$/, /^(nokk|nomorkk|noktp|nomorktp)/,
  /alamat|address|domisili|^rt$|^rw$|^rtrw$/, /(tanggal|tgl|tempat)lahir|birthdate|dateofbirth|^dob$|^ttl$/,
  /telepon|telp|^hp$|^nohp|phone|whatsapp|^wa$|email/, /^inisial|initials?$/
];

export function isPrivacyHeader(header: string): boolean {
  const k = normKey(header);
  return PRIVACY.some((re) => re.test(k));
}

const UNIT_SUFFIX = /(tahun|bulan|cm|gram|gr|g|gdl|z|zscore|years|months)$/;

function aliasMap(kind: SheetKind): Map<string, string> {
  const m = new Map<string, string>();
  for (const fs of FIELDS[kind]) for (const a of [fs.key, fs.header, ...fs.aliases]) if (!m.has(normKey(a))) m.set(normKey(a), fs.key);
  return m;
}
/** Built on first use: this module is in the dashboard's first bundle, and the import is rare (issue 17). */
const aliasMaps = new Map<SheetKind, Map<string, string>>();
const aliases = (kind: SheetKind): Map<string, string> => aliasMaps.get(kind) ?? aliasMaps.set(kind, aliasMap(kind)).get(kind)!;

/** Field key for a header in a sheet kind, or null. Also tries without a trailing unit ("Usia ibu tahun"), then headerWords.ts. */
export function fieldFor(kind: SheetKind, header: string): string | null {
  const k = normKey(header);
  const hit = aliases(kind).get(k);
  if (hit) return hit;
  const stripped = k.replace(UNIT_SUFFIX, '');
  const unitless = stripped && stripped !== k ? (aliases(kind).get(stripped) ?? null) : null;
  // then the words districts use ("KATEGORI SASARAN", "Faktor Penyebab Utama"), never for a person's column
  if (unitless) return unitless;
  // "Nama Kabupaten/Kota" and "Nama OPD" name a place or an office, not a person
  const w = fieldFromWords(kind, header);
  return w && isPrivacyHeader(header) && w !== 'region' && w !== 'agency' ? null : w;
}

/** Index of the header row: the first row with any non-blank cell. */
export function headerRowIndex(rows: Cell[][]): number {
  return rows.findIndex((r) => r.some((c) => cellText(c) !== ''));
}

/** Which kind of sheet these headers are (sheet name as a tie-breaker), or null. */
export function detectKind(headers: readonly Cell[], sheetName?: string): SheetKind | null {
  if (headers.filter((h) => cellText(h) !== '').length < 2) return null; // one cell is a title line
  const scores = (Object.keys(FIELDS) as SheetKind[]).map((kind) => {
    const keys = new Set(headers.map((h) => fieldFor(kind, cellText(h))).filter(Boolean));
    let score = keys.has(DISTINCTIVE[kind]) ? keys.size : 0;
    if (score > 0 && sheetName && normKey(sheetName).startsWith(normKey(kind).slice(0, 5))) score += 100;
    return { kind, score };
  });
  scores.sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].kind : null;
}

export interface HeaderMap {
  /** field key -> column index */
  columns: Map<string, number>;
  /** column index -> header as written */
  headers: string[];
  missingRequired: FieldSpec[];
  notes: Note[];
}

/** `field` resolves a header to a field key first (the officer's column mapping): null ignores the column. */
export function mapHeaders(
  kind: SheetKind, headers: readonly Cell[], file: string, sheet?: string, field?: (header: string) => string | null | undefined
): HeaderMap {
  const columns = new Map<string, number>();
  const notes: Note[] = [];
  const texts = headers.map((h) => cellText(h));
  texts.forEach((h, i) => {
    if (h === '') return;
    const given = field?.(h);
    const key = given === undefined ? fieldFor(kind, h) : given;
    const note = (code: Note['code'], params?: Record<string, string>) => notes.push({ file, ...(sheet ? { sheet } : {}), column: h, code, ...(params ? { params } : {}) });
    if (key && !columns.has(key)) columns.set(key, i);
    else if (key) note('duplicate_column', { position: String(i + 1), first: String(columns.get(key)! + 1) });
    else if (isPrivacyHeader(h)) note('privacy_dropped');
    else note('extra_column');
  });
  const missingRequired = FIELDS[kind].filter((fs) => fs.required && !columns.has(fs.key));
  return { columns, headers: texts, missingRequired, notes };
}
