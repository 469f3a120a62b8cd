/** Colours of the region statuses (always shown with their text label, never colour alone). */
import type { RegionStatus } from '$lib/calendar/status.ts';

export const STATUS_COLORS: Record<RegionStatus, string> = {
  not_begun: '#a9b4c1',
  not_started: '#b42318',
  late: '#d97706',
  on_track: '#3a8d5c',
  done: '#1f6f9f'
};
