/**
 * The map indicator for several semesters in ONE query (the split view's small multiples): the
 * indicator's own SQL per semester (indicators.ts), disclosed as the single map discloses it (public mode:
 * published counts only, privacy/mapValues.ts), stacked with the semester as a column. Pure.
 */
import { periodKey, type Period } from '$lib/domain/index.ts';
import type { QueryFilters } from './filters.ts';
import { INDICATOR_BY_CODE, mapIndicatorSql } from './indicators.ts';
import type { Disclosure } from '../privacy/policy.ts';
import { discloseMapSql } from '../privacy/mapValues.ts';

export interface SemesterMapRow {
  /** '2024-1' */
  period: string;
  code: string;
  value: number | null;
  n: number | null;
  /** public mode: a share withheld because the count with the attribute is hidden */
  withheld: boolean;
}

/** Rows (period, code, value, n) for each semester, or null when the indicator cannot be built for one of them. */
export function mapBySemesterSql(f: QueryFilters, periods: readonly Period[], d: Disclosure): string | null {
  if (periods.length === 0) return null;
  const kind = INDICATOR_BY_CODE.get(f.indicator)?.privacy;
  const withheld = d.public && kind === 'share' ? 'withheld' : 'false AS withheld';
  const parts: string[] = [];
  for (const p of periods) {
    const sql = discloseMapSql(mapIndicatorSql({ ...f, period: p }), kind, d);
    if (sql === null) return null;
    parts.push(`SELECT '${periodKey(p)}' AS period, code, value, n, ${withheld} FROM (\n${sql}\n)`);
  }
  return `${parts.join('\nUNION ALL\n')}\nORDER BY period, code`;
}
