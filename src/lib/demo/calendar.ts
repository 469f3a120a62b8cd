/**
 * Audit calendar of one regency and semester: planned and actual completion day of the six stages.
 *
 * Shares of regencies that complete each stage (cumulative, in stage order) for a completed semester
 * grow from 2022-I (the programme's first cycle, kicked off in March 2022) to 2025; the 2023 values
 * match the Sipasti figures for 2022 in AKS.md §6 (teams ~97 %, audit ~86 %, dissemination ~80 %,
 * evaluation well below). One latent score per regency and semester decides how far it gets, so
 * stages are reached in order; the regency's capacity makes good and weak performers persistent.
 */
import { cumulativeStdNormalProbability } from 'simple-statistics';
import { STAGES } from '../domain/stages.ts';
import type { Period } from '../domain/periods.ts';
import { semesterStartDay } from './config.ts';
import type { RegencyParams } from './regencyParams.ts';
import { Rng } from './rng.ts';

/** Cumulative share reaching each stage (tim .. evaluasi) at anchor periods t (0 = 2022-I). */
const ANCHORS: readonly { t: number; reach: readonly number[] }[] = [
  { t: 0, reach: [0.93, 0.76, 0.68, 0.6, 0.48, 0.34] },
  { t: 2, reach: [0.97, 0.86, 0.8, 0.75, 0.6, 0.45] },
  { t: 7, reach: [0.995, 0.95, 0.91, 0.87, 0.78, 0.64] }
];

export function reachTargets(t: number): number[] {
  const i = ANCHORS.findIndex((a) => a.t >= t);
  if (i <= 0) return [...ANCHORS[Math.max(0, i)].reach];
  const a = ANCHORS[i - 1], b = ANCHORS[i];
  const f = (t - a.t) / (b.t - a.t);
  return a.reach.map((v, k) => v + f * (b.reach[k] - v));
}

/** Rarely a regency does not report the dissemination although it reported the later stages. */
export const SKIPPED_DISSEMINATION_RATE = 0.015;

export interface CalendarCell {
  /** Per stage (STAGES order): planned day and actual day (null = not done by the data date). */
  planned: number[];
  actual: (number | null)[];
  /** Day the cases were selected (stage 'seleksi'), null when selection was not reached. */
  selectionDay: number | null;
  /** Day of the expert review (stage 'kajian'), null when not reached. */
  reviewDay: number | null;
}

export function simulateCalendar(seed: number, p: RegencyParams, period: Period, t: number, dataDay: number): CalendarCell {
  const rng = new Rng(seed, 'calendar', p.index, t);
  const start = semesterStartDay(period);
  const reach = reachTargets(t);
  // Latent position of this regency in this semester: persistent capacity plus semester noise.
  const u = cumulativeStdNormalProbability(0.55 * p.capacity + 0.8 * rng.normal());
  const lateRate = 0.2 - 0.07 * Math.tanh(p.capacity);
  const planned: number[] = [];
  const actual: (number | null)[] = [];
  let prev = start;
  let stopped = false;
  STAGES.forEach((s, k) => {
    const plannedDay = start + rng.int(Math.round((s.startDay + s.endDay) / 2), s.endDay);
    planned.push(plannedDay);
    let delay = Math.round(rng.normal(-7, 7));
    if (rng.bernoulli(lateRate)) delay += Math.round(rng.exponential(25)); // late, beyond the window
    const day = Math.max(plannedDay + delay, start + Math.max(0, s.startDay - 10), prev);
    if (stopped || u >= reach[k] || day > dataDay) {
      stopped = true;
      actual.push(null);
    } else {
      actual.push(day);
      prev = day;
    }
  });
  const di = STAGES.findIndex((s) => s.code === 'diseminasi');
  if (actual[di + 1] !== null && actual[di + 1] !== undefined && rng.bernoulli(SKIPPED_DISSEMINATION_RATE)) actual[di] = null;
  return { planned, actual, selectionDay: actual[1], reviewDay: actual[2] };
}
