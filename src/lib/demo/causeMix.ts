/**
 * The expert panel's conclusion for a case: 1–4 root causes valid for the target group, exactly one
 * primary. Weight of a cause = national base weight × regency profile multiplier × time trend ×
 * what the worksheet shows (a KEK cause needs a low LiLA, a sanitation cause a household without a
 * proper latrine, and so on: causes not backed by a flag are rare).
 */
import { CAUSES, type CauseClass } from '../domain/causes.ts';
import type { TargetGroupCode } from '../domain/targetGroups.ts';
import type { CaseMeasures } from './caseRecord.ts';
import type { RegencyParams } from './regencyParams.ts';
import { Rng } from './rng.ts';

/** National base weights (relative frequency a panel names the cause, before regional profiles). */
export const BASE_WEIGHT: Readonly<Record<string, number>> = {
  asupan_gizi: 1.6, kek: 1, anemia: 1, ttd_tidak_patuh: 0.6, anc_tidak_lengkap: 0.6, bblr_prematur: 0.9,
  asi_tidak_eksklusif: 0.9, mpasi_tidak_tepat: 1, penyakit_infeksi: 0.9, imunisasi_tidak_lengkap: 0.5,
  tidak_dipantau: 0.5, air_minum: 0.7, sanitasi: 0.8, rumah_tidak_layak: 0.4, kemiskinan: 1,
  pola_asuh: 0.9, pengetahuan_rendah: 0.9, pernikahan_dini: 0.35, empat_terlalu: 0.6, tidak_kb: 0.5,
  asap_rokok: 0.6, tanpa_jaminan_kesehatan: 0.3
};

/** Sanitation and water causes lose weight slowly semester by semester (programmes reach households). */
export function trendFactor(cause: string, t: number): number {
  if (cause === 'sanitasi') return 1 - 0.04 * t;
  if (cause === 'air_minum') return 1 - 0.025 * t;
  return 1;
}

/** Weight multiplier from the case's own worksheet flags. */
function flagFactor(cause: string, c: CaseMeasures): number {
  const backed = (flag: boolean | null, yes: number, no = 0.15) => (flag === null ? 1 : flag ? yes : no);
  switch (cause) {
    case 'kek': return backed(c.kek, 3);
    case 'anemia': return backed(c.anaemia, 3);
    case 'bblr_prematur': return backed(c.lbw, 4);
    case 'air_minum': return backed(c.unsafe_water, 3);
    case 'sanitasi': return backed(c.poor_sanitation, 3);
    case 'kemiskinan': return backed(c.poor_household, 2.5, 0.2);
    case 'rumah_tidak_layak': return backed(c.poor_household, 1.8, 0.4);
    case 'asap_rokok': return backed(c.smoker_in_house, 2, 0.05);
    case 'pernikahan_dini': return backed(c.too_young, 5, 0.1);
    case 'empat_terlalu': return c.too_old || c.too_close || c.too_many || c.too_young ? 3 : 0.15;
    case 'asupan_gizi': return c.severely_stunted ? 1.4 : 1;
    default: return 1;
  }
}

export interface CauseRow {
  cause_code: string;
  cause_class: CauseClass;
  is_primary: boolean;
}

const CAUSE_COUNT_WEIGHTS = [0.25, 0.35, 0.25, 0.15];
/** Causes applicable to each group, as indexes into CAUSES (precomputed). */
const APPLICABLE: ReadonlyMap<TargetGroupCode, number[]> = new Map(
  (['catin', 'bumil', 'nifas', 'baduta', 'balita'] as const).map((g) => [g, CAUSES.flatMap((c, i) => (c.groups.includes(g) ? [i] : []))])
);

export function drawCauses(rng: Rng, p: RegencyParams, c: CaseMeasures, t: number): CauseRow[] {
  const idx = APPLICABLE.get(c.target_group)!;
  const w = idx.map((i) => {
    const code = CAUSES[i].code;
    return BASE_WEIGHT[code] * p.causeMult[i] * trendFactor(code, t) * flagFactor(code, c);
  });
  const n = Math.min(idx.length, 1 + rng.weightedIndex(CAUSE_COUNT_WEIGHTS));
  const out: CauseRow[] = [];
  for (let k = 0; k < n; k++) {
    const j = rng.weightedIndex(w);
    const cause = CAUSES[idx[j]];
    out.push({ cause_code: cause.code, cause_class: cause.class, is_primary: k === 0 });
    w[j] = 0; // without replacement
  }
  return out;
}
