/**
 * State and data of the audit calendar view. Five typed queries on the page's Coordinator (status per
 * regency, stage completion, timeline, stage windows, latest semester; src/lib/db/query.svelte.ts); SQL
 * comes from src/lib/queries/calendar. Its own URL parameters (params.ts: per = as-of date, wil =
 * timeline regencies, urut/arah = behind-schedule sort) are parsed once, and the queries read them here.
 */
import { PROVINCE_BY_CODE, PROVINCES, REGENCY_BY_CODE, periodLabel, regenciesOf, REGENCIES, type Period } from '$lib/domain/index.ts';
import { defineQuery, querySet, type Query, type QuerySet } from '$lib/db/query.svelte.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  latestSemesterSql, regionStatusSql, semesterWindowsSql, stageCompletionSql, timelineSql,
  type RegionStatusRow, type StageCompletionRow, type TimelineRow
} from '$lib/queries/calendar/index.ts';
import { onSchedule, type RegionStatus, type StageWindow } from '$lib/calendar/status.ts';
import { formatDate } from '$lib/i18n/format.ts';
import { csvDialectFor, downloadCsv, toCsv, withCsvDialect } from '$lib/export/csv.ts';
import type { ViewContext } from '../ViewContext.ts';
import { calendarTranslator } from './messages.ts';
import { nextSort, paramsPatch, parseParams, MAX_TIMELINE, type SortKey, type ViewParams } from './params.ts';
import { lateList, sortLate, statusCounts } from './present.ts';
import { publicNote } from './disclosure.ts';
import {
  captionOf, completionColumns, completionLines, fileNameOf, lateColumns, lateCsvName, statusColumns, timelineColumns, timelineLines, windowColumns
} from './exports.ts';

export const CALENDAR_INDICATORS = ['calendar_on_track', 'calendar_stage'];

export class CalendarModel {
  readonly model: ViewContext;
  readonly t = $derived.by(() => calendarTranslator(this.model.lang));
  readonly params: ViewParams = $derived.by(() => parseParams(this.model.state.extras, this.model.state.province));
  readonly dataDate: string | null = $derived.by(() => this.model.manifest?.dataDate ?? null);
  /** The as-of date in use: the URL's, else the snapshot's data date. */
  readonly asOf: string | null = $derived.by(() => this.params.per ?? this.dataDate);

  readonly statusQuery: Query<RegionStatusRow, QueryFilters>;
  readonly completionQuery: Query<StageCompletionRow, QueryFilters>;
  readonly timelineQuery: Query<TimelineRow, QueryFilters>;
  readonly windowsQuery: Query<StageWindow, QueryFilters>;
  readonly latestQuery: Query<Period, QueryFilters>;
  private readonly queries: QuerySet;
  readonly error = $derived.by(() => this.queries.error);
  readonly statusRows: RegionStatusRow[] | null = $derived.by(() => this.statusQuery.rows);
  readonly completion: StageCompletionRow[] | null = $derived.by(() => this.completionQuery.rows);
  readonly timeline: TimelineRow[] | null = $derived.by(() => this.timelineQuery.rows);
  /** The latest semester in the calendar. */
  readonly latest: Period | null = $derived.by(() => this.latestQuery.rows?.[0] ?? null);
  readonly publicNote = $derived.by(() => publicNote(this.model.disclosure, this.t));

  /** The semester shown: the period filter, else the latest semester in the calendar. */
  readonly semester: Period | null = $derived.by(() => this.model.state.period ?? this.latest);
  readonly semesterLabel = $derived.by(() => (this.semester ? periodLabel(this.semester)[this.model.lang] : ''));
  /** The semester's stage windows, from the snapshot's calendar_windows table. */
  readonly windows: StageWindow[] = $derived.by(() => this.windowsQuery.rows ?? []);
  readonly loading = $derived.by(() => this.statusQuery.loading || this.completionQuery.loading);
  readonly empty = $derived(this.statusRows !== null && this.statusRows.length === 0);
  readonly counts = $derived(statusCounts(this.statusRows ?? []));
  readonly onSchedulePct = $derived.by(() => {
    const rows = this.statusRows ?? [];
    return rows.length ? (100 * rows.filter((r) => onSchedule(r.status)).length) / rows.length : 0;
  });
  readonly late = $derived.by(() => sortLate(lateList(this.statusRows ?? []), this.params.sort, this.params.desc, this.model.lang));
  readonly place: string = $derived.by(() => {
    const p = this.model.state.province;
    return p ? (PROVINCE_BY_CODE.get(p)?.name ?? p) : 'Indonesia';
  });
  readonly asOfText = $derived.by(() => (this.asOf ? formatDate(this.asOf, this.model.lang) : ''));
  readonly dataDateText = $derived.by(() => (this.dataDate ? formatDate(this.dataDate, this.model.lang) : ''));
  /** Regencies shown in the timeline: the URL's, else the regency selected on the map. */
  readonly timelineCodes: string[] = $derived.by(() => {
    if (this.params.wil.length) return this.params.wil;
    return this.model.state.regency ? [this.model.state.regency] : [];
  });
  /** Regencies the timeline picker offers (the province's, or all). */
  readonly pickable = $derived.by(() => {
    const p = this.model.state.province;
    const list = p ? regenciesOf(p) : REGENCIES;
    return list.filter((r) => !this.timelineCodes.includes(r.code));
  });
  /** Provinces to label the completion rows. */
  readonly provinceName = (code: string): string => (code === '00' ? this.t('indonesia') : (PROVINCE_BY_CODE.get(code)?.name ?? code));
  readonly calendarOnMap = $derived.by(() => CALENDAR_INDICATORS.includes(this.model.state.indicator));
  /** The calendar indicator suited to the map level. */
  readonly mapIndicator = $derived.by(() => (this.model.state.province === null ? 'calendar_on_track' : 'calendar_stage'));

  constructor(model: ViewContext) {
    this.model = model;
    const c = model.coordinator;
    this.latestQuery = defineQuery<Period>(c, {
      id: 'calendar-latest',
      query: () => latestSemesterSql(),
      decode: (rows) => rows.slice(0, 1).map((r) => ({ year: Number(r.year), semester: Number(r.semester) as 1 | 2 }))
    });
    this.windowsQuery = defineQuery<StageWindow>(c, { id: 'calendar-windows', query: (f) => semesterWindowsSql(f.period) });
    this.statusQuery = defineQuery<RegionStatusRow>(c, { id: 'calendar-status', query: (f) => regionStatusSql(f, this.asOf) });
    this.completionQuery = defineQuery<StageCompletionRow>(c, { id: 'calendar-completion', query: (f) => stageCompletionSql(f, this.asOf) });
    this.timelineQuery = defineQuery<TimelineRow>(c, {
      id: 'calendar-timeline',
      query: (f) => (this.timelineCodes.length ? timelineSql(f, this.timelineCodes, this.asOf) : null)
    });
    this.queries = querySet(this.latestQuery, this.windowsQuery, this.statusQuery, this.completionQuery, this.timelineQuery);
  }

  destroy(): void {
    this.queries.destroy();
  }

  statusLabel = (s: RegionStatus): string => this.t(`status_${s}`);
  regionName = (code: string): string => REGENCY_BY_CODE.get(code)?.name ?? PROVINCE_BY_CODE.get(code)?.name ?? code;

  /** Completion rows grouped per region: Indonesia first, then provinces by name. */
  readonly completionByRegion = $derived.by(() => {
    const by = new Map<string, StageCompletionRow[]>();
    for (const r of this.completion ?? []) {
      if (!by.has(r.code)) by.set(r.code, []);
      by.get(r.code)!.push(r);
    }
    const order = ['00', ...PROVINCES.map((p) => p.code)];
    return order.filter((c) => by.has(c)).map((code) => ({ code, name: this.provinceName(code), stages: by.get(code)! }));
  });

  setAsOf(iso: string | null): void {
    void this.model.setExtras(paramsPatch({ ...this.params, per: iso && iso !== this.dataDate ? iso : null }), true);
  }
  addTimeline(code: string): void {
    const wil = [...this.timelineCodes.filter((c) => c !== code), code].slice(-MAX_TIMELINE);
    void this.model.setExtras(paramsPatch({ ...this.params, wil }));
  }
  removeTimeline(code: string): void {
    const wil = this.timelineCodes.filter((c) => c !== code);
    // the regency selected on the map is the default timeline: removing it also clears the selection
    if (wil.length === 0 && this.model.state.regency === code) {
      const extras: Record<string, string> = { ...this.model.state.extras };
      delete extras.wil;
      void this.model.navigate({ regency: null, extras });
    } else void this.model.setExtras(paramsPatch({ ...this.params, wil }));
  }
  sortBy(key: SortKey): void {
    void this.model.setExtras(paramsPatch(nextSort(this.params, key)), true);
  }

  // ---- exports (exports.ts): file names, image captions, CSV ----
  fileName(what: string): string {
    return fileNameOf(what, this.model.state.province, this.semester, this.asOf);
  }
  caption(title: string): string[] {
    return captionOf(title, this.semesterLabel, this.place, this.asOfText, this.dataDateText, this.model.lang, this.model.manifest?.name ?? '');
  }
  statusCsv(): string {
    return toCsv(this.counts, statusColumns(this.statusLabel, this.t, this.model.lang));
  }
  windowsCsv(): string {
    return toCsv(this.windows, windowColumns(this.t, this.model.lang));
  }
  completionCsv(): string {
    return toCsv(completionLines(this.completionByRegion), completionColumns(this.t, this.model.lang));
  }
  timelineCsv(): string {
    return toCsv(timelineLines(this.timelineCodes, this.timeline ?? []), timelineColumns(this.t, this.model.lang));
  }
  csv(): string {
    return toCsv(this.late, lateColumns(this.t, this.statusLabel, this.model.lang));
  }
  /** Downloads the behind-schedule list (the CSV dialect of the page's language). */
  downloadLate(): void {
    downloadCsv(lateCsvName(this.model.state.province, this.semester, this.asOf), withCsvDialect(csvDialectFor(this.model.lang), () => this.csv()));
  }
}
