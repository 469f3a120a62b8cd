/**
 * Pure presentation logic of the calendar view: its URL parameters, status counts, the
 * behind-schedule list (sorting) and the CSV columns.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE, STAGE_BY_CODE, type Lang, type StageCode } from '$lib/domain/index.ts';
import { parseIsoDate } from '$lib/calendar/dates.ts';
import { REGION_STATUSES, type RegionStatus } from '$lib/calendar/status.ts';
import type { RegionStatusRow } from '$lib/queries/calendar/index.ts';
import type { CsvColumn } from '$lib/export/csv.ts';
import { LOCALES } from '$lib/i18n/format.ts';

export const MAX_TIMELINE = 5;
export const SORT_KEYS = ['days', 'name', 'status', 'stage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ViewParams {
  /** As-of date from the URL (`per`), or null = the snapshot's data date. */
  per: string | null;
  /** Regencies for the timeline (`wil`), validated, at most MAX_TIMELINE. */
  wil: string[];
  sort: SortKey;
  desc: boolean;
}

/** Parses the view's own parameters; `province` limits the timeline's regencies to that province. */
export function parseParams(extras: Readonly<Record<string, string>>, province: string | null): ViewParams {
  const wil: string[] = [];
  for (const c of (extras.wil ?? '').split(',').map((s) => s.trim())) {
    const r = REGENCY_BY_CODE.get(c);
    if (r && (province === null || r.provinceCode === province) && !wil.includes(c) && wil.length < MAX_TIMELINE) wil.push(c);
  }
  const sort = (SORT_KEYS as readonly string[]).includes(extras.urut) ? (extras.urut as SortKey) : 'days';
  const desc = extras.arah ? extras.arah !== 'naik' : sort === 'days';
  return { per: parseIsoDate(extras.per), wil, sort, desc };
}

/** The URL patch for params (defaults removed). */
export function paramsPatch(p: ViewParams): Record<string, string | null> {
  const defaultDesc = p.sort === 'days';
  return {
    per: p.per,
    wil: p.wil.length ? p.wil.join(',') : null,
    urut: p.sort === 'days' ? null : p.sort,
    arah: p.desc === defaultDesc ? null : p.desc ? 'turun' : 'naik'
  };
}

export function nextSort(p: ViewParams, key: SortKey): ViewParams {
  if (p.sort === key) return { ...p, desc: !p.desc };
  return { ...p, sort: key, desc: key === 'days' };
}

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

/** CSV columns of the behind-schedule list (numbers unformatted, codes kept for machines). */
export function lateColumns(t: (k: 'regencyCol' | 'provinceCol' | 'statusCol' | 'furthestCol' | 'overdueCol' | 'doneLateCol' | 'daysLateCol' | 'worstCol' | 'asOfCol', v?: Record<string, string>) => string,
  statusLabel: (s: RegionStatus) => string, lang: Lang): CsvColumn<LateItem>[] {
  return [
    { header: 'kode', value: (r) => r.code },
    { header: t('regencyCol'), value: (r) => r.name },
    { header: t('provinceCol'), value: (r) => r.province },
    { header: t('statusCol'), value: (r) => statusLabel(r.status) },
    { header: t('furthestCol'), value: (r) => r.furthest },
    { header: t('overdueCol'), value: (r) => r.overdue },
    { header: t('doneLateCol'), value: (r) => r.done_late },
    { header: t('daysLateCol'), value: (r) => r.days_late },
    { header: t('worstCol'), value: (r) => stageLabel(r.worst_stage, lang) },
    { header: t('asOfCol'), value: (r) => r.as_of }
  ];
}

/** A stage not done while a later stage of the same region is done (not reported). */
export function isSkipped(rows: readonly { stage_order: number; actual: string | null }[], order: number): boolean {
  const own = rows.find((r) => r.stage_order === order);
  return !!own && own.actual === null && rows.some((r) => r.stage_order > order && r.actual !== null);
}
