/**
 * Public-safe mode of the interventions view: from the view's query rows and the disclosure policy to
 * the numbers its components render AND its CSV files write (exports.ts; one source: screen and export
 * agree).
 * Pure.
 *
 * In public mode the rows arrive published (the cell-key method, src/lib/privacy/ptable.ts): every
 * count was replaced in the database by its true count plus the p-table's noise for its cell key (the
 * sum of its recommendation rows' `record_key`), NULL ("<k") below the threshold. The same
 * recommendations get the same published number wherever they are counted: a class total in the cards
 * and in the table, by type and by agency; the selected regency's funnel total and its row in the region
 * table; a type's delivered count and its timeliness n; the story's screen. Totals are cells of their
 * own (the query's GROUPING SETS), never sums of published cells, so they need not add up. Shares come
 * from published counts and are withheld when either is hidden. A list (every intervention type,
 * agency × class, region of the level) shows every member, absent ones (no recommendation) reading "<k"
 * like any small count, so "none" and "a few" look alike.
 * Outside public mode every value is the query's.
 */
import type { Disclosure } from '$lib/privacy/policy.ts';
import { formatCell } from '$lib/privacy/format.ts';
import { protectedShare, type Cell } from '$lib/privacy/cells.ts';
import type { Lang } from '$lib/domain/label.ts';
import type { CoverageRegionRow, FunnelGrouping, FunnelRow, TimelinessRow } from '$lib/queries/interventions/index.ts';
import { AGENCIES, INTERVENTIONS, PROVINCES, regenciesOf } from '$lib/domain/index.ts';
import { CLASSES, funnelSections, withNames, type Cls } from './present.ts';

export const COUNT_KEYS = ['recommended', 'delivered', 'followed_up', 'past_due'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type PCounts = Readonly<Record<CountKey, Cell>>;
/** Counts before any data (loading). */
export const NO_COUNTS: PCounts = Object.freeze({ recommended: 0, delivered: 0, followed_up: 0, past_due: 0 });
export interface PFunnelItem extends PCounts {
  key: string;
  cls: Cls;
  label: string;
  category: string | null;
}
export interface PSection {
  cls: Cls;
  totals: PCounts;
  items: PFunnelItem[];
}
export interface PRegion extends PCounts {
  code: string;
  name: string;
  /** delivered / recommended · 100, withheld (null) when either is hidden */
  coverage: number | null;
}
export interface PTimeliness {
  intervention: string;
  cls: Cls;
  n: Cell;
  /** null: withheld (n hidden) */
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  late: Cell;
}
/** Row shapes as they arrive: exact (internal) or published (public: counts null = "<k"). */
type Shown<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
export type FunnelIn = Shown<FunnelRow, CountKey>;
export type RegionIn = Shown<Omit<CoverageRegionRow, 'coverage' | 'open'>, CountKey> & { coverage?: number };
export type TimelinessIn = Shown<TimelinessRow, 'n' | 'late' | 'p25' | 'p50' | 'p75' | 'p90'>;
export interface ViewRows {
  byType: readonly FunnelIn[];
  byAgency: readonly FunnelIn[] | null;
  regions: readonly RegionIn[];
  timeliness: readonly TimelinessIn[] | null;
  /** The selected province (the region table then lists its regencies) and regency. */
  province: string | null;
  regency: string | null;
}
export interface ProtectedView {
  disclosure: Disclosure;
  totals: PCounts;
  sections: Record<FunnelGrouping, PSection[] | null>;
  regions: PRegion[];
  timeliness: PTimeliness[] | null;
}

/** A share of recommendations, withheld when either count is hidden (and no bar is drawn). */
export const shareOf = (n: Cell, of: Cell): number | null => protectedShare(n, of);

/** A count as shown on screen: the number, or "<k" when hidden. */
export const countText = (c: PCounts, k: CountKey, d: Disclosure, lang: Lang): string => formatCell(c[k], d, lang);

/** The counts of a row; a row the query did not return (no recommendation) is 0, or "<k" in public mode. */
function countsOf(r: Partial<Record<CountKey, Cell>> | undefined, d: Disclosure): PCounts {
  const absent = d.public ? null : 0;
  return {
    recommended: r?.recommended ?? absent, delivered: r?.delivered ?? absent,
    followed_up: r?.followed_up ?? absent, past_due: r?.past_due ?? absent
  };
}

function sectionsOf(rows: readonly FunnelIn[], by: FunnelGrouping, d: Disclosure, lang: Lang): PSection[] {
  const at = new Map(rows.map((r) => [`${r.key}|${r.cls}`, r]));
  // public mode lists every member (domain order comes from funnelSections; its summed totals are not used)
  const want = d.public
    ? by === 'type'
      ? INTERVENTIONS.map((i) => ({ key: i.code, cls: i.class as Cls }))
      : AGENCIES.flatMap((a) => CLASSES.map((cls) => ({ key: a.code, cls })))
    : rows.filter((r) => r.key !== '');
  const zero = { recommended: 0, delivered: 0, followed_up: 0, past_due: 0 };
  return funnelSections(want.map((w) => ({ ...zero, key: w.key, cls: w.cls })), by, lang).map((sec) => ({
    cls: sec.cls,
    totals: countsOf(at.get(`|${sec.cls}`), d),
    items: sec.items.map((it) => ({ key: it.key, cls: sec.cls, label: it.label, category: it.category, ...countsOf(at.get(`${it.key}|${it.cls}`), d) }))
  }));
}

export function protectView(rows: ViewRows, d: Disclosure, lang: Lang): ProtectedView {
  const totals = countsOf(rows.byType.find((r) => r.key === '' && r.cls === ''), d);
  const sections: Record<FunnelGrouping, PSection[] | null> = {
    type: sectionsOf(rows.byType, 'type', d, lang),
    agency: rows.byAgency && sectionsOf(rows.byAgency, 'agency', d, lang)
  };
  const level = rows.province === null ? PROVINCES.map((p) => p.code) : regenciesOf(rows.province).map((r) => r.code);
  const byCode = new Map(rows.regions.map((r) => [r.code, r]));
  const codes = d.public ? [...level].sort() : rows.regions.map((r) => r.code);
  const regions = withNames(codes.map((code) => ({ code }) as CoverageRegionRow)).map((r): PRegion => {
    const q = byCode.get(r.code);
    const c = countsOf(q, d);
    // public: from the published counts (the query's coverage, from true counts, is dropped in the database)
    return { code: r.code, name: r.name, ...c, coverage: d.public ? protectedShare(c.delivered, c.recommended) : (q?.coverage ?? null) };
  });
  // a type whose n is hidden is left out (as one without deliveries is): its quantiles are withheld in the database
  const timeliness =
    rows.timeliness
      ?.filter((r) => r.n !== null)
      .map((r): PTimeliness => ({ intervention: r.intervention, cls: r.cls, n: r.n, p25: r.p25, p50: r.p50, p75: r.p75, p90: r.p90, late: r.late })) ?? null;
  return { disclosure: d, totals, sections, regions, timeliness };
}
