/**
 * Pure presentation logic of the calendar view: status counts, the behind-schedule list (sorting),
 * stage labels and skipped stages.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE, STAGE_BY_CODE, type Lang, type StageCode } from '$lib/domain/index.ts';
import { REGION_STATUSES, type RegionStatus } from '$lib/calendar/status.ts';
import type { RegionStatusRow } from '$lib/queries/calendar/index.ts';
import { LOCALES } from '$lib/i18n/format.ts';
import type { SortKey } from './params.ts';

export interface StatusCount {
  status: RegionStatus;
  n: number;
  pct: number;
}
/** Regions per status (every status, zero included), in a fixed order. */
export function statusCounts(rows: readonly Pick<RegionStatusRow, 'status'>[]): StatusCount[] {
  const total = rows.length;
  return REGION_STATUSES.map((status) => {
    const n = rows.filter((r) => r.status === status).length;
    return { status, n, pct: total ? (100 * n) / total : 0 };
  });
}

export interface LateItem extends RegionStatusRow {
  name: string;
  province: string;
}
/** Regions with any lateness (a stage overdue, or completed after its window), with names. */
export function lateList(rows: readonly RegionStatusRow[]): LateItem[] {
  return rows
    .filter((r) => r.days_late > 0)
    .map((r) => ({ ...r, name: REGENCY_BY_CODE.get(r.code)?.name ?? r.code, province: PROVINCE_BY_CODE.get(r.province_code)?.name ?? r.province_code }));
}

const STATUS_RANK: Record<RegionStatus, number> = { not_started: 0, late: 1, on_track: 2, done: 3, not_begun: 4 };

export function sortLate(items: readonly LateItem[], key: SortKey, desc: boolean, lang: Lang): LateItem[] {
  const coll = new Intl.Collator(LOCALES[lang]);
  const dir = desc ? -1 : 1;
  const byName = (a: LateItem, b: LateItem) => coll.compare(a.name, b.name);
  const cmp: Record<SortKey, (a: LateItem, b: LateItem) => number> = {
    days: (a, b) => a.days_late - b.days_late,
    name: byName,
    status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status],
    stage: (a, b) => a.furthest - b.furthest
  };
  return [...items].sort((a, b) => dir * cmp[key](a, b) || byName(a, b));
}

export const stageLabel = (code: string | null, lang: Lang): string =>
  code ? (STAGE_BY_CODE.get(code as StageCode)?.label[lang] ?? code) : '';

/** A stage not done while a later stage of the same region is done (not reported). */
export function isSkipped(rows: readonly { stage_order: number; actual: string | null }[], order: number): boolean {
  const own = rows.find((r) => r.stage_order === order);
  return !!own && own.actual === null && rows.some((r) => r.stage_order > order && r.actual !== null);
}
