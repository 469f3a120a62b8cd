import type { TargetGroupCode } from './targetGroups.ts';

/**
 * Risk criteria (AKS.md §2.2–2.3) and plausibility limits of worksheet measurements.
 * Pure functions shared by the generator, the import validation and the SQL documentation.
 */
export const HAZ_STUNTED = -2;
export const HAZ_SEVERE = -3;
/** WHO flags height-for-age z-scores outside ±6 as implausible. */
export const HAZ_LIMITS = [-6, 6] as const;
export const WHZ_LIMITS = [-5, 5] as const;
export const LILA_KEK_CM = 23.5;
export const LILA_LIMITS = [10, 50] as const;
export const HB_LIMITS = [3, 20] as const;
export const BIRTH_WEIGHT_LIMITS = [400, 6000] as const;
export const LBW_GRAMS = 2500;
export const MOTHER_AGE_LIMITS = [10, 60] as const;

/** Hb threshold for anaemia (g/dL): pregnant women 11 (10.5 in trimester II), others 11 as BKKBN's catin screening. */
export function anaemiaThreshold(group: TargetGroupCode, trimester?: number | null): number {
  if (group === 'bumil' && trimester === 2) return 10.5;
  return 11;
}
export function isAnaemic(group: TargetGroupCode, hb: number, trimester?: number | null): boolean {
  return hb < anaemiaThreshold(group, trimester);
}
export function isKek(lila: number): boolean {
  return lila < LILA_KEK_CM;
}
export function isStunted(haz: number): boolean {
  return haz < HAZ_STUNTED;
}
/** 4T: too young (< 20) or too old (>= 35). Spacing and parity are worksheet flags. */
export function isTooYoung(age: number): boolean {
  return age < 20;
}
export function isTooOld(age: number): boolean {
  return age >= 35;
}
