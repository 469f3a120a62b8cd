/**
 * The map indicator for several semesters in ONE query (the split view's small multiples): the
 * indicator's own SQL per semester (indicators.ts), stacked with the semester as a column. Pure.
 */
import { periodKey, type Period } from '$lib/domain/index.ts';
import type { QueryFilters } from './filters.ts';
import { mapIndicatorSql } from './indicators.ts';

export interface SemesterMapRow {
  /** '2024-1' */
  period: string;
  code: string;
  value: number | null;
  n: number;
}

/** Rows (period, code, value, n) for each semester, or null when the indicator cannot be built for one of them. */
export function mapBySemesterSql(f: QueryFilters, periods: readonly Period[]): string | null {
  if (periods.length === 0) return null;
  const parts: string[] = [];
  for (const p of periods) {
    const sql = mapIndicatorSql({ ...f, period: p });
    if (sql === null) return null;
    parts.push(`SELECT '${periodKey(p)}' AS period, code, value, n FROM (\n${sql}\n)`);
  }
  return `${parts.join('\nUNION ALL\n')}\nORDER BY period, code`;
}
