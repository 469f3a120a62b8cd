/**
 * The interventions view's URL parameters, parsed and validated here (unknown values fall back to the
 * defaults) and written back minimally:
 *   menurut=opd                    funnel by agency (default: by intervention type, `jenis`)
 *   urut=<key>&arah=naik|turun     region table order (default: coverage, worst first)
 */
import type { FunnelGrouping } from '$lib/queries/interventions/index.ts';

export const SORT_KEYS = ['name', 'recommended', 'delivered', 'followed_up', 'coverage', 'past_due'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** URL parameter names and values (Indonesian, like the core parameters). */
export const PARAM = { by: 'menurut', sort: 'urut', dir: 'arah' } as const;
const BY_VALUE: Record<FunnelGrouping, string> = { type: 'jenis', agency: 'opd' };
const SORT_VALUE: Record<SortKey, string> = {
  name: 'nama', recommended: 'rekomendasi', delivered: 'diberikan', followed_up: 'ditindaklanjuti', coverage: 'cakupan', past_due: 'lewat'
};
export const DEFAULT_SORT: SortKey = 'coverage';

export interface ViewParams {
  by: FunnelGrouping;
  sort: SortKey;
  desc: boolean;
}

const invert = <K extends string>(o: Record<K, string>) => new Map(Object.entries(o).map(([k, v]) => [v as string, k as K]));
const BY_FROM = invert(BY_VALUE);
const SORT_FROM = invert(SORT_VALUE);

/** Unknown values fall back to the defaults: by type, coverage ascending (worst first). */
export function parseParams(extras: Readonly<Record<string, string>>): ViewParams {
  const by = BY_FROM.get(extras[PARAM.by] ?? '') ?? 'type';
  const sort = SORT_FROM.get(extras[PARAM.sort] ?? '') ?? DEFAULT_SORT;
  const dir = extras[PARAM.dir];
  return { by, sort, desc: dir === 'turun' ? true : dir === 'naik' ? false : defaultDesc(sort) };
}
/** Counts sort largest first, coverage and names smallest first. */
export const defaultDesc = (k: SortKey): boolean => k !== 'coverage' && k !== 'name';

/** Minimal extras for params (defaults → null, removed from the URL). */
export function paramsPatch(p: ViewParams): Record<string, string | null> {
  return {
    [PARAM.by]: p.by === 'type' ? null : BY_VALUE[p.by],
    [PARAM.sort]: p.sort === DEFAULT_SORT ? null : SORT_VALUE[p.sort],
    [PARAM.dir]: p.desc === defaultDesc(p.sort) ? null : p.desc ? 'turun' : 'naik'
  };
}
/** Clicking a column: same column flips the direction, another starts at its default direction. */
export function nextSort(p: ViewParams, key: SortKey): ViewParams {
  return p.sort === key ? { ...p, desc: !p.desc } : { ...p, sort: key, desc: defaultDesc(key) };
}

