import type { Label } from './label.ts';
import type { CauseClass } from './causes.ts';

/** Responsible local agency (OPD) or support channel for a recommendation. */
export interface Agency {
  code: string;
  label: Label;
}
export const AGENCIES: readonly Agency[] = [
  { code: 'dinkes', label: { id: 'Dinas Kesehatan / Puskesmas', en: 'Health Office / Puskesmas' } },
  { code: 'dppkb', label: { id: 'Dinas PPKB (KB & TPK)', en: 'Family Planning Office (incl. TPK)' } },
  { code: 'pupr', label: { id: 'Dinas PUPR (air minum)', en: 'Public Works (water supply)' } },
  { code: 'perkim', label: { id: 'Dinas Perkim (sanitasi, rumah)', en: 'Housing & Settlements (sanitation, housing)' } },
  { code: 'dinsos', label: { id: 'Dinas Sosial', en: 'Social Affairs Office' } },
  { code: 'dpmd', label: { id: 'Dinas PMD / Pemerintah Desa', en: 'Village Community Empowerment / village government' } },
  { code: 'kemenag', label: { id: 'Kemenag / KUA', en: 'Religious Affairs (KUA)' } },
  { code: 'baas', label: { id: 'Bapak Asuh Anak Stunting (BAAS)', en: 'Foster parents for stunted children (BAAS)' } }
];
export const AGENCY_BY_CODE: ReadonlyMap<string, Agency> = new Map(AGENCIES.map((a) => [a.code, a]));

/** Sensitive interventions are grouped because they depend on agencies outside health. */
export type InterventionCategory =
  | 'gizi'
  | 'layanan_kesehatan'
  | 'air'
  | 'sanitasi'
  | 'perumahan'
  | 'perlindungan_sosial'
  | 'kb'
  | 'pendampingan';

export const INTERVENTION_CATEGORIES: readonly { code: InterventionCategory; label: Label }[] = [
  { code: 'gizi', label: { id: 'Gizi', en: 'Nutrition' } },
  { code: 'layanan_kesehatan', label: { id: 'Layanan kesehatan', en: 'Health services' } },
  { code: 'air', label: { id: 'Air minum', en: 'Water' } },
  { code: 'sanitasi', label: { id: 'Sanitasi', en: 'Sanitation' } },
  { code: 'perumahan', label: { id: 'Perumahan', en: 'Housing' } },
  { code: 'perlindungan_sosial', label: { id: 'Perlindungan sosial', en: 'Social protection' } },
  { code: 'kb', label: { id: 'Keluarga berencana', en: 'Family planning' } },
  { code: 'pendampingan', label: { id: 'Pendampingan & edukasi', en: 'Accompaniment & education' } }
];

export interface Intervention {
  code: string;
  class: CauseClass;
  category: InterventionCategory;
  /** The agency usually responsible; a recommendation may name another. */
  agency: string;
  label: Label;
  /** Causes this intervention answers. */
  causes: readonly string[];
  /** Expected days from expert review to delivery. */
  dueDays: number;
}

export const INTERVENTIONS: readonly Intervention[] = [
  // nutrition-specific
  { code: 'pmt_ibu', class: 'spesifik', category: 'gizi', agency: 'dinkes', dueDays: 30, causes: ['kek', 'asupan_gizi'], label: { id: 'PMT ibu (KEK)', en: 'Supplementary food for mothers (KEK)' } },
  { code: 'ttd', class: 'spesifik', category: 'gizi', agency: 'dinkes', dueDays: 14, causes: ['anemia', 'ttd_tidak_patuh'], label: { id: 'Tablet tambah darah & pemantauan', en: 'Iron-folic acid tablets & monitoring' } },
  { code: 'pmt_balita', class: 'spesifik', category: 'gizi', agency: 'dinkes', dueDays: 30, causes: ['asupan_gizi', 'mpasi_tidak_tepat'], label: { id: 'PMT balita', en: 'Supplementary feeding for children' } },
  { code: 'tata_laksana_gizi', class: 'spesifik', category: 'layanan_kesehatan', agency: 'dinkes', dueDays: 14, causes: ['bblr_prematur', 'asupan_gizi'], label: { id: 'Tata laksana gizi & rujukan', en: 'Malnutrition treatment & referral' } },
  { code: 'konseling_asi_mpasi', class: 'spesifik', category: 'gizi', agency: 'dinkes', dueDays: 30, causes: ['asi_tidak_eksklusif', 'mpasi_tidak_tepat'], label: { id: 'Konseling ASI & MP-ASI', en: 'Breastfeeding & complementary feeding counselling' } },
  { code: 'imunisasi_kejar', class: 'spesifik', category: 'layanan_kesehatan', agency: 'dinkes', dueDays: 30, causes: ['imunisasi_tidak_lengkap'], label: { id: 'Imunisasi kejar', en: 'Catch-up immunisation' } },
  { code: 'pemantauan_tumbuh', class: 'spesifik', category: 'layanan_kesehatan', agency: 'dinkes', dueDays: 30, causes: ['tidak_dipantau'], label: { id: 'Pemantauan pertumbuhan di posyandu', en: 'Growth monitoring at posyandu' } },
  { code: 'pengobatan_infeksi', class: 'spesifik', category: 'layanan_kesehatan', agency: 'dinkes', dueDays: 14, causes: ['penyakit_infeksi'], label: { id: 'Pengobatan penyakit infeksi', en: 'Treatment of infection' } },
  { code: 'anc_terpadu', class: 'spesifik', category: 'layanan_kesehatan', agency: 'dinkes', dueDays: 30, causes: ['anc_tidak_lengkap'], label: { id: 'ANC terpadu', en: 'Integrated antenatal care' } },
  // nutrition-sensitive
  { code: 'air_minum_layak', class: 'sensitif', category: 'air', agency: 'pupr', dueDays: 120, causes: ['air_minum'], label: { id: 'Sambungan air minum layak', en: 'Safe drinking-water connection' } },
  { code: 'jamban_sehat', class: 'sensitif', category: 'sanitasi', agency: 'perkim', dueDays: 90, causes: ['sanitasi'], label: { id: 'Bantuan jamban sehat', en: 'Latrine construction' } },
  { code: 'bedah_rumah', class: 'sensitif', category: 'perumahan', agency: 'perkim', dueDays: 180, causes: ['rumah_tidak_layak'], label: { id: 'Bedah rumah (RTLH)', en: 'Housing repair' } },
  { code: 'bansos', class: 'sensitif', category: 'perlindungan_sosial', agency: 'dinsos', dueDays: 60, causes: ['kemiskinan'], label: { id: 'Bantuan sosial (PKH, sembako)', en: 'Social assistance (PKH, food)' } },
  { code: 'jkn_pbi', class: 'sensitif', category: 'perlindungan_sosial', agency: 'dinsos', dueDays: 60, causes: ['tanpa_jaminan_kesehatan', 'kemiskinan'], label: { id: 'Pendaftaran JKN-PBI', en: 'Subsidised health insurance enrolment' } },
  { code: 'baas', class: 'sensitif', category: 'perlindungan_sosial', agency: 'baas', dueDays: 45, causes: ['kemiskinan', 'asupan_gizi'], label: { id: 'Dukungan Bapak Asuh Anak Stunting', en: 'Foster-parent (BAAS) support' } },
  { code: 'kb_pascapersalinan', class: 'sensitif', category: 'kb', agency: 'dppkb', dueDays: 42, causes: ['tidak_kb', 'empat_terlalu'], label: { id: 'KB pascapersalinan', en: 'Post-partum family planning' } },
  { code: 'pendampingan_catin', class: 'sensitif', category: 'kb', agency: 'kemenag', dueDays: 60, causes: ['pernikahan_dini', 'empat_terlalu'], label: { id: 'Pendampingan catin & penundaan kehamilan', en: 'Bride-to-be counselling & delaying pregnancy' } },
  { code: 'pendampingan_tpk', class: 'sensitif', category: 'pendampingan', agency: 'dppkb', dueDays: 30, causes: ['pola_asuh', 'pengetahuan_rendah', 'asap_rokok'], label: { id: 'Pendampingan keluarga oleh TPK', en: 'Family accompaniment by TPK' } },
  { code: 'kie_pola_asuh', class: 'sensitif', category: 'pendampingan', agency: 'dppkb', dueDays: 60, causes: ['pola_asuh', 'pengetahuan_rendah'], label: { id: 'KIE pola asuh (BKB)', en: 'Parenting education (BKB)' } }
];

export const INTERVENTION_CODES = INTERVENTIONS.map((i) => i.code);
export const INTERVENTION_BY_CODE: ReadonlyMap<string, Intervention> = new Map(INTERVENTIONS.map((i) => [i.code, i]));

export type RecommendationStatus = 'planned' | 'delivered' | 'followed_up';
export const RECOMMENDATION_STATUSES: readonly { code: RecommendationStatus; label: Label }[] = [
  { code: 'planned', label: { id: 'Direncanakan', en: 'Planned' } },
  { code: 'delivered', label: { id: 'Diberikan', en: 'Delivered' } },
  { code: 'followed_up', label: { id: 'Ditindaklanjuti', en: 'Followed up' } }
];

export function interventionsFor(causeCode: string): Intervention[] {
  return INTERVENTIONS.filter((i) => i.causes.includes(causeCode));
}
