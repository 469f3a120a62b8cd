/**
 * Per-regency parameters of the simulation, drawn once from the seed: implementation capacity, case
 * volume, stunting level, household risk rates, maternal measurement shifts and the cause mix.
 */
import { probit } from 'simple-statistics';
import { CAUSES } from '../domain/causes.ts';
import { REGENCIES, type Regency } from '../domain/regions.ts';
import { auditedStuntedShare, regencyPrevalence } from './calibration.ts';
import { PROFILES, PROVINCE_CAPACITY, regencyProfiles, type ProfileCode, type ProfileStrengths } from './profiles.ts';
import { Rng, clamp } from './rng.ts';

export interface RegencyParams {
  index: number;
  regency: Regency;
  profiles: ProfileStrengths;
  /** Latent implementation capacity (z-score): calendar progress and delivery of recommendations. */
  capacity: number;
  /** Typical number of audited cases in a full semester. */
  volume: number;
  /** Reference (survey-like) stunting prevalence. */
  prevalence: number;
  /** Probabilities of the household flags (before the time trend). */
  pUnsafeWater: number;
  pPoorSanitation: number;
  pPoorHousehold: number;
  pSmoker: number;
  /** Mean Hb (g/dL) and LiLA (cm) of audited mothers, mean age shift (years) of catin/bumil. */
  hbMean: number;
  lilaMean: number;
  motherAgeShift: number;
  /** Multiplier of each cause's base weight, indexed like CAUSES. */
  causeMult: Float64Array;
}

/** Share stunted among audited children in period t: calibrated level, slowly improving. */
export function stuntedShare(p: RegencyParams, t: number): number {
  return clamp(auditedStuntedShare(p.prevalence) - 0.008 * t, 0.2, 0.85);
}
/** Mean HAZ of audited children so that P(HAZ < -2) equals the stunted share (HAZ sd = 1). */
export function hazMean(p: RegencyParams, t: number): number {
  return -2 - probit(stuntedShare(p, t));
}

export function buildRegencyParams(seed: number): RegencyParams[] {
  const jitterRng = (code: string) => new Rng(seed, 'prevalence', code).normal();
  const prevalence = regencyPrevalence(jitterRng);
  return REGENCIES.map((regency, index) => {
    const rng = new Rng(seed, 'regency', regency.code);
    const profiles = regencyProfiles(regency);
    const { wash, maternal, early_marriage } = profiles;
    const causeMult = new Float64Array(CAUSES.length);
    CAUSES.forEach((c, i) => {
      let m = Math.exp(rng.normal(0, 0.2)); // local variation of every cause
      for (const code of Object.keys(PROFILES) as ProfileCode[]) {
        const boost = PROFILES[code].boosts[c.code];
        if (boost !== undefined) m *= 1 + profiles[code] * (boost - 1);
      }
      causeMult[i] = m;
    });
    return {
      index,
      regency,
      profiles,
      capacity: (PROVINCE_CAPACITY[regency.provinceCode] ?? 0) + rng.normal(0, 0.8) + (regency.kind === 'kota' ? 0.2 : 0),
      volume: Math.round(clamp(rng.normal(19, 5), 10, 30)),
      prevalence: prevalence.get(regency.code)!,
      pUnsafeWater: clamp(0.12 + 0.42 * wash + rng.normal(0, 0.04), 0.02, 0.9),
      pPoorSanitation: clamp(0.18 + 0.5 * wash + rng.normal(0, 0.04), 0.02, 0.9),
      pPoorHousehold: clamp(0.3 + 0.15 * wash + rng.normal(0, 0.06), 0.05, 0.9),
      pSmoker: clamp(0.45 + rng.normal(0, 0.06), 0.1, 0.8),
      hbMean: 11.8 - 1.0 * maternal + rng.normal(0, 0.15),
      lilaMean: 25.2 - 1.8 * maternal + rng.normal(0, 0.3),
      motherAgeShift: -3.5 * early_marriage,
      causeMult
    };
  });
}
