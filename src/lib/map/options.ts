/**
 * Options schema of <ChoroplethMap>: the props, their defaults and their normalisation.
 * Everything optional has a sensible default, so a minimal use is
 * `<ChoroplethMap level="province" provinceCode={null} {values} {format} indicatorLabel="…" lang="id" />`.
 */
import type { Lang } from '$lib/domain/label.ts';
import { CLASSIFICATION_METHODS, type ClassificationMethod } from './classify.ts';
import { DEFAULT_PALETTE, isPalette } from './palettes.ts';
import type { MapLevel } from './geo.ts';

export type MapRenderer = 'auto' | 'webgl' | 'svg';

/** A category of a categorical map: regions whose value equals `value` get `color`. */
export interface MapCategory {
  value: number;
  label: string;
  color: string;
}
export type TableSort = 'name' | 'value';

export interface ChoroplethMapProps {
  /** national view: 38 provinces; 'regency': the regencies of `provinceCode` (all 514 when null) */
  level: MapLevel;
  /** which province when level === 'regency' */
  provinceCode: string | null;
  /** indicator value by region code ('32' or '32.03'); missing/null = no data. Pass a new Map to update. */
  values: Map<string, number | null>;
  /** number of cases/records behind each value (shown on hover and in the table) */
  counts?: Map<string, number>;
  /** value formatter (id-ID numbers, percent …) */
  format: (v: number) => string;
  /** legend title */
  indicatorLabel: string;
  /** class breaks; default 'quantile' */
  classification?: ClassificationMethod;
  /** sequential palette id (see palettes.ts PALETTES); default 'YlGnBu' */
  palette?: string;
  /** number of classes, 1..9; default 5 */
  classes?: number;
  lang: Lang;
  /** auto = MapLibre when WebGL works, else SVG (d3-geo) */
  renderer?: MapRenderer;
  /** click / Enter on a region (map or table) */
  onselect?: (code: string) => void;
  /** region labels; default true */
  labels?: boolean;
  // ---- optional extras -------------------------------------------------------------------
  /** CSS height of the map area; default 'clamp(300px, 42vw, 560px)' */
  height?: string;
  /** region drawn with a strong outline (e.g. the selected one) */
  highlight?: string | null;
  /** show the number of regions per class in the legend; default false */
  legendCounts?: boolean;
  /** table open at start; default false */
  tableOpen?: boolean;
  /** show the attribution caption; default true (keep it unless the page shows it elsewhere) */
  attribution?: boolean;
  /** accessible name of the map; default the indicator label */
  ariaLabel?: string;
  /**
   * Categorical map: values are category values, coloured and listed in the legend as given
   * (classification, palette and classes are then ignored). `format` should return the label.
   */
  categories?: readonly MapCategory[];
  /**
   * Public-safe mode: regions whose value is hidden (a small count) or withheld (a share of one), with
   * what they read instead (e.g. "<5"). They are drawn like no data.
   */
  hidden?: ReadonlyMap<string, string>;
  /** The values are still coming (e.g. the database is starting): drawn, but not reported ready. */
  pending?: boolean;
  /**
   * Keep MapLibre's code unloaded while this is true (the SVG renderer draws the map meanwhile): the
   * dashboard holds it while the database engine starts, so the two do not compete for the CPU.
   */
  holdWebgl?: boolean;
  /**
   * Called each time the map has drawn its current data in its final renderer: MapLibre, or the SVG map
   * where WebGL is not available (not the SVG frame shown while MapLibre starts).
   */
  ondrawn?: () => void;
  /** A reference value shown in the legend (e.g. the national stunting target, 14 %). */
  legendTarget?: { value: number; label: string } | null;
  /** A line in the hover tooltip under the value (e.g. how a share is counted). */
  tooltipNote?: string;
  /** The map's image export (PNG/SVG buttons): file name and the line under the title (filters, date). */
  exportName?: string;
  exportSubtitle?: string;
}

export interface ResolvedOptions {
  classification: ClassificationMethod;
  palette: string;
  classes: number;
  renderer: MapRenderer;
  labels: boolean;
  height: string;
  legendCounts: boolean;
  attribution: boolean;
}

export const DEFAULT_OPTIONS: ResolvedOptions = {
  classification: 'quantile',
  palette: DEFAULT_PALETTE,
  classes: 5,
  renderer: 'auto',
  labels: true,
  height: 'clamp(300px, 42vw, 560px)',
  legendCounts: false,
  attribution: true
};

export const MAX_CLASSES = 9;

export function resolveOptions(p: Partial<ChoroplethMapProps>): ResolvedOptions {
  const d = DEFAULT_OPTIONS;
  const k = Math.round(Number(p.classes ?? d.classes));
  return {
    classification:
      p.classification && CLASSIFICATION_METHODS.includes(p.classification) ? p.classification : d.classification,
    palette: isPalette(p.palette) ? p.palette! : d.palette,
    classes: Number.isFinite(k) ? Math.min(MAX_CLASSES, Math.max(1, k)) : d.classes,
    renderer: p.renderer === 'webgl' || p.renderer === 'svg' ? p.renderer : 'auto',
    labels: p.labels ?? d.labels,
    height: p.height ?? d.height,
    legendCounts: p.legendCounts ?? d.legendCounts,
    attribution: p.attribution ?? d.attribution
  };
}

/** Required attribution of the boundary data (see static/geo/ATTRIBUTION.txt). */
export const GEO_ATTRIBUTION =
  'Boundaries: geoBoundaries (www.geoboundaries.org), Indonesia ADM2 IDN-ADM2-22746128, from BPS – Statistics Indonesia, WFP and OCHA ROAP via HDX, CC BY 3.0 IGO; modified (regrouped into 38 provinces, repaired, simplified). Codes and names: idn-area-data (ODbL 1.0).';
