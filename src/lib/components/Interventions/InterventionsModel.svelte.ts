/**
 * State and data of the interventions view. Connects three query clients to the dashboard's
 * Coordinator (funnel, per-region coverage, timeliness); SQL comes from src/lib/queries/interventions.
 * Its own URL parameters (breakdown, table sort) arrive in `model.state.extras`.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import type { Row } from '$lib/db/types.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  coverageByRegionSql, funnelSql, sumFunnel, timelinessSql, type CoverageRegionRow, type FunnelGrouping, type FunnelRow, type TimelinessRow
} from '$lib/queries/interventions/index.ts';
import { formatDate } from '$lib/i18n/format.ts';
import { toCsv, type CsvColumn } from '$lib/export/csv.ts';
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { interventionTranslator } from './messages.ts';
import {
  funnelSections, nextSort, overdueList, paramsPatch, parseParams, sortRegions, withNames, type RegionItem, type SortKey, type ViewParams
} from './present.ts';

type Extras = { extras?: Readonly<Record<string, string>> };

export class InterventionsModel {
  readonly model: DashboardModel;
  readonly params: ViewParams = $derived.by(() => parseParams(this.model.state.extras));
  readonly t = $derived.by(() => interventionTranslator(this.model.lang));
  readonly dataDate: string | null = $derived.by(() => this.model.manifest?.dataDate ?? null);

  funnelRows: FunnelRow[] | null = $state.raw(null);
  /** The grouping the funnel rows were queried with (they may lag a toggle). */
  funnelBy: FunnelGrouping = $state('type');
  regionRows: CoverageRegionRow[] | null = $state.raw(null);
  timeliness: TimelinessRow[] | null = $state.raw(null);
  error: string | null = $state(null);

  readonly sections = $derived.by(() => this.funnelRows ? funnelSections(this.funnelRows, this.funnelBy, this.model.lang) : []);
  readonly totals = $derived(sumFunnel(this.funnelRows ?? []));
  readonly regions: RegionItem[] = $derived(withNames(this.regionRows ?? []));
  readonly sortedRegions = $derived.by(() => sortRegions(this.regions, this.params.sort, this.params.desc, this.model.lang));
  readonly overdue = $derived(overdueList(this.regions));
  readonly loading = $derived(this.funnelRows === null || this.regionRows === null);
  readonly empty = $derived(this.funnelRows !== null && this.totals.recommended === 0);
  /** Name of the place the funnel describes (selected regency, province or Indonesia). */
  readonly place: string = $derived.by(() => {
    const s = this.model.state;
    if (s.regency) return REGENCY_BY_CODE.get(s.regency)?.name ?? s.regency;
    if (s.province) return PROVINCE_BY_CODE.get(s.province)?.name ?? s.province;
    return 'Indonesia';
  });
  readonly asOf = $derived.by(() => this.dataDate ? formatDate(this.dataDate, this.model.lang) : '');
  readonly coverageOnMap = $derived.by(() => this.model.state.indicator === 'coverage');

  private disconnect: () => void = () => {};

  constructor(model: DashboardModel) {
    this.model = model;
    const c = model.coordinator;
    if (!c) return;
    let by: FunnelGrouping = 'type';
    this.disconnect = c.connectAll(
      [
        {
          id: 'interventions-funnel',
          query: (f) => {
            by = parseParams((f as QueryFilters & Extras).extras ?? {}).by;
            return funnelSql(f, by, this.dataDate);
          },
          update: (rows: Row[]) => {
            this.funnelRows = rows as unknown as FunnelRow[];
            this.funnelBy = by;
            this.error = null;
          }
        },
        {
          id: 'interventions-regions',
          query: (f) => coverageByRegionSql(f, this.dataDate),
          update: (rows: Row[]) => (this.regionRows = rows as unknown as CoverageRegionRow[])
        },
        {
          id: 'interventions-timeliness',
          query: (f) => timelinessSql(f),
          update: (rows: Row[]) => (this.timeliness = rows as unknown as TimelinessRow[])
        }
      ],
      (message) => (this.error = message)
    );
  }

  destroy(): void {
    this.disconnect();
  }

  setBy(by: FunnelGrouping): void {
    void this.model.setExtras(paramsPatch({ ...this.params, by }), true);
  }
  sortBy(key: SortKey): void {
    void this.model.setExtras(paramsPatch(nextSort(this.params, key)), true);
  }

  /** The region table as CSV (numbers unformatted; coverage rounded to 0.1). */
  csv(): string {
    const t = this.t;
    const level = this.model.state.province === null ? t('province') : t('regency');
    const cols: CsvColumn<RegionItem>[] = [
      { header: 'kode', value: (r) => r.code },
      { header: level, value: (r) => r.name },
      { header: t('recommended'), value: (r) => r.recommended },
      { header: t('delivered'), value: (r) => r.delivered },
      { header: t('followedUp'), value: (r) => r.followed_up },
      { header: `${t('coverage')} (%)`, value: (r) => Math.round(r.coverage * 10) / 10 },
      { header: t('pastDue'), value: (r) => r.past_due }
    ];
    return toCsv(this.sortedRegions, cols);
  }
  csvName(): string {
    const s = this.model.state;
    const parts = ['cakupan-intervensi', s.province ?? 'indonesia'];
    if (s.period) parts.push(`${s.period.year}-${s.period.semester}`);
    if (s.group) parts.push(s.group);
    return `${parts.join('_')}.csv`;
  }
}
