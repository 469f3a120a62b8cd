/**
 * The regency × semester cells of the demo, planned before any case row is written: the calendar of
 * each cell and how many cases it audited. Small (514 × 8 cells), so it is held in memory; the case
 * rows themselves are streamed (generate.ts).
 */
import { PERIODS } from './config.ts';
import { simulateCalendar, type CalendarCell } from './calendar.ts';
import type { CalendarWindowRow } from '../calendar/windows.ts';
import { readCalendarWindows } from '../snapshot/reference.ts';
import type { RegencyParams } from './regencyParams.ts';
import { Rng, clamp } from './rng.ts';

export interface Cell {
  params: RegencyParams;
  t: number;
  calendar: CalendarCell;
  cases: number;
}

/** Fewer cases in the first cycles (2022-I started in March), a little more from 2024. */
const PERIOD_FACTOR = [0.55, 0.8, 0.95, 1, 1.05, 1.05, 1.1, 1.1];

function baseCaseCount(seed: number, p: RegencyParams, t: number, cal: CalendarCell): number {
  if (cal.selectionDay === null) return 0; // no case selection, no cases
  const rng = new Rng(seed, 'count', p.index, t);
  const n = Math.round(p.volume * (PERIOD_FACTOR[t] ?? 1) * rng.uniform(0.85, 1.15));
  // From 2024 every target group must be audited, at least two cases each (AKS.md §1.5).
  return PERIODS[t].year >= 2024 ? Math.max(10, n) : clamp(n, 4, 40);
}

/**
 * Spreads exactly `total` cases over the cells in proportion to their base counts (largest
 * remainder, ties by cell order): used by --scale.
 */
function allocate(base: readonly number[], total: number): number[] {
  const sum = base.reduce((a, b) => a + b, 0);
  const exact = base.map((b) => (b * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

/** `windows`: the stage windows (default data/reference/calendar-windows.csv, what the snapshot carries). */
export function planCells(
  seed: number, params: readonly RegencyParams[], dataDay: number, scale?: number, windows: readonly CalendarWindowRow[] = readCalendarWindows()
): Cell[] {
  const cells: Cell[] = [];
  for (const p of params) {
    PERIODS.forEach((period, t) => {
      const calendar = simulateCalendar(seed, p, period, t, dataDay, windows);
      cells.push({ params: p, t, calendar, cases: baseCaseCount(seed, p, t, calendar) });
    });
  }
  if (scale !== undefined) {
    const counts = allocate(cells.map((c) => c.cases), scale);
    cells.forEach((c, i) => (c.cases = counts[i]));
  }
  return cells;
}
