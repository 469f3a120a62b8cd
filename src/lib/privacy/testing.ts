/**
 * Shared by the public-mode property tests (never imported by the app): a seeded PRNG so a failing
 * state replays from its seed, random picks, random places and periods of the domain, and CSV parsing
 * with a real parser.
 */
import Papa from 'papaparse';
import { DEMO_PERIODS, PROVINCES, TARGET_GROUP_CODES, regenciesOf, type Period, type TargetGroupCode } from '$lib/domain/index.ts';

/** mulberry32: a small, well-mixed, seeded PRNG in [0, 1). */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** A pick, or null with probability pNull. */
export const pickOr = <T>(r: () => number, xs: readonly T[], pNull: number): T | null => (r() < pNull ? null : pick(r, xs));

export interface RandomPlace {
  period: Period | null;
  group: TargetGroupCode | null;
  province: string | null;
  regency: string | null;
}
/** A random filter state: each part absent (all) with the given probability; a regency only inside a province. */
export function randomPlace(
  r: () => number,
  p: { period?: number; group?: number; province?: number; regency?: number } = {},
  periods: readonly Period[] = DEMO_PERIODS
): RandomPlace {
  const province = pickOr(r, PROVINCES.map((x) => x.code), p.province ?? 0.3);
  return {
    period: pickOr(r, periods, p.period ?? 0.3),
    group: pickOr(r, TARGET_GROUP_CODES, p.group ?? 0.4),
    province,
    regency: province ? pickOr(r, regenciesOf(province).map((x) => x.code), p.regency ?? 0.5) : null
  };
}

/** CSV text (with or without BOM) as records, header first. */
export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}
