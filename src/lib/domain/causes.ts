import type { Label } from './label.ts';
import type { TargetGroupCode } from './targetGroups.ts';

/** Nutrition-specific (direct: intake, infection, health care) vs nutrition-sensitive (indirect). */
export type CauseClass = 'spesifik' | 'sensitif';

export const CAUSE_CLASSES: readonly { code: CauseClass; label: Label }[] = [
  { code: 'spesifik', label: { id: 'Gizi spesifik', en: 'Nutrition-specific' } },
  { code: 'sensitif', label: { id: 'Gizi sensitif', en: 'Nutrition-sensitive' } }
];

export interface Cause {
  code: string;
  class: CauseClass;
  label: Label;
  /** The target groups an expert panel can attribute this cause to. */
  groups: readonly TargetGroupCode[];
}

const ALL: readonly TargetGroupCode[] = ['catin', 'bumil', 'nifas', 'baduta', 'balita'];
const MOTHERS: readonly TargetGroupCode[] = ['catin', 'bumil', 'nifas'];
const CHILDREN: readonly TargetGroupCode[] = ['baduta', 'balita'];

/**
 * Root-cause taxonomy (AKS.md §3.4: direct vs indirect causes, Perpres 72/2021 specific S1–S9 and
 * sensitive N1–N9 blocks). This is the dashboard's coding, not an official BKKBN code list.
 */
export const CAUSES: readonly Cause[] = [
  // nutrition-specific
  { code: 'asupan_gizi', class: 'spesifik', groups: ALL, label: { id: 'Asupan gizi kurang', en: 'Inadequate dietary intake' } },
  { code: 'kek', class: 'spesifik', groups: MOTHERS, label: { id: 'Kurang energi kronik (KEK)', en: 'Chronic energy deficiency' } },
  { code: 'anemia', class: 'spesifik', groups: MOTHERS, label: { id: 'Anemia', en: 'Anaemia' } },
  { code: 'ttd_tidak_patuh', class: 'spesifik', groups: ['catin', 'bumil'], label: { id: 'Tidak patuh minum TTD', en: 'Not taking iron-folic acid tablets' } },
  { code: 'anc_tidak_lengkap', class: 'spesifik', groups: ['bumil'], label: { id: 'Pemeriksaan kehamilan (ANC) tidak lengkap', en: 'Incomplete antenatal care' } },
  { code: 'bblr_prematur', class: 'spesifik', groups: ['nifas', ...CHILDREN], label: { id: 'BBLR / prematur', en: 'Low birth weight / premature' } },
  { code: 'asi_tidak_eksklusif', class: 'spesifik', groups: ['nifas', 'baduta'], label: { id: 'ASI tidak eksklusif', en: 'Not exclusively breastfed' } },
  { code: 'mpasi_tidak_tepat', class: 'spesifik', groups: CHILDREN, label: { id: 'MP-ASI tidak tepat', en: 'Inappropriate complementary feeding' } },
  { code: 'penyakit_infeksi', class: 'spesifik', groups: ['bumil', ...CHILDREN], label: { id: 'Penyakit infeksi berulang', en: 'Recurrent infection' } },
  { code: 'imunisasi_tidak_lengkap', class: 'spesifik', groups: CHILDREN, label: { id: 'Imunisasi dasar tidak lengkap', en: 'Incomplete basic immunisation' } },
  { code: 'tidak_dipantau', class: 'spesifik', groups: CHILDREN, label: { id: 'Pertumbuhan tidak dipantau', en: 'Growth not monitored' } },
  // nutrition-sensitive
  { code: 'air_minum', class: 'sensitif', groups: ALL, label: { id: 'Air minum tidak layak', en: 'No safe drinking water' } },
  { code: 'sanitasi', class: 'sensitif', groups: ALL, label: { id: 'Jamban / sanitasi tidak layak', en: 'No proper sanitation' } },
  { code: 'rumah_tidak_layak', class: 'sensitif', groups: ALL, label: { id: 'Rumah tidak layak huni', en: 'Inadequate housing' } },
  { code: 'kemiskinan', class: 'sensitif', groups: ALL, label: { id: 'Kemiskinan / pra-sejahtera', en: 'Poverty' } },
  { code: 'pola_asuh', class: 'sensitif', groups: ['nifas', ...CHILDREN], label: { id: 'Pola asuh kurang tepat', en: 'Inadequate caregiving' } },
  { code: 'pengetahuan_rendah', class: 'sensitif', groups: ALL, label: { id: 'Pengetahuan gizi rendah', en: 'Low nutrition knowledge' } },
  { code: 'pernikahan_dini', class: 'sensitif', groups: ['catin', 'bumil'], label: { id: 'Pernikahan usia anak', en: 'Early marriage' } },
  { code: 'empat_terlalu', class: 'sensitif', groups: MOTHERS, label: { id: '4 Terlalu (tua, dekat, banyak)', en: 'Four toos (old, close, many)' } },
  { code: 'tidak_kb', class: 'sensitif', groups: ['nifas'], label: { id: 'Tidak ber-KB pascapersalinan', en: 'No post-partum family planning' } },
  { code: 'asap_rokok', class: 'sensitif', groups: ['bumil', ...CHILDREN], label: { id: 'Paparan asap rokok', en: 'Exposure to tobacco smoke' } },
  { code: 'tanpa_jaminan_kesehatan', class: 'sensitif', groups: ALL, label: { id: 'Tanpa jaminan kesehatan', en: 'No health insurance' } }
];

export const CAUSE_CODES = CAUSES.map((c) => c.code);
export const CAUSE_BY_CODE: ReadonlyMap<string, Cause> = new Map(CAUSES.map((c) => [c.code, c]));

export function causesFor(group: TargetGroupCode): Cause[] {
  return CAUSES.filter((c) => c.groups.includes(group));
}
export function causeAppliesTo(code: string, group: TargetGroupCode): boolean {
  return CAUSE_BY_CODE.get(code)?.groups.includes(group) ?? false;
}
