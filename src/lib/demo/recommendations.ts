/**
 * Expert-panel recommendations (RTL items) of a case: 1–3 interventions that answer the case's causes,
 * the responsible agency, and the follow-up status as of the data date.
 *
 * Delivery depends on the regency's capacity, improves semester by semester, and is lower and slower
 * for nutrition-sensitive interventions (water, latrines, housing, social assistance need agencies
 * outside health and a budget cycle) than for nutrition-specific ones.
 */
import { interventionsFor, type Intervention, type RecommendationStatus } from '../domain/interventions.ts';
import type { TargetGroupCode } from '../domain/targetGroups.ts';
import type { CauseRow } from './causeMix.ts';
import type { RegencyParams } from './regencyParams.ts';
import { Rng, logistic } from './rng.ts';

const MOTHERS: readonly TargetGroupCode[] = ['catin', 'bumil', 'nifas'];
const CHILDREN: readonly TargetGroupCode[] = ['baduta', 'balita'];
/** Interventions that only make sense for some groups (the rest fit every group). */
export const INTERVENTION_GROUPS: Readonly<Record<string, readonly TargetGroupCode[]>> = {
  pmt_ibu: MOTHERS,
  ttd: MOTHERS,
  pmt_balita: CHILDREN,
  tata_laksana_gizi: ['nifas', ...CHILDREN],
  konseling_asi_mpasi: ['nifas', ...CHILDREN],
  imunisasi_kejar: CHILDREN,
  pemantauan_tumbuh: CHILDREN,
  pengobatan_infeksi: ['bumil', ...CHILDREN],
  anc_terpadu: ['bumil'],
  kb_pascapersalinan: ['bumil', 'nifas'],
  pendampingan_catin: ['catin', 'bumil']
};
export function interventionFits(i: Intervention, group: TargetGroupCode): boolean {
  return INTERVENTION_GROUPS[i.code]?.includes(group) ?? true;
}

/** Share of poverty/intake recommendations handed to a BAAS foster parent instead of the usual agency. */
const BAAS_SHARE = 0.12;
const BAAS_ELIGIBLE = new Set(['pmt_balita', 'pmt_ibu', 'bansos']);

export interface RecommendationRow {
  cause_code: string;
  intervention_code: string;
  intervention_class: Intervention['class'];
  agency_code: string;
  status: RecommendationStatus;
  recommended_date: number;
  due_date: number;
  delivered_date: number | null;
  followed_up_date: number | null;
}

const fitting = new Map<string, Intervention[]>();
function candidates(cause: string, group: TargetGroupCode): Intervention[] {
  const key = `${cause}|${group}`;
  let list = fitting.get(key);
  if (!list) {
    list = interventionsFor(cause).filter((i) => interventionFits(i, group));
    fitting.set(key, list);
  }
  return list;
}

export function drawRecommendations(
  rng: Rng, p: RegencyParams, group: TargetGroupCode, causes: readonly CauseRow[], reviewDay: number, t: number, dataDay: number
): RecommendationRow[] {
  const n = 1 + (rng.bernoulli(0.55) ? 1 : 0) + (rng.bernoulli(0.3) ? 1 : 0);
  const used = new Set<string>();
  const out: RecommendationRow[] = [];
  for (let k = 0; k < n; k++) {
    // First recommendation answers the primary cause; later ones the other causes in turn.
    const cause = causes[k % causes.length].cause_code;
    const options = candidates(cause, group).filter((i) => !used.has(i.code));
    if (options.length === 0) continue;
    const iv = options[rng.int(0, options.length - 1)];
    used.add(iv.code);
    const agency = BAAS_ELIGIBLE.has(iv.code) && (cause === 'kemiskinan' || cause === 'asupan_gizi') && rng.bernoulli(BAAS_SHARE) ? 'baas' : iv.agency;
    const specific = iv.class === 'spesifik';
    const pDeliver = logistic((specific ? 1.0 : -0.4) + 0.55 * p.capacity + 0.18 * t);
    const due = reviewDay + iv.dueDays;
    let status: RecommendationStatus = 'planned';
    let delivered: number | null = null;
    let followed: number | null = null;
    // Draw everything unconditionally so the stream does not depend on the outcome.
    const willDeliver = rng.bernoulli(pDeliver);
    const speed = Math.exp(rng.normal(specific ? -0.15 : 0.25, 0.45)); // sensitive ones run later
    const willFollow = rng.bernoulli(0.55 + 0.04 * t + 0.1 * Math.tanh(p.capacity));
    const followGap = rng.int(14, 75);
    if (willDeliver) {
      const d = reviewDay + Math.max(1, Math.round(iv.dueDays * speed));
      if (d <= dataDay) {
        status = 'delivered';
        delivered = d;
        if (willFollow && d + followGap <= dataDay) {
          status = 'followed_up';
          followed = d + followGap;
        }
      }
    }
    out.push({
      cause_code: cause, intervention_code: iv.code, intervention_class: iv.class, agency_code: agency,
      status, recommended_date: reviewDay, due_date: due, delivered_date: delivered, followed_up_date: followed
    });
  }
  return out;
}
