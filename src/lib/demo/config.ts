/** Fixed parameters of the demo snapshot: same seed and dates give the same bytes. */
import { DEMO_PERIODS, type Period } from '../domain/periods.ts';

export const DEFAULT_SEED = 20260101;
/** The demo's "as of" date: nothing happens after it (2025-II is still open then). */
export const DEMO_DATA_DATE = '2026-01-15';
/** Fixed build time written to manifest.json, so the manifest is byte-identical run to run. */
export const DEMO_CREATED = '2026-01-15T00:00:00Z';
export const DEMO_NAME = 'demo';

export const PERIODS: readonly Period[] = DEMO_PERIODS;

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (what DuckDB stores for a DATE). */
export function epochDay(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
export function semesterStartDay(p: Period): number {
  return Math.round(Date.UTC(p.year, p.semester === 1 ? 0 : 6, 1) / DAY_MS);
}
