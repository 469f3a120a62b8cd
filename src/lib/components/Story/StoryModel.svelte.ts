/**
 * State and data of the district story (PETIK AKSI presenter mode, route /cerita/). The filters, the
 * screen (`layar`), the presenter's good-practice note (`catatan`, also kept in this browser's local
 * storage, never sent anywhere) and the disclosure mode all live in the URL, so a shared link
 * reproduces the screen. Public-safe mode is the default here (`publik=0` turns it off).
 * Data comes through a Coordinator, like the dashboard's views; numbers are shaped under the disclosure policy in disclosure.ts.
 */
import { page } from '$app/state';
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { PROVINCE_BY_CODE, REGENCY_BY_CODE, TARGET_GROUP_BY_CODE, periodKey, periodLabel, type Lang, type Period } from '$lib/domain/index.ts';
import type { Coordinator } from '$lib/db/Coordinator.ts';
import type { PublishedManifest } from '$lib/db/DuckDBEngine.ts';
import { DataSession } from '$lib/db/DataSession.svelte.ts';
import { installTestHook } from '$lib/db/testHook.ts';
import { defineQuery, querySet, type Query, type QuerySet } from '$lib/db/query.svelte.ts';
import { translator } from '$lib/i18n/messages.ts';
import { formatDate } from '$lib/i18n/format.ts';
import { hiddenLabel, type Disclosure } from '$lib/privacy/index.ts';
import { casesSql, periodsSql, type MapRow, type QueryFilters } from '$lib/queries/index.ts';
import { discloseMapSql, protectMapValues } from '$lib/privacy/mapValues.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';
import { CAUSE_COUNTS, causeScopesSql } from '$lib/queries/causes/index.ts';
import { timelineSql, type TimelineRow } from '$lib/queries/calendar/index.ts';
import { STORY_CASES_COUNTS, STORY_INTERVENTION_COUNTS, storyCasesSql, storyInterventionsSql } from '$lib/queries/story/index.ts';
import { disclosureOf, parseState, stateSearch, withChanges, type DashboardState } from '$lib/state/urlState.ts';
import { casesScreen, causesScreen, interventionsScreen, type ScopeCauseIn, type StoryCasesIn, type StoryInterventionIn } from './disclosure.ts';
import { storyTranslator } from './messages.ts';
import { SCREENS, clampScreen, noteKey, NOTE_MAX, type ScreenCode } from './params.ts';

/** The filters a count query answers, with the disclosure its rows are published under. */
interface Disclosed {
  f: QueryFilters;
  d: Disclosure;
}
interface StoryQueries {
  periods: Query<Period, QueryFilters>;
  cases: Query<StoryCasesIn, Disclosed>;
  causes: Query<ScopeCauseIn, Disclosed>;
  interventions: Query<StoryInterventionIn, Disclosed>;
  map: Query<MapRow, Disclosed>;
  timeline: Query<TimelineRow, QueryFilters>;
  all: QuerySet;
}

export class StoryModel {
  readonly state: DashboardState = $derived(parseState(page.url.searchParams));
  readonly lang: Lang = $derived(this.state.lang);
  readonly t = $derived(storyTranslator(this.lang));
  readonly core = $derived(translator(this.lang));
  readonly disclosure: Disclosure = $derived(disclosureOf(this.state, true));
  readonly hiddenLabel = $derived(hiddenLabel(this.disclosure));
  /** 0-based screen index from `layar` (1-based in the URL). */
  readonly index: number = $derived(clampScreen(Number(page.url.searchParams.get('layar') ?? '1') - 1));
  readonly screen: ScreenCode = $derived(SCREENS[this.index]);
  readonly noteFromUrl: string | null = $derived(page.url.searchParams.get('catatan')?.slice(0, NOTE_MAX) ?? null);

  /** The story's typed queries over the session's coordinator (null before it is ready). */
  private queries: StoryQueries | null = $state.raw(null);
  readonly error: string | null = $derived(this.queries?.all.error ?? null);
  readonly periods: Period[] = $derived(this.queries?.periods.rows ?? []);
  // Counts of people: only rows disclosed under the current mode are read. Rows published for public
  // mode must never be read as true counts (or true counts shown under public mode) while a switch of
  // mode is being answered; each query's state carries the disclosure its rows were published under.
  readonly casesRows: StoryCasesIn[] | null = $derived(this.underMode(this.queries?.cases));
  readonly causeRows: ScopeCauseIn[] | null = $derived(this.underMode(this.queries?.causes));
  readonly interventionRows: StoryInterventionIn[] | null = $derived(this.underMode(this.queries?.interventions));
  /** Audited cases per regency of the province (the locator map of screen 1). */
  readonly mapRows: MapRow[] | null = $derived(this.underMode(this.queries?.map));
  readonly timelineRows: TimelineRow[] | null = $derived(this.queries?.timeline.rows ?? null);
  /** The note as edited in this browser (local storage), when the URL carries none. */
  storedNote = $state('');

  readonly regency = $derived(this.state.regency ? REGENCY_BY_CODE.get(this.state.regency) ?? null : null);
  readonly province = $derived(this.state.province ? PROVINCE_BY_CODE.get(this.state.province) ?? null : null);
  /** The semester shown, or null for all semesters (the calendar screen then shows the latest). */
  readonly period: Period | null = $derived(this.state.period);
  readonly periodText = $derived(this.period ? periodLabel(this.period)[this.lang] : this.t('allPeriods'));
  readonly filters: QueryFilters | null = $derived.by(() => {
    if (!this.regency) return null;
    const s = this.state;
    return { period: this.period, group: s.group, province: s.province, regency: s.regency, indicator: 'cases', cause: s.cause, survey: null, dataDate: this.manifest?.dataDate ?? null };
  });
  readonly scopeNames = $derived({ regency: this.regency?.name ?? '', province: this.province?.name ?? '', nation: this.t('nation') });
  readonly note: string = $derived(this.noteFromUrl ?? this.storedNote);

  readonly cases = $derived(this.casesRows ? casesScreen(this.casesRows, this.disclosure, this.lang) : null);
  readonly causes = $derived(this.causeRows ? causesScreen(this.causeRows, this.disclosure, this.lang) : null);
  readonly interventions = $derived(this.interventionRows ? interventionsScreen(this.interventionRows, this.disclosure, this.lang) : null);
  /** The locator map's values under the disclosure policy. */
  readonly map = $derived(protectMapValues(this.mapRows ?? [], 'count', this.disclosure));
  readonly loading = $derived(this.casesRows === null || this.causeRows === null || this.interventionRows === null || this.timelineRows === null);

  /** The engine, the coordinator and the manifest (src/lib/db/DataSession). */
  readonly session = new DataSession({ connect: (c) => this.connectClients(c) });
  get manifest(): PublishedManifest | null {
    return this.session.manifest;
  }
  /** A query's rows if they were disclosed under the current mode, else null. */
  private underMode<R>(q: Query<R, Disclosed> | undefined): R[] | null {
    const d = q?.state?.d;
    return q?.rows && d && d.public === this.disclosure.public && d.threshold === this.disclosure.threshold ? q.rows : null;
  }

  constructor() {
    $effect(() => {
      document.documentElement.lang = this.lang;
    });
    $effect(() => {
      const f = this.filters;
      void this.disclosure; // a change of mode asks again (the SQL differs)
      const c = this.session.coordinator;
      if (this.session.ready && f && c) c.update(f);
    });
    $effect(() => {
      const key = this.regency ? noteKey(this.regency.code, this.period ? periodKey(this.period) : 'semua') : null;
      this.storedNote = key ? (readStorage(key) ?? '') : '';
    });
    installTestHook({
      isPublic: () => this.disclosure.public,
      engine: () => this.session.engine,
      coordinator: () => this.session.coordinator,
      owner: { name: 'story', value: this },
      mapLoaded: () => this.mapRows !== null,
      mapPending: () => false
    });
    void this.session.start();
  }

  /** Header line of every screen: place, semester, target group, mode. */
  readonly filterLine: string = $derived.by(() => {
    const parts = [this.regency?.name ?? '', this.province?.name ?? '', this.periodText];
    parts.push(this.state.group ? (TARGET_GROUP_BY_CODE.get(this.state.group)?.label[this.lang] ?? this.state.group) : this.t('allGroups'));
    return parts.filter(Boolean).join(' · ');
  });

  /** The caption under a screen's image export: title, filters, data date (and public mode), source. */
  exportCaption(title: string): string[] {
    const m = this.manifest;
    const id = this.lang === 'id';
    const date = m ? `${this.core('dataDate')} ${formatDate(m.dataDate, this.lang)}` : '';
    const pub = this.disclosure.public ? `${id ? 'Mode publik' : 'Public mode'} (<${this.disclosure.threshold})` : '';
    return [title, this.filterLine, [date, pub].filter(Boolean).join(' · '), `${id ? 'Sumber' : 'Source'}: Peta AKS${m?.name ? ` (${m.name})` : ''}`];
  }

  /** A link to the story with changes (minimal parameters + screen + note). */
  href(patch: Partial<DashboardState> = {}, screen = this.index, note: string | null = this.noteFromUrl): string {
    const s = withChanges({ ...this.state, extras: {} }, patch);
    const q = new URLSearchParams(stateSearch(s).slice(1));
    if (screen > 0) q.set('layar', String(screen + 1));
    if (note) q.set('catatan', note.slice(0, NOTE_MAX));
    const search = q.toString();
    return `${base}/cerita/${search ? `?${search}` : ''}`;
  }
  /** The dashboard at the same place and filters. */
  dashboardHref(): string {
    return `${base}/${stateSearch(withChanges({ ...this.state, extras: {} }, { public: this.state.public }))}`;
  }

  go(i: number): void {
    const next = clampScreen(i);
    if (next !== this.index) void goto(this.href({}, next), { keepFocus: true, noScroll: true, replaceState: true });
  }
  next = (): void => this.go(this.index + 1);
  prev = (): void => this.go(this.index - 1);
  navigate(patch: Partial<DashboardState>): void {
    void goto(this.href(patch), { keepFocus: true, noScroll: true });
  }

  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  /** The presenter edits the note: kept in local storage and (debounced) in the URL. */
  setNote(text: string): void {
    const t = text.slice(0, NOTE_MAX);
    this.storedNote = t;
    if (this.regency) writeStorage(noteKey(this.regency.code, this.period ? periodKey(this.period) : 'semua'), t);
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => void goto(this.href({}, this.index, t || null), { keepFocus: true, noScroll: true, replaceState: true }), 400);
  }

  /** The story's queries on a new coordinator of the session; returns their disconnect. */
  private connectClients(c: Coordinator<QueryFilters>): () => void {
    const withMode = (f: QueryFilters): Disclosed => ({ f, d: this.disclosure });
    const periods = defineQuery<Period>(c, { id: 'periods', query: () => periodsSql(), decode: (rows) => rows.map((r) => ({ year: Number(r.year), semester: Number(r.semester) as 1 | 2 })) });
    // public mode: every count published inside the database (src/lib/privacy/ptable.ts)
    const cases = defineQuery<StoryCasesIn, Disclosed>(c, { id: 'story-cases', params: withMode, query: ({ f, d }) => discloseSql(storyCasesSql(f), STORY_CASES_COUNTS, d) });
    const causes = defineQuery<ScopeCauseIn, Disclosed>(c, { id: 'story-causes', params: withMode, query: ({ f, d }) => discloseSql(causeScopesSql(f, 'primary'), CAUSE_COUNTS, d) });
    const interventions = defineQuery<StoryInterventionIn, Disclosed>(c, {
      id: 'story-interventions',
      params: withMode,
      query: ({ f, d }) => discloseSql(storyInterventionsSql(f), STORY_INTERVENTION_COUNTS, d)
    });
    const map = defineQuery<MapRow, Disclosed>(c, { id: 'story-map', params: withMode, query: ({ f, d }) => discloseMapSql(casesSql(f), 'count', d) });
    const timeline = defineQuery<TimelineRow>(c, { id: 'story-timeline', query: (f) => (f.regency ? timelineSql(f, [f.regency], f.dataDate ?? null) : null) });
    const all = querySet(periods, cases, causes, interventions, map, timeline);
    this.queries = { periods, cases, causes, interventions, map, timeline, all };
    return () => all.destroy();
  }

  destroy(): void {
    clearTimeout(this.noteTimer);
    this.session.close();
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    /* storage unavailable (private mode): the URL still carries the note */
  }
}
