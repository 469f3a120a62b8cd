/**
 * State and data of the split view (small multiples per semester): one coordinator query for all
 * semesters (src/lib/queries/mapBySemester.ts), the boundaries of the map level, and one vector SVG map
 * per semester drawn by src/lib/map/mapImage.ts (no WebGL context per map), all sharing one legend.
 */
import { typedRows } from '$lib/db/typedRows.ts';
import { periodKey, periodLabel, type Period } from '$lib/domain/index.ts';
import type { Row } from '$lib/db/types.ts';
import { formatNumber, formatPercent } from '$lib/i18n/format.ts';
import { featuresFor, loadProvinces, loadRegencies, type RegionFeature } from '$lib/map/geo.ts';
import { renderMap } from '$lib/map/mapImage.ts';
import { INDICATOR_BY_CODE, mapBySemesterSql, type QueryFilters, type SemesterMapRow } from '$lib/queries/index.ts';
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { compareTranslator } from './messages.ts';
import { splitMaps, splitPeriods } from './split.ts';

/** Width of one small map in CSS px. */
export const SMALL_MAP_WIDTH = 340;

export class SplitViewModel {
  readonly model: DashboardModel;
  readonly t = $derived.by(() => compareTranslator(this.model.lang));
  rows: SemesterMapRow[] | null = $state.raw(null);
  features: RegionFeature[] = $state.raw([]);
  error: string | null = $state(null);
  readonly periods: Period[] = $derived.by(() => splitPeriods(this.model.state.semesters, this.model.periods));
  readonly unit = $derived.by(() => INDICATOR_BY_CODE.get(this.model.state.indicator)?.unit ?? 'count');
  readonly result = $derived.by(() => {
    if (!this.rows || this.features.length === 0) return null;
    const lang = this.model.lang;
    const regions = this.features.map((f) => ({ code: f.properties.code, name: f.properties.name }));
    const exact = this.unit === 'count' ? (v: number) => formatNumber(v, lang) : (v: number) => formatPercent(v, lang, 0);
    return splitMaps(this.rows, this.periods, regions, {
      method: this.model.mapClassification,
      privacy: INDICATOR_BY_CODE.get(this.model.state.indicator)?.privacy,
      disclosure: this.model.disclosure,
      format: this.model.format,
      exact,
      noData: this.model.t('noData')
    });
  });
  /** One standalone SVG per semester (title = the semester), in period order. */
  readonly maps = $derived.by(() => {
    const r = this.result;
    if (!r) return [];
    return this.periods.map((p) => {
      const key = periodKey(p);
      const img = renderMap({
        features: this.features,
        rows: r.maps.get(key) ?? [],
        legend: { colors: [], labels: [] },
        title: periodLabel(p)[this.model.lang],
        attribution: '',
        width: SMALL_MAP_WIDTH
      });
      return { key, label: periodLabel(p)[this.model.lang], svg: img.svg };
    });
  });
  readonly ready = $derived(this.maps.length > 0 && this.maps.length === this.periods.length);

  private disconnect: () => void = () => {};

  constructor(model: DashboardModel) {
    this.model = model;
    const c = model.coordinator;
    if (c)
      this.disconnect = c.connect({
        id: 'map-split',
        query: (f: QueryFilters) => {
          // the map mode and its semesters are map parameters, not query filters (read on every URL change)
          const s = this.model.state;
          if (s.mapMode !== 'split') return null;
          return mapBySemesterSql(f, splitPeriods(s.semesters, this.model.periods), this.model.disclosure);
        },
        update: (rows: Row[]) => {
          this.rows = typedRows<SemesterMapRow>(rows);
          this.error = null;
        },
        error: (e) => (this.error = e instanceof Error ? e.message : String(e))
      });
    $effect(() => {
      const level = this.model.level;
      const province = this.model.state.province;
      const load = level === 'province' ? loadProvinces().then((p) => ({ provinces: p, regencies: null })) : loadRegencies().then((r) => ({ provinces: null, regencies: r }));
      load.then((geo) => (this.features = featuresFor(geo, level, province))).catch((e) => (this.error = String(e)));
    });
    // no semesters in the URL: the latest ones with data go into it, so the link is reproducible
    $effect(() => {
      if (this.model.state.mapMode === 'split' && this.model.state.semesters.length === 0 && this.model.periods.length)
        void this.model.navigate({ semesters: splitPeriods([], this.model.periods) }, true);
    });
  }

  destroy(): void {
    this.disconnect();
  }

  /** Click on a region of any small map: drill down like the single map. */
  click = (e: MouseEvent): void => {
    const code = (e.target as Element | null)?.closest?.('path[data-code]')?.getAttribute('data-code');
    if (code) this.model.select(code);
  };
  toggle(p: Period): void {
    const key = periodKey(p);
    const on = this.periods.some((x) => periodKey(x) === key);
    const next = on ? this.periods.filter((x) => periodKey(x) !== key) : [...this.periods, p];
    if (next.length) void this.model.navigate({ semesters: next.sort((a, b) => a.year - b.year || a.semester - b.semester) });
  }
}
