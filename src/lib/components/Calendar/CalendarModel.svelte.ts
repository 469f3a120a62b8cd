/**
 * State and data of the audit calendar view. Connects its query clients (status per regency, stage
 * completion, timeline, latest semester) to the dashboard's Coordinator; SQL comes from
 * src/lib/queries/calendar. Its own URL parameters: per (as-of date), wil (timeline regencies),
 * urut/arah (behind-schedule sort).
 */
import { PROVINCE_BY_CODE, PROVINCES, REGENCY_BY_CODE, periodLabel, regenciesOf, REGENCIES, type Period } from '$lib/domain/index.ts';
import type { Row } from '$lib/db/types.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  latestSemesterSql, regionStatusSql, semesterWindowsSql, stageCompletionSql, timelineSql,
  type RegionStatusRow, type StageCompletionRow, type TimelineRow
} from '$lib/queries/calendar/index.ts';
import { onSchedule, type RegionStatus, type StageWindow } from '$lib/calendar/status.ts';
import { formatDate } from '$lib/i18n/format.ts';
import { toCsv } from '$lib/export/csv.ts';
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { calendarTranslator } from './messages.ts';
import {
  lateColumns, lateList, nextSort, paramsPatch, parseParams, sortLate, statusCounts, MAX_TIMELINE, type SortKey, type ViewParams
} from './present.ts';

export const CALENDAR_INDICATORS = ['calendar_on_track', 'calendar_stage'];

export class CalendarModel {
  readonly model: DashboardModel;
  readonly t = $derived.by(() => calendarTranslator(this.model.lang));
  readonly params: ViewParams = $derived.by(() => parseParams(this.model.state.extras, this.model.state.province));
  readonly dataDate: string | null = $derived.by(() => this.model.manifest?.dataDate ?? null);
  /** The as-of date in use: the URL's, else the snapshot's data date. */
  readonly asOf: string | null = $derived.by(() => this.params.per ?? this.dataDate);

  statusRows: RegionStatusRow[] | null = $state.raw(null);
  completion: StageCompletionRow[] | null = $state.raw(null);
  timeline: TimelineRow[] | null = $state.raw(null);
  latest: Period | null = $state.raw(null);
  error: string | null = $state(null);

  /** The semester shown: the period filter, else the latest semester in the calendar. */
  readonly semester: Period | null = $derived.by(() => this.model.state.period ?? this.latest);
  readonly semesterLabel = $derived.by(() => (this.semester ? periodLabel(this.semester)[this.model.lang] : ''));
  /** The semester's stage windows, from the snapshot's calendar_windows table. */
  windows: StageWindow[] = $state.raw([]);
  readonly loading = $derived(this.statusRows === null || this.completion === null);
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

  private disconnect: () => void = () => {};

  constructor(model: DashboardModel) {
    this.model = model;
    const c = model.coordinator;
    if (!c) return;
    const asOfOf = (f: QueryFilters) => f.asOf ?? this.dataDate;
    this.disconnect = c.connectAll(
      [
        {
          id: 'calendar-latest',
          query: () => latestSemesterSql(),
          update: (rows: Row[]) => (this.latest = rows[0] ? { year: Number(rows[0].year), semester: Number(rows[0].semester) as 1 | 2 } : null)
        },
        {
          id: 'calendar-windows',
          query: (f) => semesterWindowsSql(f.period),
          update: (rows: Row[]) => (this.windows = rows as unknown as StageWindow[])
        },
        {
          id: 'calendar-status',
          query: (f) => regionStatusSql(f, asOfOf(f)),
          update: (rows: Row[]) => {
            this.statusRows = rows as unknown as RegionStatusRow[];
            this.error = null;
          }
        },
        {
          id: 'calendar-completion',
          query: (f) => stageCompletionSql(f, asOfOf(f)),
          update: (rows: Row[]) => (this.completion = rows as unknown as StageCompletionRow[])
        },
        {
          id: 'calendar-timeline',
          query: (f) => {
            const wil = this.params.wil; // a view parameter, not a query filter (read on every URL change)
            const codes = wil.length ? wil : f.regency ? [f.regency] : [];
            return codes.length ? timelineSql(f, codes, asOfOf(f)) : null;
          },
          update: (rows: Row[]) => (this.timeline = rows as unknown as TimelineRow[])
        }
      ],
      (message) => (this.error = message)
    );
  }

  destroy(): void {
    this.disconnect();
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

  csv(): string {
    return toCsv(this.late, lateColumns(this.t, this.statusLabel, this.model.lang));
  }
  csvName(): string {
    const s = this.model.state;
    const parts = ['kalender-tertinggal', s.province ?? 'indonesia'];
    if (this.semester) parts.push(`${this.semester.year}-${this.semester.semester}`);
    if (this.asOf) parts.push(`per-${this.asOf}`);
    return `${parts.join('_')}.csv`;
  }
}
