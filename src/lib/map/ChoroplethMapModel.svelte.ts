/**
 * Runes logic of <ChoroplethMap>: geo loading, renderer choice, classification, colours, rows for
 * the table, hover and readiness. The views (MapLibre, SVG, legend, table) only read from this.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { classCounts, classIndex, classify, type Classification } from './classify.ts';
import {
  boundsOf,
  contextFor,
  featuresFor,
  loadProvinces,
  loadRegencies,
  type Bounds,
  type ProvinceGeo,
  type RegencyGeo,
  type RegionFeature
} from './geo.ts';
import { locale, mapText, regionLabel, type MapStringKey } from './labels.ts';
import { resolveOptions, type ChoroplethMapProps, type ResolvedOptions, type TableSort } from './options.ts';
import { LOADING_FILL, NO_DATA_FILL, paletteColors } from './palettes.ts';
import { geometryCollection, labelCollection, viewKeyOf, type LabelProps } from './mapData.ts';

export interface RegionRow {
  code: string;
  name: string;
  label: string;
  value: number | null;
  count: number | null;
  /** class index, -1 = no data */
  cls: number;
  color: string;
  /** drawn with the no-data hatch (no value, and not still loading) */
  hatch: boolean;
  /** formatted value, or the "no data" text */
  display: string;
  /** "Name: value" for aria-label */
  aria: string;
}

export interface RegionFillProps {
  code: string;
  name: string;
  color: string;
  hasData: boolean;
}
export type { LabelProps } from './mapData.ts';

export interface HoverState {
  code: string;
  /** pointer position in px relative to the map stage */
  x: number;
  y: number;
}

/** One collator and one count format per locale and page (creating one loads ICU data: 10–25 ms the first time). */
const collators = new Map<string, Intl.Collator>();
const collator = (loc: string): Intl.Collator => collators.get(loc) ?? collators.set(loc, new Intl.Collator(loc)).get(loc)!;
const countFormats = new Map<string, Intl.NumberFormat>();
const countFormat = (loc: string): Intl.NumberFormat =>
  countFormats.get(loc) ?? countFormats.set(loc, new Intl.NumberFormat(loc)).get(loc)!;

/** WebGL availability, tested once per page (null: not yet). */
let webglProbe: boolean | null = null;
export const webglTested = (): boolean | null => webglProbe;
export function webglAvailable(): boolean {
  if (webglProbe !== null) return webglProbe;
  if (typeof document === 'undefined') return false;
  try {
    const c = document.createElement('canvas');
    webglProbe = !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    webglProbe = false;
  }
  return webglProbe;
}

export class ChoroplethMapModel {
  #props: () => ChoroplethMapProps;

  provinces = $state.raw<ProvinceGeo | null>(null);
  regencies = $state.raw<RegencyGeo | null>(null);
  loadError = $state<string | null>(null);
  /** MapLibre failed to start although WebGL looked available */
  webglFailed = $state(false);
  hover = $state<HoverState | null>(null);
  /** region pointed at / focused in the table */
  tableFocus = $state<string | null>(null);
  tableOpen = $state(false);
  sort = $state<TableSort>('name');
  sortDesc = $state(false);
  /** the paintKey of the frame the renderer last finished drawing */
  paintedKey = $state<string | null>(null);
  /**
   * MapLibre has drawn a frame with the current data at least once. Until then (its code still loading,
   * its first software-rendered frame still coming) the SVG renderer draws the same map in its place, so
   * the first paint does not wait for WebGL.
   */
  glPainted = $state(false);
  /**
   * Whether WebGL works, tested once the SVG renderer has drawn its first frame (probeWebgl): creating
   * the page's first WebGL context held the first paint's main thread for 30–100 ms (issue 17).
   */
  webgl = $state<boolean | null>(webglTested());
  /**
   * The map has been on screen once (set by the view a frame after its first frame is drawn, with data
   * or while the data loads, or when its geometry failed): the table's rows and the WebGL probe wait for
   * it, so the first map frame does not wait for the table (its collator and 38–514 rows) or for the
   * page's first WebGL context (issue 17).
   */
  shown = $state(false);

  constructor(props: () => ChoroplethMapProps) {
    this.#props = props;
    this.tableOpen = props().tableOpen ?? false;
  }

  #p(): ChoroplethMapProps {
    return this.#props();
  }

  get props(): ChoroplethMapProps {
    return this.#p();
  }

  opts: ResolvedOptions = $derived(resolveOptions(this.#p()));
  level = $derived(this.#p().level);
  provinceCode = $derived(this.#p().level === 'regency' ? this.#p().provinceCode : null);
  lang = $derived(this.#p().lang);

  /** 'pending' until WebGL has been tested; the SVG renderer draws meanwhile. */
  renderer: 'webgl' | 'svg' | 'pending' = $derived.by(() => {
    const r = this.opts.renderer;
    if (r === 'svg' || this.webglFailed) return 'svg';
    return this.webgl === null ? 'pending' : this.webgl ? 'webgl' : 'svg';
  });

  probeWebgl(): void {
    this.webgl ??= webglAvailable();
  }

  /** geometry needed for the current level is loaded */
  loaded = $derived(this.level === 'province' ? this.provinces !== null : this.regencies !== null);

  features: RegionFeature[] = $derived(
    this.loaded ? featuresFor({ provinces: this.provinces, regencies: this.regencies }, this.level, this.provinceCode) : []
  );
  context: RegionFeature[] = $derived(
    contextFor({ provinces: this.provinces, regencies: this.regencies }, this.level, this.provinceCode)
  );
  bounds: Bounds = $derived(boundsOf(this.features));
  /** key of the view (level + province): bounds are fitted when it changes */
  viewKey = $derived(viewKeyOf(this.level, this.provinceCode, this.features.length));

  #visibleValues = $derived.by(() => {
    const values = this.#p().values;
    return this.features.map((f) => {
      const v = values.get(f.properties.code);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
  });

  classification: Classification = $derived(
    classify(this.#visibleValues, this.opts.classification, this.opts.classes)
  );
  /** categorical mode (props.categories): class = index of the category with the value */
  categories = $derived(this.#p().categories ?? null);
  colors: string[] = $derived(
    this.categories ? this.categories.map((c) => c.color) : paletteColors(this.opts.palette, this.classification.classCount)
  );
  classCounts: number[] = $derived(
    this.categories
      ? this.categories.map((c) => this.#visibleValues.filter((v) => v === c.value).length)
      : classCounts(this.classification, this.#visibleValues)
  );

  classOf(value: number | null): number {
    if (this.categories) return value === null ? -1 : this.categories.findIndex((c) => c.value === value);
    return classIndex(this.classification, value);
  }
  /** The values are still coming (props.pending): regions without a value are loading, not "no data". */
  waiting = $derived(!!this.#p().pending);
  noDataCount = $derived(this.waiting ? 0 : this.#visibleValues.filter((v) => v === null).length);

  #lastRows: RegionRow[] = [];
  /**
   * One row per visible region. When nothing in them changed (a filter change re-derives the props
   * before its data arrives), the previous array is kept, so the map does not repaint for nothing.
   */
  rows: RegionRow[] = $derived.by(() => {
    const { counts, format, hidden } = this.#p();
    const waiting = this.waiting;
    const noData = this.t(waiting ? 'loadingData' : 'noData');
    const rows: RegionRow[] = this.features.map((f, i) => {
      const code = f.properties.code;
      const value = this.#visibleValues[i];
      const cls = this.classOf(value);
      const display = value === null ? (hidden?.get(code) ?? noData) : format(value);
      return {
        code,
        name: f.properties.name,
        label: regionLabel(code, f.properties.name),
        value,
        count: counts?.get(code) ?? null,
        cls,
        color: cls >= 0 ? this.colors[cls] : waiting ? LOADING_FILL : NO_DATA_FILL,
        hatch: cls < 0 && !waiting,
        display,
        aria: `${f.properties.name}: ${display}`
      };
    });
    const prev = this.#lastRows;
    const same =
      prev.length === rows.length &&
      rows.every((r, i) => {
        const p = prev[i];
        return p.code === r.code && p.value === r.value && p.count === r.count && p.cls === r.cls && p.color === r.color && p.hatch === r.hatch && p.display === r.display && p.label === r.label;
      });
    if (same) return prev;
    this.#lastRows = rows;
    return rows;
  });

  /** what the map draws of the rows (colour and data presence per region): a format-only change is not a repaint */
  paintKey: string = $derived(this.rows.map((r) => `${r.code}:${r.color}:${r.hatch ? 0 : 1}`).join('|'));

  /**
   * The current data has been painted: the renderer's last drawn frame shows the current colours (so
   * a change reads "not ready" at once, with no stale moment), and the caller is not still waiting for
   * data (`pending`, e.g. the map drawn while the database starts).
   */
  readonly ready: boolean = $derived(this.paintedKey !== null && this.paintedKey === this.paintKey && !this.#p().pending);

  /** The current data is drawn by the final renderer (MapLibre, or SVG without WebGL), not the SVG stand-in. */
  readonly drawn: boolean = $derived(this.ready && (this.renderer === 'svg' || (this.renderer === 'webgl' && this.glPainted)));

  rowByCode: Map<string, RegionRow> = $derived(new Map(this.rows.map((r) => [r.code, r])));

  sortedRows: RegionRow[] = $derived.by(() => {
    const coll = collator(locale(this.lang));
    const dir = this.sortDesc ? -1 : 1;
    const rows = [...this.rows];
    if (this.sort === 'name') rows.sort((a, b) => dir * coll.compare(a.name, b.name));
    else
      rows.sort((a, b) => {
        if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
        return dir * (a.value - b.value) || coll.compare(a.name, b.name);
      });
    return rows;
  });

  /**
   * Geometry of the visible regions for the WebGL map, without values: it changes only with the level
   * or province, so a filter change recolours through feature state instead of re-tiling the source.
   */
  geometryData: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }> = $derived(geometryCollection(this.features));

  /** GeoJSON for the fill layer (geometry shared with the decoded features) */
  fillData: FeatureCollection<Polygon | MultiPolygon, RegionFillProps> = $derived({
    type: 'FeatureCollection',
    features: this.features.map((f, i) => {
      const r = this.rows[i];
      return {
        type: 'Feature',
        id: r.code,
        geometry: f.geometry,
        properties: { code: r.code, name: r.name, color: r.color, hasData: !r.hatch }
      };
    })
  });

  /** label anchors, ranked by area (rank 0 = largest, placed first); independent of the values */
  labelData: FeatureCollection<Point, LabelProps> = $derived(labelCollection(this.features));

  /** region drawn with a strong outline: hovered on the map, else in the table, else the highlight prop */
  outlined: string | null = $derived(this.hover?.code ?? this.tableFocus ?? this.#p().highlight ?? null);

  hoverRow: RegionRow | null = $derived(this.hover ? (this.rowByCode.get(this.hover.code) ?? null) : null);

  t(key: MapStringKey): string {
    return mapText(this.lang, key);
  }

  formatCount(n: number): string {
    return countFormat(locale(this.lang)).format(n);
  }

  /** Loads the geometry the current level needs (idempotent; call from an effect). */
  ensureGeo(): void {
    const needRegencies = this.level === 'regency';
    if (!this.provinces && !needRegencies)
      loadProvinces().then(
        (g) => (this.provinces = g),
        (e: unknown) => (this.loadError = String(e))
      );
    if (needRegencies && !this.regencies)
      loadRegencies().then(
        (g) => (this.regencies = g),
        (e: unknown) => (this.loadError = String(e))
      );
  }

  select(code: string): void {
    this.#p().onselect?.(code);
  }

  setSort(key: TableSort): void {
    if (this.sort === key) this.sortDesc = !this.sortDesc;
    else {
      this.sort = key;
      this.sortDesc = key === 'value';
    }
  }
}
