/**
 * The calendar view's URL parameters, parsed and validated here (unknown values fall back to the
 * defaults) and written back minimally:
 *   per=YYYY-MM-DD              as-of date (default: the snapshot's data date)
 *   wil=32.01,32.03             regencies in the timeline (of the province shown, at most 5)
 *   urut=<key>&arah=naik|turun  behind-schedule order (default: days late, most first)
 */
import { REGENCY_BY_CODE } from '$lib/domain/index.ts';
import { parseIsoDate } from '$lib/calendar/dates.ts';

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

