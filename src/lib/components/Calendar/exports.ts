/**
 * CSV columns, file names and image captions of the calendar view's exports (pure). Nothing in them is
 * suppressed in public mode (disclosure.ts says why).
 */
import { REGENCY_BY_CODE, STAGES, type Lang, type Period } from '$lib/domain/index.ts';
import type { RegionStatus, StageWindow } from '$lib/calendar/status.ts';
import type { StageCompletionRow, TimelineRow } from '$lib/queries/calendar/index.ts';
import type { CsvColumn } from '$lib/export/csv.ts';
import { stageLabel, type LateItem, type StatusCount } from './present.ts';

type T = (k: 'regionCol' | 'stageCol' | 'statusCol' | 'regencyCol' | 'plannedCol' | 'actualCol' | 'stateCol') => string;

export function statusColumns(statusLabel: (s: RegionStatus) => string, t: T, lang: Lang): CsvColumn<StatusCount>[] {
  return [
    { header: 'status', value: (r) => r.status },
    { header: t('statusCol'), value: (r) => statusLabel(r.status) },
    { header: lang === 'id' ? 'jumlah_kab_kota' : 'regencies', value: (r) => r.n },
    { header: lang === 'id' ? 'persen' : 'percent', value: (r) => r.pct }
  ];
}

export function windowColumns(t: T, lang: Lang): CsvColumn<StageWindow>[] {
  return [
    { header: 'urutan', value: (w) => w.order },
    { header: 'kode_tahap', value: (w) => w.stage },
    { header: t('stageCol'), value: (w) => stageLabel(w.stage, lang) },
    { header: lang === 'id' ? 'mulai' : 'start', value: (w) => w.start },
    { header: lang === 'id' ? 'selesai' : 'end', value: (w) => w.end }
  ];
}

export interface CompletionRegion {
  code: string;
  name: string;
  stages: StageCompletionRow[];
}
/** One line per region and stage (the table's cells), with the counts behind the percentage. */
export function completionLines(rows: readonly CompletionRegion[]): (StageCompletionRow & { name: string })[] {
  return rows.flatMap((r) =>
    STAGES.map((s) => r.stages.find((x) => x.stage_code === s.code))
      .filter((x): x is StageCompletionRow => !!x)
      .map((x) => ({ ...x, name: r.name }))
  );
}
export function completionColumns(t: T, lang: Lang): CsvColumn<StageCompletionRow & { name: string }>[] {
  return [
    { header: 'kode', value: (r) => r.code },
    { header: t('regionCol'), value: (r) => r.name },
    { header: 'kode_tahap', value: (r) => r.stage_code },
    { header: t('stageCol'), value: (r) => stageLabel(r.stage_code, lang) },
    { header: lang === 'id' ? 'selesai' : 'done', value: (r) => r.done },
    { header: lang === 'id' ? 'jumlah_kab_kota' : 'regencies', value: (r) => r.n },
    { header: lang === 'id' ? 'persen' : 'percent', value: (r) => r.pct }
  ];
}

export function timelineColumns(t: T, lang: Lang): CsvColumn<TimelineRow>[] {
  return [
    { header: 'kode', value: (r) => r.code },
    { header: t('regencyCol'), value: (r) => REGENCY_BY_CODE.get(r.code)?.name ?? r.code },
    { header: 'kode_tahap', value: (r) => r.stage_code },
    { header: t('stageCol'), value: (r) => stageLabel(r.stage_code, lang) },
    { header: lang === 'id' ? 'jendela_mulai' : 'window_start', value: (r) => r.win_start },
    { header: lang === 'id' ? 'jendela_selesai' : 'window_end', value: (r) => r.win_end },
    { header: t('plannedCol'), value: (r) => r.planned },
    { header: t('actualCol'), value: (r) => r.actual },
    { header: t('stateCol'), value: (r) => r.state },
    { header: lang === 'id' ? 'hari_terlambat' : 'days_late', value: (r) => r.days_late }
  ];
}

/** Timeline rows in the order shown (regency as chosen, then stage). */
export function timelineLines(codes: readonly string[], rows: readonly TimelineRow[]): TimelineRow[] {
  return codes.flatMap((c) => rows.filter((r) => r.code === c).sort((a, b) => a.stage_order - b.stage_order));
}

/** Lines under an exported calendar chart: chart title, semester and place, as-of and data date, source. */
export function captionOf(title: string, semester: string, place: string, asOf: string, dataDate: string, lang: Lang, source = ''): string[] {
  const id = lang === 'id';
  return [
    title,
    [semester, place].filter(Boolean).join(' · '),
    [asOf && (id ? `Per ${asOf}` : `As of ${asOf}`), dataDate && (id ? `data ${dataDate}` : `data of ${dataDate}`)].filter(Boolean).join(' · '),
    `${id ? 'Sumber' : 'Source'}: Peta AKS${source ? ` (${source})` : ''}`
  ].filter(Boolean);
}

/** CSV columns of the behind-schedule list (numbers unformatted, codes kept for machines). */
export function lateColumns(t: (k: 'regencyCol' | 'provinceCol' | 'statusCol' | 'furthestCol' | 'overdueCol' | 'doneLateCol' | 'daysLateCol' | 'worstCol' | 'asOfCol', v?: Record<string, string>) => string,
  statusLabel: (s: RegionStatus) => string, lang: Lang): CsvColumn<LateItem>[] {
  return [
    { header: 'kode', value: (r) => r.code },
    { header: t('regencyCol'), value: (r) => r.name },
    { header: t('provinceCol'), value: (r) => r.province },
    { header: t('statusCol'), value: (r) => statusLabel(r.status) },
    { header: t('furthestCol'), value: (r) => r.furthest },
    { header: t('overdueCol'), value: (r) => r.overdue },
    { header: t('doneLateCol'), value: (r) => r.done_late },
    { header: t('daysLateCol'), value: (r) => r.days_late },
    { header: t('worstCol'), value: (r) => stageLabel(r.worst_stage, lang) },
    { header: t('asOfCol'), value: (r) => r.as_of }
  ];
}

/** An export's file name (no extension): view, what, province, semester, as-of date. */
export function fileNameOf(what: string, province: string | null, semester: Period | null, asOf: string | null): string {
  return ['kalender', what, province ?? 'indonesia', semester ? `${semester.year}-${semester.semester}` : '', asOf ? `per-${asOf}` : '']
    .filter(Boolean)
    .join('_');
}

/** The behind-schedule list's CSV file name. */
export function lateCsvName(province: string | null, semester: Period | null, asOf: string | null): string {
  const parts = ['kalender-tertinggal', province ?? 'indonesia'];
  if (semester) parts.push(`${semester.year}-${semester.semester}`);
  if (asOf) parts.push(`per-${asOf}`);
  return `${parts.join('_')}.csv`;
}
