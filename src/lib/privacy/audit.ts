/**
 * Checks a shown table against the public-mode rules (used by the property tests, and cheap enough to
 * assert in development): no shown count below the threshold, and no line (members and their total)
 * with exactly one hidden term: that term would be the total minus the others, or their sum.
 */
import type { Disclosure } from './policy.ts';
import type { ProtectedTable } from './suppress.ts';

export function auditTable(t: ProtectedTable, d: Disclosure): string[] {
  const problems: string[] = [];
  if (!d.public) return problems;
  const small = (v: number | null | undefined) => v !== null && v !== undefined && v < d.threshold;
  t.cells.forEach((r, i) => r.forEach((v, j) => small(v) && problems.push(`cell ${i},${j} shows ${v}`)));
  t.rowTotals?.forEach((v, i) => small(v) && problems.push(`row total ${i} shows ${v}`));
  t.colTotals?.forEach((v, j) => small(v) && problems.push(`column total ${j} shows ${v}`));
  if (small(t.total)) problems.push(`total shows ${t.total}`);
  // A line's total is a term of its equation too: exactly one hidden term (member or total) gives it away.
  // Hidden members beside a shown total that leaves 0 for them are all 0 (counts are never negative).
  const oneHidden = (xs: readonly (number | null)[], total: number | null | undefined) => {
    if (total === undefined) return false;
    const hidden = xs.filter((v) => v === null).length;
    if (hidden + (total === null ? 1 : 0) === 1) return true;
    return total !== null && hidden > 0 && total - xs.reduce<number>((a, v) => a + (v ?? 0), 0) === 0;
  };
  t.cells.forEach((r, i) => {
    if (t.rowTotals && oneHidden(r, t.rowTotals[i])) problems.push(`row ${i}: one hidden term beside its total`);
  });
  const cols = t.cells[0]?.length ?? 0;
  for (let j = 0; j < cols; j++) {
    const col = t.cells.map((r) => r[j]);
    if (t.colTotals && oneHidden(col, t.colTotals[j])) problems.push(`column ${j}: one hidden term beside its total`);
  }
  if (t.total !== undefined) {
    if (t.rowTotals && oneHidden(t.rowTotals, t.total)) problems.push('row totals: one hidden term beside the grand total');
    if (t.colTotals && oneHidden(t.colTotals, t.total)) problems.push('column totals: one hidden term beside the grand total');
    if (!t.rowTotals && !t.colTotals && t.cells.length === 1 && oneHidden(t.cells[0], t.total)) problems.push('one hidden term beside the total');
  }
  return problems;
}
