/** Colours of the region statuses (always shown with their text label, never colour alone). */
import type { RegionStatus } from '$lib/calendar/status.ts';
import { STATUS_STYLE } from '$lib/calendar/statusStyle.ts';

export const STATUS_COLORS = Object.fromEntries(Object.entries(STATUS_STYLE).map(([k, v]) => [k, v.color])) as Record<RegionStatus, string>;
