import type { Label } from './label.ts';

/**
 * WHO/UNICEF prevalence thresholds for stunting in children under five (de Onis et al. 2019, "Prevalence
 * thresholds for wasting, overweight and stunting in children under 5 years", Public Health Nutrition
 * 22(1)): very low < 2.5 %, low 2.5–< 10 %, medium 10–< 20 %, high 20–< 30 %, very high ≥ 30 %.
 */
export const WHO_STUNTING_THRESHOLDS: readonly number[] = [2.5, 10, 20, 30];
export const WHO_STUNTING_LEVELS: readonly Label[] = [
  { id: 'sangat rendah', en: 'very low' },
  { id: 'rendah', en: 'low' },
  { id: 'sedang', en: 'medium' },
  { id: 'tinggi', en: 'high' },
  { id: 'sangat tinggi', en: 'very high' }
];

/** The national interim target: stunting prevalence 14 % by 2024 (Perpres 72/2021 Pasal 5; AKS.md §3.1). */
export const NATIONAL_STUNTING_TARGET: { pct: number; label: Label } = {
  pct: 14,
  label: { id: 'Target nasional 14 % (Perpres 72/2021)', en: 'National target 14 % (Perpres 72/2021)' }
};
