/**
 * A list of rejected values that keeps only the first `limit` issues but counts every one, in total
 * and by reason: the browser import (src/lib/upload/importWorker.ts) shows and downloads at most
 * MAX_ISSUES rejects, so a 200 MB file whose every row is rejected does not hold millions of issue
 * objects, while the counts in the report stay exact. It is an array (the validators push to it as
 * to any `Issue[]`); derived arrays (slice, map, filter) are plain arrays. Pure.
 */
import type { Issue } from './types.ts';

export class IssueList extends Array<Issue> {
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /** Every issue pushed (or unshifted), kept or not. */
  total = 0;
  /** Every issue pushed, by reason code. */
  readonly byReason = new Map<string, number>();
  private limit = Infinity;

  /** An empty list keeping at most `limit` issues (Infinity: all). */
  static keeping(limit: number): IssueList {
    const l = new IssueList();
    l.limit = Math.max(0, limit);
    return l;
  }

  private count(items: readonly Issue[]): void {
    this.total += items.length;
    for (const i of items) this.byReason.set(i.code, (this.byReason.get(i.code) ?? 0) + 1);
  }

  override push(...items: Issue[]): number {
    this.count(items);
    for (const i of items) if (this.length < this.limit) super.push(i);
    return this.length;
  }

  /** Puts issues first (read errors); the last kept ones make room when the list is full. */
  override unshift(...items: Issue[]): number {
    this.count(items);
    super.unshift(...items);
    if (this.length > this.limit) this.length = this.limit;
    return this.length;
  }
}

/** Issue lists one after the other: the first `limit` issues of them all, and their exact counts. */
export function joinIssues(lists: readonly IssueList[], limit = Infinity): { issues: Issue[]; total: number; byReason: Record<string, number> } {
  const issues: Issue[] = [];
  const byReason: Record<string, number> = {};
  let total = 0;
  for (const l of lists) {
    total += l.total;
    for (const [code, n] of l.byReason) byReason[code] = (byReason[code] ?? 0) + n;
    for (const i of l) {
      if (issues.length >= limit) break;
      issues.push(i);
    }
  }
  return { issues, total, byReason };
}
