/** Colours and labels of the region statuses (always shown with their text label, never colour alone). */
import type { Label } from '$lib/domain/label.ts';
import { REGION_STATUSES, type RegionStatus } from './status.ts';

export const STATUS_STYLE: Record<RegionStatus, { color: string; label: Label }> = {
  not_begun: { color: '#a9b4c1', label: { id: 'Semester belum dimulai', en: 'Semester not begun' } },
  not_started: { color: '#b42318', label: { id: 'Belum mulai', en: 'Not started' } },
  late: { color: '#d97706', label: { id: 'Terlambat', en: 'Late' } },
  on_track: { color: '#3a8d5c', label: { id: 'Sesuai jadwal', en: 'On track' } },
  done: { color: '#1f6f9f', label: { id: 'Selesai', en: 'Done' } }
};

/** The statuses as map categories: value = position in REGION_STATUSES (what the map SQL returns). */
export const STATUS_CATEGORIES = REGION_STATUSES.map((s, value) => ({ value, color: STATUS_STYLE[s].color, label: STATUS_STYLE[s].label }));
