/**
 * Shared pieces of the intervention queries: what counts as delivered / followed up, and the snapshot's
 * data date (the day "past due" is measured against), validated before it reaches SQL.
 */
import { InvalidFilterError } from '../filters.ts';

/** 'delivered' and 'followed_up' both count as delivered; only 'followed_up' as followed up. */
export const DELIVERED = `status IN ('delivered', 'followed_up')`;
export const FOLLOWED_UP = `status = 'followed_up'`;

/** A DATE literal for an ISO date (YYYY-MM-DD, or the date part of a date-time); refuses anything else. */
export function dateLiteral(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!m) throw new InvalidFilterError(`Not a date: ${JSON.stringify(iso)}`);
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) {
    throw new InvalidFilterError(`Not a date: ${JSON.stringify(iso)}`);
  }
  return `DATE '${m[1]}-${m[2]}-${m[3]}'`;
}

/** Not delivered and due before the data date; 0 when the data date is unknown. */
export function pastDue(dataDate: string | null): string {
  return dataDate === null ? 'FALSE' : `status = 'planned' AND due_date < ${dateLiteral(dataDate)}`;
}
