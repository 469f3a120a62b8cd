/**
 * State and data of the interventions view. Four typed queries on the page's Coordinator (funnel by
 * type and by agency, per-region coverage, timeliness; src/lib/db/query.svelte.ts); SQL comes from
 * src/lib/queries/interventions. Its own URL parameters (breakdown, table sort) are parsed once
 * (params.ts). In public mode every query is wrapped by the shared disclosure SQL
 * (src/lib/privacy/ptable.ts: `discloseSql`), so the page receives published counts only, never a true
 * count or a key sum.
 */
import { INTERVENTION_BY_CODE, PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import { defineQuery, querySet, type Query, type QuerySet } from '$lib/db/query.svelte.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  FUNNEL_COUNTS, REGION_DERIVED, coverageByRegionSql, discloseTimelinessSql, funnelSql, type FunnelGrouping
} from '$lib/queries/interventions/index.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';
import { formatDate } from '$lib/i18n/format.ts';
import type { ViewContext } from '../ViewContext.ts';
import { interventionTranslator } from './messages.ts';
import { nextSort, paramsPatch, parseParams, type SortKey, type ViewParams } from './params.ts';
import { overdueList, sortRegions } from './present.ts';
import {
  NO_COUNTS, protectView, type FunnelIn, type PCounts, type PRegion, type PSection, type PTimeliness, type ProtectedView, type RegionIn,
  type TimelinessIn
} from './disclosure.ts';
import { funnelCsv, regionCsv, timelinessCsv } from './exports.ts';

/** What a query's rows depend on (and the disclosure mode they were queried under): they are shown
 *  together only when all match the state, so no published count is read as a true one or the reverse. */
const placeKey = (f: QueryFilters, regency: boolean, d: Disclosure) =>
  JSON.stringify([f.period, f.group, f.province, regency ? (f.regency ?? null) : null, f.dataDate ?? null, d.public, d.threshold]);
/** A query's params: the filters, and the place key its rows answer. */
type Keyed = { f: QueryFilters; key: string };

export class InterventionsModel {
  readonly model: ViewContext;
  readonly params: ViewParams = $derived.by(() => parseParams(this.model.state.extras));
  readonly t = $derived.by(() => interventionTranslator(this.model.lang));
  readonly dataDate: string | null = $derived.by(() => this.model.manifest?.dataDate ?? null);
  readonly disclosure: Disclosure = $derived.by(() => this.model.disclosure);

  readonly byType: Query<FunnelIn, Keyed>;
  readonly byAgency: Query<FunnelIn, Keyed>;
  readonly regionRows: Query<RegionIn, Keyed>;
  readonly timelinessRows: Query<TimelinessIn, Keyed>;
  private readonly queries: QuerySet;
  readonly error = $derived.by(() => this.queries.error);

  /** All rows present, all of the current state and disclosure mode (shown together). */
  readonly ready = $derived.by(() => {
    const f = this.model.queryState;
    const d = this.disclosure;
    const withRegency = placeKey(f, true, d);
    return this.byType.state?.key === withRegency && this.byAgency.state?.key === withRegency &&
      this.timelinessRows.state?.key === withRegency && this.regionRows.state?.key === placeKey(f, false, d);
  });
  /** Every number the view shows (and exports), protected in public mode (disclosure.ts). */
  readonly view: ProtectedView | null = $derived.by(() =>
    this.ready
      ? protectView({ byType: this.byType.rows ?? [], byAgency: this.byAgency.rows ?? [], regions: this.regionRows.rows ?? [],
          timeliness: this.timelinessRows.rows ?? [],
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
  readonly empty = $derived.by(() => !this.disclosure.public && this.byType.rows !== null && !this.byType.rows.some((r) => r.key !== ''));
  /** Name of the place the funnel describes (selected regency, province or Indonesia). */
  readonly place: string = $derived.by(() => {
    const s = this.model.state;
    if (s.regency) return REGENCY_BY_CODE.get(s.regency)?.name ?? s.regency;
    if (s.province) return PROVINCE_BY_CODE.get(s.province)?.name ?? s.province;
    return 'Indonesia';
  });
  readonly asOf = $derived.by(() => this.dataDate ? formatDate(this.dataDate, this.model.lang) : '');
  readonly coverageOnMap = $derived.by(() => this.model.state.indicator === 'coverage');

  constructor(model: ViewContext) {
    this.model = model;
    const c = model.coordinator;
    const keyed = <R>(id: string, sql: (f: QueryFilters) => string, regency: boolean) =>
      defineQuery<R, Keyed>(c, { id, params: (f) => ({ f, key: placeKey(f, regency, this.disclosure) }), query: ({ f }) => sql(f) });
    this.byType = keyed<FunnelIn>('interventions-funnel', (f) => discloseSql(funnelSql(f, 'type', this.dataDate), FUNNEL_COUNTS, this.disclosure), true);
    this.byAgency = keyed<FunnelIn>('interventions-funnel-agency',
      (f) => discloseSql(funnelSql(f, 'agency', this.dataDate), FUNNEL_COUNTS, this.disclosure), true);
    this.regionRows = keyed<RegionIn>('interventions-regions',
      (f) => discloseSql(coverageByRegionSql(f, this.dataDate), FUNNEL_COUNTS, this.disclosure, { drop: REGION_DERIVED }), false);
    this.timelinessRows = keyed<TimelinessIn>('interventions-timeliness', (f) => discloseTimelinessSql(f, this.disclosure), true);
    this.queries = querySet(this.byType, this.byAgency, this.regionRows, this.timelinessRows);
  }

  destroy(): void {
    this.queries.destroy();
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
