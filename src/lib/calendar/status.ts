/**
 * Audit calendar status rules. Pure functions; the SQL in src/lib/queries/calendar/status.ts applies
 * exactly the same rules (a spec compares both on the demo snapshot).
 *
 * Every date is judged "as of" a day A (the snapshot's data date, or one the user picks). Stage s of a
 * semester is expected between the start and end dates of its window, inclusive (the calendar_windows
 * table, data/reference/calendar-windows.csv, resolved by windowsFor in windows.ts); the region's own
 * planned date is shown but not judged.
 *
 * Stage at A:
 *   - an actual date after A has not happened yet (A replays history): the stage counts as not done;
 *   - done       actual ≤ A and actual ≤ window end (done early, before the window opens, is done);
 *   - done_late  actual ≤ A and actual > window end; days late = actual − window end;
 *   - overdue    not done and window end < A; days late = A − window end (still growing);
 *   - open       not done, window start ≤ A ≤ window end (due now, not late yet);
 *   - upcoming   not done, A < window start;
 *   - skipped    flag on a stage not done while a later stage is done (e.g. dissemination not
 *                reported although the RTL was): it still counts as not done, so it can be overdue.
 *
 * Region status at A, first rule that applies:
 *   1. not_begun    A is before the semester's first day;
 *   2. done         every stage is done (late completions included: the cycle is complete);
 *   3. not_started  the semester has begun but no stage is done;
 *   4. late         some stage is overdue. A stage completed late no longer makes the region late
 *                   once done (it is reported as done_late, with its days, in the timeline and in
 *                   the behind-schedule list);
 *   5. on_track     otherwise: every stage whose window has ended is done.
 * "On schedule" (the province map indicator) = on_track or done.
 * Furthest stage = highest order of a done stage (0 = none), so a skipped stage does not lower it.
 */
import type { Period } from '../domain/periods.ts';
import type { StageCode } from '../domain/stages.ts';
import { epochDay, semesterStartDay } from './dates.ts';
import { windowsFor, type CalendarWindowRow, type StageWindow } from './windows.ts';

export type { StageWindow } from './windows.ts';

export const REGION_STATUSES = ['not_begun', 'not_started', 'late', 'on_track', 'done'] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];
export type StageState = 'upcoming' | 'open' | 'overdue' | 'done' | 'done_late';

/** One calendar row of a region and semester (dates ISO YYYY-MM-DD or null). */
export interface StageRecord {
  stage: StageCode;
  planned: string | null;
  actual: string | null;
}

export interface StageEval extends StageWindow {
  planned: string | null;
  /** The actual date if on or before the as-of date, else null. */
  actual: string | null;
  state: StageState;
  /** Days past the window end (done_late or overdue), else 0. */
  daysLate: number;
  skipped: boolean;
}

export interface RegionEval {
  status: RegionStatus;
  /** Order of the furthest stage done (0 = none). */
  furthest: number;
  done: number;
  overdue: number;
  doneLate: number;
  /** Largest days late over the stages (overdue or done late), 0 if none. */
  daysLate: number;
  stages: StageEval[];
}

/** The expected windows of the semester's stages (from the calendar_windows table). */
export function stageWindows(p: Period, table: readonly CalendarWindowRow[]): StageWindow[] {
  return windowsFor(table, p);
}

/** Evaluates one stage at day `asOf` (epoch day); `laterDone` = a later stage is done by then. */
export function evaluateStage(w: StageWindow, rec: StageRecord | undefined, asOf: number, laterDone: boolean): StageEval {
  const end = epochDay(w.end);
  const actualDay = rec?.actual ? epochDay(rec.actual) : null;
  const done = actualDay !== null && actualDay <= asOf;
  let state: StageState;
  let daysLate = 0;
  if (done) {
    state = actualDay! > end ? 'done_late' : 'done';
    if (state === 'done_late') daysLate = actualDay! - end;
  } else if (end < asOf) {
    state = 'overdue';
    daysLate = asOf - end;
  } else state = asOf >= epochDay(w.start) ? 'open' : 'upcoming';
  return { ...w, planned: rec?.planned ?? null, actual: done ? rec!.actual!.slice(0, 10) : null, state, daysLate, skipped: !done && laterDone };
}

/**
 * Status of one region in semester `p` as of `asOfIso`, from its calendar rows (missing rows = not done),
 * judged against the windows of `table` (the calendar_windows rows).
 */
export function evaluateRegion(p: Period, records: readonly StageRecord[], asOfIso: string, table: readonly CalendarWindowRow[]): RegionEval {
  const asOf = epochDay(asOfIso);
  const byStage = new Map(records.map((r) => [r.stage, r]));
  const windows = stageWindows(p, table);
  const doneAt = windows.map((w) => {
    const a = byStage.get(w.stage)?.actual;
    return !!a && epochDay(a) <= asOf;
  });
  const stages = windows.map((w, i) => evaluateStage(w, byStage.get(w.stage), asOf, doneAt.slice(i + 1).some(Boolean)));
  const isDone = (s: StageEval) => s.state === 'done' || s.state === 'done_late';
  const done = stages.filter(isDone).length;
  const overdue = stages.filter((s) => s.state === 'overdue').length;
  const doneLate = stages.filter((s) => s.state === 'done_late').length;
  const furthest = stages.reduce((m, s) => (isDone(s) ? Math.max(m, s.order) : m), 0);
  const daysLate = stages.reduce((m, s) => Math.max(m, s.daysLate), 0);
  return { status: regionStatus(asOf < semesterStartDay(p), done, stages.length, overdue), furthest, done, overdue, doneLate, daysLate, stages };
}

/** The precedence of the region rules (shared by the TS and the SQL side's documentation). */
export function regionStatus(notBegun: boolean, done: number, total: number, overdue: number): RegionStatus {
  if (notBegun) return 'not_begun';
  if (done === total) return 'done';
  if (done === 0) return 'not_started';
  if (overdue > 0) return 'late';
  return 'on_track';
}

/** On schedule for the map's share: on track or done. */
export const onSchedule = (s: RegionStatus): boolean => s === 'on_track' || s === 'done';
