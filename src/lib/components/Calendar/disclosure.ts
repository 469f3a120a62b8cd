/**
 * Public-safe mode of the calendar view: nothing to shape. The view shows the audit calendar's stage
 * windows and dates, each regency's status, and counts and shares of regencies by status or stage,
 * never counts of people, cases or recommendations. Those are the published schedule, so in public mode
 * no number is suppressed or perturbed (its CSV files and images, exports.ts, are the same) and the view
 * only says so in its public note.
 */
import type { Disclosure } from '$lib/privacy/policy.ts';
import type { CalendarT } from './messages.ts';

/** The note the view shows in public mode (null outside it). */
export const publicNote = (d: Disclosure, t: CalendarT): string | null => (d.public ? t('publicNote') : null);
