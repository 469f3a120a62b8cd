/**
 * The root-cause view's URL parameters, parsed and validated here (unknown values fall back to the
 * defaults) and written back minimally:
 *   mode=semua            count any cause (default: primary cause only, `utama`)
 *   matriks=<cause>|kasus matrix row order (default: by name)
 *   urut=<key>&arah=naik|turun   ranking order (default: cases, most first)
 *   cari=<text>           ranking search
 *   banding=32.01,32.03   2–4 regions of the current level side by side
 */
import { CAUSE_BY_CODE, PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import type { CauseMode } from '$lib/queries/causes/common.ts';

export const PARAM = { mode: 'mode', matrix: 'matriks', sort: 'urut', dir: 'arah', search: 'cari', compare: 'banding' } as const;

export const RANK_KEYS = ['name', 'cases', 'concluded', 'coverage', 'furthest', 'evaluated'] as const;
export type RankKey = (typeof RANK_KEYS)[number];
const RANK_VALUE: Record<RankKey, string> = {
  name: 'nama', cases: 'kasus', concluded: 'kesimpulan', coverage: 'cakupan', furthest: 'tahap', evaluated: 'evaluasi'
};
const RANK_FROM = new Map(Object.entries(RANK_VALUE).map(([k, v]) => [v, k as RankKey]));
export const DEFAULT_RANK: RankKey = 'cases';
export const MAX_COMPARE = 4;

/** 'name' | 'cases' | a cause code. */
export type MatrixSort = string;

export interface CauseParams {
  mode: CauseMode;
  matrixSort: MatrixSort;
  sort: RankKey;
  desc: boolean;
  search: string;
  compare: string[];
}

export const defaultDesc = (k: RankKey): boolean => k !== 'name';

/** Codes of the current level only (provinces nationally, the province's regencies inside it), at most 4. */
export function parseCompare(v: string | undefined, province: string | null): string[] {
  const ok = (c: string) => (province === null ? PROVINCE_BY_CODE.has(c) : REGENCY_BY_CODE.get(c)?.provinceCode === province);
  const out: string[] = [];
  for (const c of (v ?? '').split(',')) if (ok(c) && !out.includes(c) && out.length < MAX_COMPARE) out.push(c);
  return out;
}

export function parseParams(extras: Readonly<Record<string, string>>, province: string | null): CauseParams {
  const m = extras[PARAM.matrix] ?? '';
  const sort = RANK_FROM.get(extras[PARAM.sort] ?? '') ?? DEFAULT_RANK;
  const dir = extras[PARAM.dir];
  return {
    mode: extras[PARAM.mode] === 'semua' ? 'any' : 'primary',
    matrixSort: m === 'kasus' ? 'cases' : CAUSE_BY_CODE.has(m) ? m : 'name',
    sort,
    desc: dir === 'turun' ? true : dir === 'naik' ? false : defaultDesc(sort),
    search: (extras[PARAM.search] ?? '').slice(0, 60),
    compare: parseCompare(extras[PARAM.compare], province)
  };
}

/** Minimal extras for params (defaults → null, removed from the URL). */
export function paramsPatch(p: CauseParams): Record<string, string | null> {
  return {
    [PARAM.mode]: p.mode === 'any' ? 'semua' : null,
    [PARAM.matrix]: p.matrixSort === 'name' ? null : p.matrixSort === 'cases' ? 'kasus' : p.matrixSort,
    [PARAM.sort]: p.sort === DEFAULT_RANK ? null : RANK_VALUE[p.sort],
    [PARAM.dir]: p.desc === defaultDesc(p.sort) ? null : p.desc ? 'turun' : 'naik',
    [PARAM.search]: p.search.trim() ? p.search : null,
    [PARAM.compare]: p.compare.length ? p.compare.join(',') : null
  };
}

export function nextSort(p: CauseParams, key: RankKey): CauseParams {
  return p.sort === key ? { ...p, desc: !p.desc } : { ...p, sort: key, desc: defaultDesc(key) };
}

/** Adds or removes a region from the side-by-side selection (at most 4; the oldest drops out). */
export function toggleCompare(p: CauseParams, code: string): CauseParams {
  if (p.compare.includes(code)) return { ...p, compare: p.compare.filter((c) => c !== code) };
  // a full comparison refuses another pick (the table disables the boxes and says why) rather than drop one
  if (p.compare.length >= MAX_COMPARE) return p;
  return { ...p, compare: [...p.compare, code] };
}
