/**
 * The dashboard's state and data. Filter state is derived from the URL (`page.url`), so links, reload
 * and back/forward restore a view; changes navigate with `goto`. Views get data only through the
 * Coordinator's clients, whose SQL is a pure function of the filter state (src/lib/queries).
 */
import { page } from '$app/state';
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { CAUSE_BY_CODE, PROVINCES, regenciesOf, type Lang, type Period } from '$lib/domain/index.ts';
import type { Coordinator } from '$lib/db/Coordinator.ts';
import type { DuckDBEngine, EngineFailure, EngineProgress, PublishedManifest } from '$lib/db/DuckDBEngine.ts';
import { DataSession } from '$lib/db/DataSession.svelte.ts';
import { installTestHook } from '$lib/db/testHook.ts';
import type { Row } from '$lib/db/types.ts';
import { typedRows } from '$lib/db/typedRows.ts';
import { defineQuery, type Query } from '$lib/db/query.svelte.ts';
import {
  CORE_QUERIES, INDICATOR_BY_CODE, mapLevel, resolveSurveyYear, surveyYearKey, type MapRow, type QueryFilters, type SummaryRow, type SurveyYear, type SurveyYearRow, type TopCauseRow
} from '$lib/queries/index.ts';
import { disclosureOf, parseState, stateSearch, toQueryFilters, withChanges, type DashboardState } from '$lib/state/urlState.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import { protectMapValues } from '$lib/privacy/mapValues.ts';
import { legendChoicesFor, legendTarget, resolveLegend } from '$lib/map/legendSets.ts';
import { translator } from '$lib/i18n/messages.ts';
import { FirstPaint } from '$lib/paint/FirstPaint.ts';
import { readLastManifest, writeLastManifest } from '$lib/paint/lastManifest.ts';
import { VIEW_BY_CODE, type ViewDef } from '../views.ts';
import type { ViewContext } from '../ViewContext.ts';
import { formatNumber, formatPercent } from '$lib/i18n/format.ts';
import { rememberLang, storedLang } from '$lib/i18n/lang.ts';
import type { DataSource } from '$lib/upload/protocol.ts';
import { crumbsOf, exportCaptionOf, exportNameOf, exportSubtitleOf, type Crumb } from './captions.ts';
import { causeModeNote, causeModeOf, causeShareLabel, rowsSemester, type CauseMode } from './indicatorText.ts';

export interface Headline {
  code: string;
  value: number;
  boundary_note: string | null;
  source_url: string;
}

export class DashboardModel implements ViewContext {
  readonly state: DashboardState = $derived(parseState(page.url.searchParams));
  readonly lang: Lang = $derived(this.state.lang);
  readonly t = $derived(translator(this.lang));
  /**
   * What may be shown (src/lib/privacy): public-safe mode hides counts below the threshold everywhere
   * (map, panels, views, exports). Off by default on the dashboard; shared links and the story turn it on.
   */
  readonly disclosure: Disclosure = $derived(disclosureOf(this.state, false));
  /** The snapshot this browser opened last (a repeat visit paints from it before current.json is read). */
  private readonly lastManifest: PublishedManifest | null = typeof localStorage === 'undefined' ? null : readLastManifest();

  /** The last failure of a core query (cleared by the map's next answer), or the survey years' failure. */
  private coreError: string | null = $state(null);
  get queryError(): string | null {
    return this.coreError ?? this.surveyQuery?.error ?? null;
  }

  periods: Period[] = $state.raw([]);
  /** The survey years of prevalence at the map's place: a typed query whose state is the province its rows answer. */
  private surveyQuery: Query<SurveyYearRow, string | null> | null = $state.raw(null);
  readonly surveyYears: { province: string | null; rows: SurveyYearRow[] } | null = $derived.by(() => {
    const q = this.surveyQuery;
    return q?.rows ? { province: q.state, rows: q.rows } : null;
  });
  mapRows: MapRow[] | null = $state.raw(null);
  mapPending = $state(false);
  /**
   * The engine's own map rows have arrived (not the first paint's); stays true. Not derived from
   * `ready && !mapPending`: that holds for a moment after `ready` before the live query is even asked.
   */
  liveMap = $state(false);
  /**
   * MapLibre (its 1 MB of code and software-rendered first frame) waits until the live map rows are
   * in: started earlier, it competes for this machine's two cores with the wasm compile and the first
   * queries (bench/paint.mjs). If the engine fails, the SVG map is handed over at once.
   */
  get holdWebgl(): boolean {
    return !this.failure && !this.liveMap;
  }
  /** The main map has drawn data in its final renderer (ChoroplethMap `ondrawn`); stays true. */
  mapDrawn = $state(false);
  /** The live data is on the map in its final renderer: the page has settled (the service worker registers then). */
  get settled(): boolean {
    return this.ready && this.liveMap && this.mapDrawn;
  }
  summary: SummaryRow | null = $state.raw(null);
  topCauses: TopCauseRow[] = $state.raw([]);
  headline: Headline | null = $state.raw(null);

  /** The survey-year shown (prevalence): the URL's if available at this level, else a default. */
  readonly survey: SurveyYear | null = $derived.by(() => {
    if (this.state.indicator !== 'prevalence') return null;
    const sy = this.surveyYears;
    if (!sy || sy.province !== this.state.province) return null;
    return resolveSurveyYear(this.state.survey, sy.rows);
  });
  /** How the cause share counts: the Causes view's mode (primary cause only by default), like its tables. */
  readonly causeMode: CauseMode = $derived(causeModeOf(this.state.view, this.state.extras));
  readonly queryState: QueryFilters = $derived(toQueryFilters(this.state, { survey: this.survey, dataDate: (this.manifest ?? this.lastManifest)?.dataDate ?? null }));
  readonly level = $derived(mapLevel(this.state));
  /** The active view under the map (?tampilan=), or null. */
  readonly view: ViewDef | null = $derived(VIEW_BY_CODE.get(this.state.view) ?? null);

  /**
   * The first paint (src/lib/paint): values published with the snapshot, answering the core queries
   * until the engine is ready (`painted`); a public page holds only what public mode shows.
   */
  paint: FirstPaint | null = $state.raw(null);
  painted = $state(false);
  /** The map's rows as shown under the disclosure policy (public mode hides small counts). */
  readonly shownMap = $derived(protectMapValues(this.mapRows ?? [], INDICATOR_BY_CODE.get(this.state.indicator)?.privacy, this.disclosure));
  /** Every region of the level: missing → null (no data). */
  readonly values: Map<string, number | null> = $derived.by(() => {
    const byCode = this.shownMap.values;
    const codes = this.state.province === null ? PROVINCES.map((p) => p.code) : regenciesOf(this.state.province).map((r) => r.code);
    return new Map(codes.map((c) => [c, byCode.get(c) ?? null]));
  });
  readonly counts: Map<string, number> = $derived(this.shownMap.counts);
  readonly hiddenRegions: ReadonlyMap<string, string> = $derived(this.shownMap.hidden);
  /** The map's categories when the indicator is categorical here (e.g. calendar status in a province). */
  readonly categorical = $derived.by(() => {
    const c = INDICATOR_BY_CODE.get(this.state.indicator)?.categorical?.(this.queryState) ?? null;
    if (!c) return null;
    return { label: c.label[this.lang], categories: c.categories.map((k) => ({ value: k.value, color: k.color, label: k.label[this.lang] })) };
  });
  /** The legend set drawn (`kelas=`, src/lib/map/legendSets.ts), the choices that fit the indicator, the legend's reference line. */
  readonly legendIndicator = $derived({ code: this.state.indicator, unit: INDICATOR_BY_CODE.get(this.state.indicator)?.unit ?? 'count' });
  readonly mapClassification = $derived(resolveLegend(this.state.classification, this.legendIndicator));
  readonly legendChoices = $derived(legendChoicesFor(this.legendIndicator));
  readonly legendTarget = $derived(legendTarget(this.mapClassification, this.legendIndicator, this.lang));
  readonly format = $derived.by(() => {
    const lang = this.lang;
    const cats = this.categorical?.categories;
    if (cats) return (v: number) => cats.find((c) => c.value === v)?.label ?? String(v);
    const unit = INDICATOR_BY_CODE.get(this.state.indicator)?.unit ?? 'count';
    return unit === 'count' ? (v: number) => formatNumber(v, lang) : (v: number) => formatPercent(v, lang);
  });
  readonly indicatorLabel: string = $derived.by(() => {
    const s = this.state;
    // calendar indicators: the semester shown (the period filter, or the latest semester when it is "all")
    const semester = s.indicator.startsWith('calendar_') ? rowsSemester(this.mapRows, this.lang) : null;
    const withSemester = (label: string) => (semester ? `${label} · ${semester}` : label);
    if (this.categorical) return withSemester(this.categorical.label);
    const base = INDICATOR_BY_CODE.get(s.indicator)?.label[this.lang] ?? s.indicator;
    if (s.indicator === 'cause_share') return causeShareLabel(CAUSE_BY_CODE.get(s.cause)?.label[this.lang] ?? s.cause, this.causeMode, this.lang);
    if (semester) return withSemester(base);
    if (s.indicator === 'prevalence' && this.survey) return `${base}: ${this.survey.survey} ${this.survey.year}`;
    return base;
  });
  /** A line under each region's value in the map's tooltip (the cause share: how cases are counted). */
  readonly tooltipNote: string | undefined = $derived(this.state.indicator === 'cause_share' ? causeModeNote(this.causeMode, this.lang) : undefined);
  readonly crumbs: Crumb[] = $derived(crumbsOf(this.state, this.t, (p) => this.href(p)));
  /** File name and caption of image exports of the map: place, semester, group, data date, mode (captions.ts). */
  readonly exportName: string = $derived(exportNameOf(this.state));
  readonly exportSubtitle: string = $derived(exportSubtitleOf(this.state, this.crumbs, this.lang, this.t, this.manifest, this.disclosure));
  /** The caption under a chart's image export (README "Exports"). */
  exportCaption(title: string, extra: readonly string[] = []): string[] {
    return exportCaptionOf(title, extra, this.exportSubtitle, this.lang, this.manifest);
  }
  /** No data for the filters (prevalence: no figure for this level/survey). */
  readonly empty = $derived.by(() => {
    if (!this.ready) return false;
    const sy = this.surveyYears;
    if (this.state.indicator === 'prevalence' && sy?.province === this.state.province && sy.rows.length === 0) return true;
    return !this.mapPending && this.mapRows !== null && this.mapRows.length === 0;
  });

  /** The engine, the coordinator, the manifest and imported data (src/lib/db/DataSession). */
  readonly session = new DataSession({
    connect: (c) => this.connectClients(c),
    onManifest: (m) => {
      writeLastManifest(m);
      if (m.version === this.paintVersion) return;
      // a new snapshot since the last visit: its values only, never the old paint under its date
      this.painted = false;
      this.paint = null;
      void this.startPaint(m);
    }
  });
  /** The version whose first-paint file is loading or shown. */
  private paintVersion: string | null = null;
  get progress(): EngineProgress {
    return this.session.progress;
  }
  get failure(): EngineFailure | null {
    return this.session.failure;
  }
  get ready(): boolean {
    return this.session.ready;
  }
  get manifest(): PublishedManifest | null {
    return this.session.manifest;
  }
  /** The one query coordinator; views (src/lib/components/views.ts) connect their own clients to it. */
  get coordinator(): Coordinator<QueryFilters> | null {
    return this.session.coordinator;
  }
  get dataSource(): DataSource {
    return this.session.dataSource;
  }
  get dataVersion(): number {
    return this.session.dataVersion;
  }
  /** The query engine (the import loads into it). */
  get queryEngine(): DuckDBEngine | null {
    return this.session.engine;
  }
  /** The map's rows have arrived. */
  get mapLoaded(): boolean {
    return this.mapRows !== null;
  }
  dataChanged(source: DataSource): void {
    this.session.dataChanged(source);
  }

  constructor() {
    $effect(() => {
      document.documentElement.lang = this.lang;
    });
    $effect(() => {
      if ((this.ready || this.painted) && this.coordinator) this.coordinator.update(this.queryState);
    });
    // A remembered English choice applies when the link does not say otherwise.
    if (!page.url.searchParams.has('lang') && storedLang() === 'en') void this.navigate({ lang: 'en' }, true);
    installTestHook({
      isPublic: () => this.disclosure.public,
      engine: () => this.session.engine,
      coordinator: () => this.session.coordinator,
      owner: { name: 'model', value: this },
      mapLoaded: () => this.mapLoaded,
      mapPending: () => this.mapPending
    });
    if (this.lastManifest) void this.startPaint(this.lastManifest);
    void this.session.start();
  }

  /** A link to the current view with changes (minimal search params). */
  href(patch: Partial<DashboardState>): string {
    return `${page.url.pathname}${stateSearch(withChanges(this.state, patch))}`;
  }

  navigate(patch: Partial<DashboardState>, replaceState = false): Promise<void> {
    if (patch.lang) rememberLang(patch.lang);
    return goto(this.href(patch), { keepFocus: true, noScroll: true, replaceState });
  }

  /** Sets (or, with null, removes) parameters of the current view, keeping the others. */
  setExtras(patch: Record<string, string | null>, replaceState = false): Promise<void> {
    const extras: Record<string, string> = { ...this.state.extras };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') delete extras[k];
      else extras[k] = v;
    }
    return this.navigate({ extras }, replaceState);
  }

  /** Map click: a province drills down; a regency is selected (toggled) for the side panel. */
  select = (code: string): void => {
    if (this.level === 'province') void this.navigate({ province: code });
    else void this.navigate({ regency: this.state.regency === code ? null : code });
  };

  readonly surveyKey = (s: SurveyYear): string => surveyYearKey(s);

  /** Paints from the snapshot's first-paint file while the engine starts (skipped if the engine wins). */
  private async startPaint(m: PublishedManifest): Promise<void> {
    this.paintVersion = m.version;
    const p = await FirstPaint.load(base, m.url, m.version, this.disclosure);
    // the engine won, or current.json named another version meanwhile (its paint replaces this one)
    if (!p || this.ready || m.version !== this.paintVersion) return;
    this.paint = p;
    this.session.preview(p.engine());
    this.painted = true;
    performance.mark('peta:paint-data');
  }

  destroy(): void {
    this.session.close();
  }

  private connectClients(c: Coordinator<QueryFilters>): void {
    const onError = (err: unknown) => (this.coreError = err instanceof Error ? err.message : String(err));
    const ok = () => (this.coreError = null);
    // the map first: the worker answers in the order asked, and the map is what the first paint shows
    c.connect({
      id: 'map',
      query: (s) => CORE_QUERIES.map(s, this.disclosure),
      pending: () => (this.mapPending = true),
      update: (rows) => {
        this.mapRows = typedRows<MapRow>(rows);
        this.mapPending = false;
        if (this.ready) this.liveMap = true;
        ok();
      },
      error: (e) => ((this.mapPending = false), onError(e))
    });
    c.connect({
      id: 'periods',
      query: () => CORE_QUERIES.periods(),
      update: (rows) => (this.periods = rows.map((r) => ({ year: Number(r.year), semester: Number(r.semester) as 1 | 2 }))),
      error: onError
    });
    this.surveyQuery?.destroy();
    this.surveyQuery = defineQuery<SurveyYearRow, string | null>(c, {
      id: 'survey-years',
      params: (f) => f.province,
      query: (province) => CORE_QUERIES['survey-years']({ province })
    });
    c.connect({ id: 'summary', query: (s) => CORE_QUERIES.summary(s, this.disclosure), update: (rows) => (this.summary = typedRows<SummaryRow>(rows)[0] ?? null), error: onError });
    c.connect({ id: 'top-causes', query: (s) => CORE_QUERIES['top-causes'](s, this.disclosure), update: (rows) => (this.topCauses = typedRows<TopCauseRow>(rows)), error: onError });
    c.connect({
      id: 'headline',
      query: (s) => CORE_QUERIES.headline(s),
      update: (rows: Row[]) => (this.headline = typedRows<Headline>(rows)[0] ?? null),
      error: onError
    });
  }
}
