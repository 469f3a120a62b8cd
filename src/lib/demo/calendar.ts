/**
 * Audit calendar of one regency and semester: planned and actual completion day of the six stages,
 * against the stage windows of data/reference/calendar-windows.csv (the snapshot's calendar_windows).
 *
 * Calibrated to what Sipasti reported (AKS.md §6, checked by calibration.spec.ts): for 2022 at year end
 * teams formed in ~97 % of kab/kota, audit done ~86.5 %, dissemination ~85 %, RTL evaluation ~81 %;
 * for cycle I 2024 as of 8 June 2024 tahap 1–4 at 98.8 / 66.1 / 6.4 / 0.6 %. Semester-I dissemination
 * falls in July–August (its window). One latent score per regency and semester decides how far it
 * gets, so stages are reached in order; the regency's capacity makes good and weak performers
 * persistent. Most regencies finish each stage late in its window (a few weeks late now and then); a
 * few run ahead of the calendar, their whole cycle compressed early in the semester (the 6 % that had
 * disseminated cycle I 2024 by June).
 */
import { cumulativeStdNormalProbability } from 'simple-statistics';
import type { Period } from '../domain/periods.ts';
import { STAGES } from '../domain/stages.ts';
import { windowsFor, type CalendarWindowRow } from '../calendar/windows.ts';
import { epochDay } from './config.ts';
import type { RegencyParams } from './regencyParams.ts';
import { Rng } from './rng.ts';

/** Cumulative share reaching each stage (tim .. evaluasi) at anchor periods t (0 = 2022-I). */
const ANCHORS: readonly { t: number; reach: readonly number[] }[] = [
  { t: 0, reach: [0.962, 0.9, 0.868, 0.865, 0.84, 0.83] },
  { t: 4, reach: [0.99, 0.94, 0.915, 0.9, 0.88, 0.86] },
  { t: 7, reach: [0.997, 0.97, 0.95, 0.93, 0.91, 0.89] }
];

/** Share of regency-semesters running ahead of the calendar, and how compressed their cycle is. */
export const AHEAD_RATE = 0.18;
const AHEAD_SPAN: readonly [number, number] = [0.4, 0.8];

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

export function simulateCalendar(
  seed: number, p: RegencyParams, period: Period, t: number, dataDay: number, table: readonly CalendarWindowRow[]
): CalendarCell {
  const rng = new Rng(seed, 'calendar', p.index, t);
  const windows = windowsFor(table, period).map((w) => ({ start: epochDay(w.start), end: epochDay(w.end) }));
  if (windows.length === 0) throw new Error(`no calendar windows for ${period.year}-${period.semester}`);
  const reach = reachTargets(t);
  // Latent position of this regency in this semester: persistent capacity plus semester noise.
  const u = cumulativeStdNormalProbability(0.55 * p.capacity + 0.8 * rng.normal());
  const lateRate = 0.2 - 0.07 * Math.tanh(p.capacity);
  const ahead = rng.bernoulli(AHEAD_RATE);
  const span = rng.uniform(...AHEAD_SPAN);
  const kickoff = windows[0].start;
  const planned: number[] = [];
  const actual: (number | null)[] = [];
  let prev = kickoff;
  let stopped = false;
  windows.forEach((w, k) => {
    const plannedDay = rng.int(Math.round((w.start + w.end) / 2), w.end);
    planned.push(plannedDay);
    let delay = Math.round(rng.normal(-7, 7));
    if (rng.bernoulli(lateRate)) delay += Math.round(rng.exponential(25)); // late, beyond the window
    const onCalendar = Math.max(plannedDay + delay, w.start - 10);
    const day = Math.max(ahead ? kickoff + Math.round(span * (w.end - kickoff)) : onCalendar, prev);
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
