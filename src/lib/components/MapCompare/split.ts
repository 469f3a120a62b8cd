/**
 * The split view's pure part: which semesters, one classification shared by all maps, and each map's
 * rows. Public mode: the rows arrive disclosed as the single map's (mapBySemesterSql), labelled by the
 * same protectMapValues, semester by semester. Pure.
 */
import { periodKey, type Period } from '$lib/domain/index.ts';
import { classify, classIndex, type Classification, type ClassificationMethod } from '$lib/map/classify.ts';
import { DEFAULT_PALETTE, NO_DATA_FILL, paletteColors } from '$lib/map/palettes.ts';
import type { MapCategory } from '$lib/map/options.ts';
import type { MapImageRow } from '$lib/map/mapImage.ts';
import { protectMapValues, type ProtectedMapValues } from '$lib/privacy/mapValues.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import { MAX_SPLIT } from '$lib/state/urlState.ts';
import type { SemesterMapRow } from '$lib/queries/mapBySemester.ts';

/** The semesters shown: the URL's, else the latest (up to MAX_SPLIT) that have data, ascending. */
export function splitPeriods(chosen: readonly Period[], available: readonly Period[]): Period[] {
  const asc = [...available].sort((a, b) => a.year - b.year || a.semester - b.semester);
  return (chosen.length ? [...chosen] : asc.slice(-MAX_SPLIT)).slice(0, MAX_SPLIT);
}

export interface SplitLegend {
  /** sequential classes shared by all maps (null when categorical) */
  classification: Classification | null;
  /** categorical classes shared by all maps (none today: every split indicator is sequential) */
  categories: MapCategory[] | null;
  colors: string[];
}

export interface SplitMaps {
  legend: SplitLegend;
  /** per semester key: rows to draw (in `codes` order) */
  maps: Map<string, MapImageRow[]>;
  /** per semester key: the protected values shown (value or null), for tests and the table */
  values: Map<string, Map<string, number | null>>;
}

/**
 * Protects each semester's rows as the single map would, then classifies every shown value of every
 * semester together (one legend), and colours each map's regions.
 */
export function splitMaps(
  rows: readonly SemesterMapRow[], periods: readonly Period[], regions: readonly { code: string; name: string }[],
  opts: { method: ClassificationMethod; privacy: 'count' | 'share' | undefined; disclosure: Disclosure; format: (v: number) => string; exact: (v: number) => string; noData: string }
): SplitMaps {
  const protectedBy = new Map<string, ProtectedMapValues>();
  for (const p of periods) {
    const k = periodKey(p);
    protectedBy.set(k, protectMapValues(rows.filter((r) => r.period === k), opts.privacy, opts.disclosure));
  }
  const all: (number | null)[] = [];
  for (const pv of protectedBy.values()) for (const r of regions) all.push(pv.values.get(r.code) ?? null);
  const classification = classify(all, opts.method, 5);
  const colors = paletteColors(DEFAULT_PALETTE, classification.classCount);
  const clsOf = (v: number | null) => (v === null ? -1 : classIndex(classification, v));
  const maps = new Map<string, MapImageRow[]>();
  const values = new Map<string, Map<string, number | null>>();
  for (const [k, pv] of protectedBy) {
    values.set(k, new Map(regions.map((r) => [r.code, pv.values.get(r.code) ?? null])));
    maps.set(
      k,
      regions.map((r) => {
        const v = pv.values.get(r.code) ?? null;
        const cls = clsOf(v);
        const display = v === null ? (pv.hidden.get(r.code) ?? opts.noData) : opts.format(v);
        return { code: r.code, name: r.name, cls, color: cls >= 0 ? colors[cls] : NO_DATA_FILL, display, value: v };
      })
    );
  }
  return { legend: { classification, categories: null, colors }, maps, values };
}
