/**
 * State and data of the interventions view. Connects three query clients to the dashboard's
 * Coordinator (funnel, per-region coverage, timeliness); SQL comes from src/lib/queries/interventions.
 * Its own URL parameters (breakdown, table sort) arrive in `model.state.extras`.
 */
import { INTERVENTION_BY_CODE, PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import type { Row } from '$lib/db/types.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  coverageByRegionSql, funnelSql, timelinessSql, type CoverageRegionRow, type FunnelGrouping, type FunnelRow, type TimelinessRow
} from '$lib/queries/interventions/index.ts';
import { formatDate } from '$lib/i18n/format.ts';
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { interventionTranslator } from './messages.ts';
import { nextSort, overdueList, paramsPatch, parseParams, sortRegions, type SortKey, type ViewParams } from './present.ts';
import {
  funnelCsv, NO_COUNTS, protectView, regionCsv, timelinessCsv, type PCounts, type PRegion, type PSection, type PTimeliness, type ProtectedView
} from './disclosure.ts';

/** What a client's rows depend on: they are shown together (public mode) only when all match the state. */
const placeKey = (f: QueryFilters, regency: boolean) => JSON.stringify([f.period, f.group, f.province, regency ? (f.regency ?? null) : null, f.dataDate ?? null]);
type Tagged<T> = { rows: T[]; key: string } | null;

export class InterventionsModel {
  readonly model: DashboardModel;
  readonly params: ViewParams = $derived.by(() => parseParams(this.model.state.extras));
  readonly t = $derived.by(() => interventionTranslator(this.model.lang));
  readonly dataDate: string | null = $derived.by(() => this.model.manifest?.dataDate ?? null);
  readonly disclosure: Disclosure = $derived.by(() => this.model.disclosure);

  byType: Tagged<FunnelRow> = $state.raw(null);
  byAgency: Tagged<FunnelRow> = $state.raw(null);
  regionRows: Tagged<CoverageRegionRow> = $state.raw(null);
  timelinessRows: Tagged<TimelinessRow> = $state.raw(null);
  error: string | null = $state(null);

  /** All rows present (and, in public mode, all of the current state: they are protected together). */
  readonly ready = $derived.by(() => {
    const parts = [this.byType, this.byAgency, this.regionRows, this.timelinessRows];
    if (parts.some((p) => p === null)) return false;
    if (!this.disclosure.public) return true;
    const f = this.model.queryState;
    const withRegency = placeKey(f, true);
    return this.byType!.key === withRegency && this.byAgency!.key === withRegency && this.timelinessRows!.key === withRegency &&
      this.regionRows!.key === placeKey(f, false);
  });
  /** Every number the view shows (and exports), protected in public mode (disclosure.ts). */
  readonly view: ProtectedView | null = $derived.by(() =>
    this.ready
      ? protectView({ byType: this.byType!.rows, byAgency: this.byAgency!.rows, regions: this.regionRows!.rows, timeliness: this.timelinessRows!.rows,
          province: this.model.state.province, regency: this.model.state.regency ?? null }, this.disclosure, this.model.lang)
      : null
  );
  readonly funnelBy: FunnelGrouping = $derived(this.params.by);
  readonly sections: PSection[] = $derived(this.view?.sections[this.params.by] ?? []);
  readonly totals: PCounts = $derived(this.view?.totals ?? NO_COUNTS);
  readonly sortedRegions: PRegion[] = $derived.by(() => sortRegions(this.view?.regions ?? [], this.params.sort, this.params.desc, this.model.lang));
  readonly overdue = $derived(overdueList(this.view?.regions ?? []));
  readonly timeliness: PTimeliness[] | null = $derived(this.view?.timeliness ?? null);
  readonly loading = $derived(this.view === null);
  /** Empty: no recommendation at all (not said in public mode, where "none" must look like "a few"). */
  readonly empty = $derived(!this.disclosure.public && this.byType !== null && this.byType.rows.length === 0);
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
    const tagged = <T>(id: string, sql: (f: QueryFilters) => string, regency: boolean, set: (v: Tagged<T>) => void) => {
      let key = '';
      return {
        id,
        query: (f: QueryFilters) => {
          key = placeKey(f, regency);
          return sql(f);
        },
        update: (rows: Row[]) => {
          set({ rows: rows as unknown as T[], key });
          this.error = null;
        }
      };
    };
    this.disconnect = c.connectAll(
      [
        tagged<FunnelRow>('interventions-funnel', (f) => funnelSql(f, 'type', this.dataDate), true, (v) => (this.byType = v)),
        tagged<FunnelRow>('interventions-funnel-agency', (f) => funnelSql(f, 'agency', this.dataDate), true, (v) => (this.byAgency = v)),
        tagged<CoverageRegionRow>('interventions-regions', (f) => coverageByRegionSql(f, this.dataDate), false, (v) => (this.regionRows = v)),
        tagged<TimelinessRow>('interventions-timeliness', (f) => timelinessSql(f), true, (v) => (this.timelinessRows = v))
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

  private levelLabel(): string {
    return this.model.state.province === null ? this.t('province') : this.t('regency');
  }
  /** File names: view, place, period, group (and what). */
  fileName(what: string): string {
    const s = this.model.state;
    const parts = [what, s.regency ?? s.province ?? 'indonesia'];
    if (what === 'cakupan-intervensi') parts[1] = s.province ?? 'indonesia';
    if (s.period) parts.push(`${s.period.year}-${s.period.semester}`);
    if (s.group) parts.push(s.group);
    if (this.disclosure.public) parts.push('publik');
    return parts.join('_');
  }
  /** The region table as CSV (numbers unformatted; coverage rounded to 0.1; protected in public mode). */
  regionCsv(): string {
    return regionCsv(this.sortedRegions, this.levelLabel(), this.disclosure, this.t);
  }
  overdueCsv(): string {
    return regionCsv(this.overdue, this.levelLabel(), this.disclosure, this.t);
  }
  funnelCsv(): string {
    return funnelCsv(this.sections, this.totals, this.disclosure, this.t);
  }
  timelinessCsv(): string {
    const lang = this.model.lang;
    return timelinessCsv(this.timeliness ?? [], (c) => INTERVENTION_BY_CODE.get(c)?.label[lang] ?? c, this.disclosure, this.t);
  }
}
