/**
 * Pure helpers of the interventions view: grouping of the funnel rows in domain order with nutrition-specific apart from -sensitive, sorting of the region
 * table and the past-due list. No Svelte, no SQL.
 */
import { AGENCIES, AGENCY_BY_CODE, INTERVENTIONS, INTERVENTION_BY_CODE, INTERVENTION_CATEGORIES, regionName, type Lang } from '$lib/domain/index.ts';
import { sumFunnel, type CoverageRegionRow, type FunnelGrouping, type FunnelRow, type FunnelTotals } from '$lib/queries/interventions/index.ts';
import type { SortKey } from './params.ts';

export type Cls = 'spesifik' | 'sensitif';
export const CLASSES: readonly Cls[] = ['spesifik', 'sensitif'];

export interface FunnelItem extends FunnelRow {
  label: string;
  /** Sub-heading of sensitive intervention types (water, sanitation, …); null otherwise. */
  category: string | null;
}
export interface FunnelSection {
  cls: Cls;
  totals: FunnelTotals;
  items: FunnelItem[];
}

/** Funnel item rows (the class and overall totals, key '', left out) as two sections (specific,
 *  sensitive), items in domain order; totals summed from the items (exact counts only). */
export function funnelSections(rows: readonly FunnelRow[], by: FunnelGrouping, lang: Lang): FunnelSection[] {
  const order = new Map<string, number>((by === 'type' ? INTERVENTIONS : AGENCIES).map((d, i) => [d.code, i]));
  const catLabel = new Map(INTERVENTION_CATEGORIES.map((c) => [c.code, c.label[lang]]));
  return CLASSES.map((cls) => {
    const mine = rows.filter((r) => r.key !== '' && r.cls === cls);
    const items = mine
      .map((r): FunnelItem => {
        const iv = by === 'type' ? INTERVENTION_BY_CODE.get(r.key) : undefined;
        const label = by === 'type' ? (iv?.label[lang] ?? r.key) : (AGENCY_BY_CODE.get(r.key)?.label[lang] ?? r.key);
        return { ...r, label, category: iv && cls === 'sensitif' ? (catLabel.get(iv.category) ?? null) : null };
      })
      .sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
    return { cls, totals: sumFunnel(mine), items };
  });
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

export interface RegionItem extends CoverageRegionRow {
  name: string;
}
export function withNames(rows: readonly CoverageRegionRow[]): RegionItem[] {
  return rows.map((r) => ({ ...r, name: regionName(r.code) ?? r.code }));
}

/** A region row as shown: counts and coverage may be hidden (null) in public mode. */
export interface RegionLike {
  code: string;
  name: string;
  recommended: number | null;
  delivered: number | null;
  followed_up: number | null;
  coverage: number | null;
  past_due: number | null;
}

/** Sorted copy; ties by name so the order is stable; hidden values sort as the smallest. */
export function sortRegions<R extends RegionLike>(rows: readonly R[], key: SortKey, desc: boolean, lang: Lang): R[] {
  const coll = new Intl.Collator(lang === 'id' ? 'id-ID' : 'en-GB');
  const dir = desc ? -1 : 1;
  const num = (r: R) => (r[key] as number | null) ?? -Infinity;
  return [...rows].sort((a, b) => {
    const c = key === 'name' ? coll.compare(a.name, b.name) : num(a) === num(b) ? 0 : num(a) < num(b) ? -1 : 1;
    return c !== 0 ? dir * c : coll.compare(a.name, b.name);
  });
}

/** Regions with recommendations past due (shown counts only), most first (ties: higher share of their recommendations). */
export function overdueList<R extends RegionLike>(rows: readonly R[], limit = 10): R[] {
  const share = (r: R) => (r.recommended ? (r.past_due ?? 0) / r.recommended : 0);
  return rows
    .filter((r) => r.past_due !== null && r.past_due > 0)
    .sort((a, b) => b.past_due! - a.past_due! || share(b) - share(a) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
