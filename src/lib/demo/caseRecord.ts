/**
 * One audited case: target group, selection source, worksheet measurements and the risk flags computed
 * from them with src/lib/domain/risk.ts (flags that do not apply to the group are NULL).
 */
import type { CaseSourceCode } from '../domain/sources.ts';
import { TARGET_GROUP_BY_CODE, type TargetGroupCode } from '../domain/targetGroups.ts';
import {
  BIRTH_WEIGHT_LIMITS, HAZ_SEVERE, HB_LIMITS, LBW_GRAMS, LILA_LIMITS, WHZ_LIMITS,
  isAnaemic, isKek, isStunted, isTooOld, isTooYoung
} from '../domain/risk.ts';
import type { RegencyParams } from './regencyParams.ts';
import type { CaseRow } from '../domain/rows.ts';
import { hazMean } from './regencyParams.ts';
import { Rng, clamp, round1, round2 } from './rng.ts';

/** What the generator draws for one case: the measurement and flag columns of a case row. */
export type CaseMeasures = Omit<
  CaseRow,
  'case_id' | 'province_code' | 'regency_code' | 'year' | 'semester' | 'review_date' | 'primary_cause' | 'primary_class' | 'target_group' | 'source' | 'record_key'
> & {
  target_group: TargetGroupCode;
  source: CaseSourceCode;
  unsafe_water: boolean;
  poor_sanitation: boolean;
  poor_household: boolean;
  smoker_in_house: boolean;
};

const GROUPS: readonly TargetGroupCode[] = ['catin', 'bumil', 'nifas', 'baduta', 'balita'];
/** Typical case mix: children first, at least 2 per group from 2024 (AKS.md §1.5). */
const GROUP_WEIGHTS = [0.15, 0.19, 0.14, 0.27, 0.25];

export function drawGroup(rng: Rng, indexInCell: number, year: number): TargetGroupCode {
  if (year >= 2024 && indexInCell < 2 * GROUPS.length) return GROUPS[indexInCell % GROUPS.length];
  return rng.pick(GROUPS, GROUP_WEIGHTS);
}

const SOURCES: readonly CaseSourceCode[] = ['pk', 'eppgbm', 'elsimil', 'posyandu', 'lainnya'];
/** Selection source by group: catin from Elsimil, children from e-PPGBM/posyandu, PK for families at risk. */
const SOURCE_WEIGHTS: Readonly<Record<TargetGroupCode, readonly number[]>> = {
  catin: [0.08, 0, 0.78, 0.02, 0.12],
  bumil: [0.22, 0.2, 0.33, 0.15, 0.1],
  nifas: [0.28, 0.12, 0.27, 0.18, 0.15],
  baduta: [0.1, 0.5, 0.07, 0.28, 0.05],
  balita: [0.12, 0.55, 0, 0.28, 0.05]
};

export function drawCase(rng: Rng, p: RegencyParams, group: TargetGroupCode, t: number): CaseMeasures {
  const child = TARGET_GROUP_BY_CODE.get(group)!.subject === 'child';
  // Household flags (PK filters); sanitation improves slowly over the semesters.
  const unsafe_water = rng.bernoulli(p.pUnsafeWater * (1 - 0.02 * t));
  const poor_sanitation = rng.bernoulli(p.pPoorSanitation * (1 - 0.035 * t));
  const poor_household = rng.bernoulli(p.pPoorHousehold);
  const smoker_in_house = rng.bernoulli(p.pSmoker);
  const atRisk = unsafe_water || poor_sanitation || poor_household;
  const sw = SOURCE_WEIGHTS[group].map((w, i) => (SOURCES[i] === 'pk' && atRisk ? w * 2 : w));
  const source = rng.pick(SOURCES, sw);
  const c: CaseMeasures = {
    target_group: group, source, mother_age_years: null, trimester: null, child_age_months: null, child_sex: null,
    haz: null, whz: null, birth_weight_g: null, lila_cm: null, hb_g_dl: null,
    stunted: null, severely_stunted: null, kek: null, anaemia: null, lbw: null,
    too_young: null, too_old: null, too_close: null, too_many: null,
    unsafe_water, poor_sanitation, poor_household, smoker_in_house
  };
  if (child) {
    const [lo, hi] = TARGET_GROUP_BY_CODE.get(group)!.ageMonths!;
    c.child_age_months = rng.int(lo, hi);
    c.child_sex = rng.bernoulli(0.52) ? 'L' : 'P';
    const haz = round2(clamp(rng.normal(hazMean(p, t), 1), -5.9, 3));
    c.haz = haz;
    c.whz = round2(clamp(rng.normal(-0.7 + 0.25 * (haz + 2), 1), WHZ_LIMITS[0] + 0.1, WHZ_LIMITS[1] - 0.1));
    // Shorter children were more often born small.
    c.birth_weight_g = Math.round(clamp(rng.normal(3000 + 140 * (haz + 2), 420), 900, 4800) / 10) * 10;
    c.stunted = isStunted(haz);
    c.severely_stunted = haz < HAZ_SEVERE;
    c.lbw = c.birth_weight_g < LBW_GRAMS;
    return c;
  }
  const ageMean = group === 'catin' ? 22 : group === 'bumil' ? 27 : 28;
  const ageShift = group === 'nifas' ? p.motherAgeShift / 2 : p.motherAgeShift;
  const age = Math.round(clamp(rng.normal(ageMean + ageShift, group === 'catin' ? 3.5 : 6.5), 14, 48));
  c.mother_age_years = age;
  c.too_young = isTooYoung(age);
  c.too_old = isTooOld(age);
  if (group !== 'catin') {
    // Spacing and parity only exist for women who have given birth before.
    const parityRisk = Math.max(0, (age - 22) / 40);
    c.too_close = rng.bernoulli(0.08 + parityRisk * 0.4);
    c.too_many = rng.bernoulli(Math.max(0, (age - 25) / 35));
  }
  if (group === 'bumil') c.trimester = rng.int(1, 3);
  c.lila_cm = round1(clamp(rng.normal(p.lilaMean, 2.6), LILA_LIMITS[0] + 5, LILA_LIMITS[1] - 10));
  c.hb_g_dl = round1(clamp(rng.normal(p.hbMean - (group === 'bumil' ? 0.3 : 0), 1.3), HB_LIMITS[0] + 2, HB_LIMITS[1] - 3));
  c.kek = isKek(c.lila_cm);
  c.anaemia = isAnaemic(group, c.hb_g_dl, c.trimester);
  if (group === 'nifas') {
    c.birth_weight_g = Math.round(clamp(rng.normal(3000 - (c.kek ? 250 : 0), 450), BIRTH_WEIGHT_LIMITS[0] + 500, 4800) / 10) * 10;
    c.lbw = c.birth_weight_g < LBW_GRAMS;
  }
  return c;
}
