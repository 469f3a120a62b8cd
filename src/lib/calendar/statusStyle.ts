/** Colours and labels of the region statuses (always shown with their text label, never colour alone). */
import type { Label } from '$lib/domain/label.ts';
import { REGION_STATUSES, type RegionStatus } from './status.ts';
import { STAGES } from '$lib/domain/stages.ts';

export const STATUS_STYLE: Record<RegionStatus, { color: string; label: Label }> = {
  not_begun: { color: '#a9b4c1', label: { id: 'Semester belum dimulai', en: 'Semester not begun' } },
  not_started: { color: '#b42318', label: { id: 'Belum mulai', en: 'Not started' } },
  late: { color: '#d97706', label: { id: 'Terlambat', en: 'Late' } },
  on_track: { color: '#3a8d5c', label: { id: 'Sesuai jadwal', en: 'On track' } },
  done: { color: '#1f6f9f', label: { id: 'Selesai', en: 'Done' } }
};

/** The statuses as map categories: value = position in REGION_STATUSES (what the map SQL returns). */
export const STATUS_CATEGORIES = REGION_STATUSES.map((s, value) => ({ value, color: STATUS_STYLE[s].color, label: STATUS_STYLE[s].label }));

/** Colours of the furthest stage reached, 0 (none done) … 6 (evaluation): an ordered, fixed scale. */
const STAGE_COLORS = ['#f2f0e6', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8'];

/** The furthest-stage map's categories: value = stage number (0–6), labelled with the stage's name. */
export const STAGE_CATEGORIES: readonly { value: number; color: string; label: Label }[] = [
  { value: 0, color: STAGE_COLORS[0], label: { id: '0 · Belum ada tahap selesai', en: '0 · No stage done' } },
  ...STAGES.map((s) => ({ value: s.order, color: STAGE_COLORS[s.order], label: { id: `${s.order} · ${s.label.id}`, en: `${s.order} · ${s.label.en}` } }))
];
