/**
 * Why a value was rejected: stable codes with plain-words messages in Bahasa Indonesia and English.
 * Messages take the params (candidates, limits, the other column...). Pure.
 */
import type { Lang } from '../domain/label.ts';
import { candidateText } from './vocabularyItems.ts';
import { VALUE_REASONS } from './reasonsValues.ts';

type P = Record<string, string>;
type Msg = { id: (p: P) => string; en: (p: P) => string };

export const REASONS = {
  unreadable_file: { id: (p) => `berkas tidak dapat dibaca: ${p.detail}`, en: (p) => `file cannot be read: ${p.detail}` },
  empty_file: { id: () => 'berkas kosong (tidak ada baris data)', en: () => 'file is empty (no data rows)' },
  unknown_format: {
    id: () => 'format tidak dikenal: judul kolom bukan lembar kasus, rekomendasi atau kalender',
    en: () => 'unknown format: the headers are not a kasus, rekomendasi or kalender sheet'
  },
  missing_column: { id: () => 'kolom wajib tidak ada', en: () => 'required column is missing' },
  missing_required: { id: () => 'nilai wajib kosong', en: () => 'required value is empty' },
  unknown_region: { id: () => 'kabupaten/kota tidak dikenal', en: () => 'unknown kabupaten/kota' },
  ambiguous_region: {
    id: (p) => `ambigu, tulis kode atau "Kabupaten"/"Kota": ${p.candidates}`,
    en: (p) => `ambiguous: ${p.candidates}`
  },
  invalid_date: {
    id: () => 'tanggal tidak mungkin atau tidak terbaca (gunakan HH/BB/TTTT)',
    en: () => 'impossible or unreadable date (use DD/MM/YYYY)'
  },
  invalid_number: { id: () => 'bukan angka', en: () => 'not a number' },
  not_integer: { id: () => 'bukan bilangan bulat', en: () => 'not a whole number' },
  out_of_range: {
    id: (p) => `di luar batas wajar ${p.min} sampai ${p.max}${p.unit ? ' ' + p.unit : ''}`,
    en: (p) => `outside the plausible range ${p.min} to ${p.max}${p.unit ? ' ' + p.unit : ''}`
  },
  invalid_year: { id: () => 'tahun tidak valid (2020–2100)', en: () => 'invalid year (2020–2100)' },
  invalid_period: {
    id: () => 'periode tidak terbaca (tulis "2023-1" atau "Semester I 2023")',
    en: () => 'unreadable period (write "2023-1" or "Semester I 2023")'
  },
  no_period: {
    id: () => 'periode tidak diketahui: tidak ada Tahun/Semester, periode di judul, atau tanggal; pilih periode (--period 2023-1)',
    en: () => 'period unknown: no Tahun/Semester, no period in the title, no date; choose the period (--period 2023-1)'
  },
  invalid_semester: { id: () => 'semester harus 1 atau 2', en: () => 'semester must be 1 or 2' },
  age_outside_group: {
    id: (p) => `usia anak di luar rentang sasaran ${p.group} (${p.min}–${p.max} bulan)`,
    en: (p) => `child age outside the ${p.group} range (${p.min}–${p.max} months)`
  },
  not_applicable: {
    id: (p) => `tidak berlaku untuk sasaran ${p.group}`,
    en: (p) => `does not apply to target group ${p.group}`
  },
  unknown_target_group: { id: (p) => 'sasaran tidak dikenal' + candidateText(p, 'id'), en: (p) => 'unknown target group' + candidateText(p, 'en') },
  unknown_source: { id: () => 'sumber kasus tidak dikenal', en: () => 'unknown case source' },
  unknown_sex: { id: () => 'jenis kelamin harus L atau P', en: () => 'sex must be L or P' },
  unknown_flag: { id: () => 'harus ya atau tidak', en: () => 'must be yes or no' },
  unknown_cause: { id: (p) => 'penyebab tidak dikenal' + candidateText(p, 'id'), en: (p) => 'unknown cause' + candidateText(p, 'en') },
  cause_not_for_group: {
    id: (p) => `penyebab tidak berlaku untuk sasaran ${p.group}`,
    en: (p) => `cause does not apply to target group ${p.group}`
  },
  no_primary_cause: {
    id: () => 'penyebab lain diisi tanpa penyebab utama',
    en: () => 'other causes given without a primary cause'
  },
  unknown_intervention: { id: (p) => 'intervensi tidak dikenal' + candidateText(p, 'id'), en: (p) => 'unknown intervention' + candidateText(p, 'en') },
  unknown_agency: { id: (p) => 'OPD tidak dikenal' + candidateText(p, 'id'), en: (p) => 'unknown agency (OPD)' + candidateText(p, 'en') },
  unknown_status: { id: () => 'status tidak dikenal', en: () => 'unknown status' },
  unknown_stage: { id: () => 'tahap tidak dikenal', en: () => 'unknown stage' },
  status_without_date: {
    id: (p) => `status "${p.status}" tetapi kolom ${p.other} kosong`,
    en: (p) => `status is "${p.status}" but ${p.other} is empty`
  },
  date_without_status: {
    id: (p) => `tanggal diisi tetapi status "${p.status}"`,
    en: (p) => `date given but status is "${p.status}"`
  },
  date_order: { id: (p) => `lebih awal dari ${p.other}`, en: (p) => `earlier than ${p.other}` },
  review_before_semester: {
    id: () => 'sebelum awal semester audit',
    en: () => 'before the start of the audit semester'
  },
  unknown_case: {
    id: () => 'ID kasus tidak ada di lembar kasus',
    en: () => 'case id not found in the kasus sheet'
  },
  ambiguous_case: {
    id: (p) => `ID kasus dipakai di beberapa kabupaten/kota (${p.candidates}); isi kolom Kabupaten/Kota`,
    en: (p) => `case id used in several kabupaten/kota (${p.candidates}); fill in the Kabupaten/Kota column`
  },
  duplicate_case: {
    id: (p) => `ID kasus ganda (sudah ada di baris ${p.first})`,
    en: (p) => `duplicate case id (already on row ${p.first})`
  },
  duplicate_stage: {
    id: (p) => `tahap ganda untuk kabupaten/kota dan semester ini (baris ${p.first})`,
    en: (p) => `duplicate stage for this kabupaten/kota and semester (row ${p.first})`
  },
  ...VALUE_REASONS
} satisfies Record<string, Msg>;

export type ReasonCode = keyof typeof REASONS;

export function reasonMessage(code: ReasonCode, params: P = {}, lang: Lang = 'en'): string {
  return (REASONS[code] as Msg)[lang](params);
}
