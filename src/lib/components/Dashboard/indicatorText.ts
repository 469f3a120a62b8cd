/**
 * What the map says about the indicator it shows, beyond the registry's label (src/lib/queries/indicators.ts):
 * how the cause share counts (the Causes view's mode) and which semester the calendar indicators show.
 * Pure: used by DashboardModel for the legend title, the tooltip note and the export caption.
 */
import { periodLabel, type Lang } from '$lib/domain/index.ts';
import type { MapRow } from '$lib/queries/index.ts';

export type CauseMode = 'primary' | 'any';

/** The Causes view's mode from the URL's extras (src/lib/state/urlState.ts, beside toQueryFilters). */
export { causeModeOf } from '$lib/state/urlState.ts';

/** Legend title of the cause share: the cause and how cases are counted. */
export function causeShareLabel(causeName: string, mode: CauseMode, lang: Lang): string {
  if (lang === 'en') return mode === 'any' ? `Cases with ${causeName} among any cause (%)` : `Cases with ${causeName} as primary cause (%)`;
  return mode === 'any' ? `Kasus dengan penyebab ${causeName}, semua penyebab (%)` : `Kasus dengan penyebab utama ${causeName} (%)`;
}

/** Tooltip line of the cause share: what a share is of. */
export function causeModeNote(mode: CauseMode, lang: Lang): string {
  if (lang === 'en') return mode === 'any' ? 'Any cause: a case counts under each of its causes' : 'Primary cause only: each case counts once';
  return mode === 'any' ? 'Semua penyebab: satu kasus dihitung pada tiap penyebabnya' : 'Penyebab utama saja: tiap kasus dihitung sekali';
}

/** The semester the calendar map rows are for ("2025 Semester I"), or null when unknown (no rows yet). */
export function rowsSemester(rows: readonly MapRow[] | null, lang: Lang): string | null {
  const r = rows?.find((x) => x.year != null && x.semester != null);
  return r ? periodLabel({ year: Number(r.year), semester: Number(r.semester) as 1 | 2 })[lang] : null;
}
