/**
 * Checks a shown table against the public-mode rules (used by the property tests, and cheap enough to
 * assert in development): no shown count below the threshold, and no line whose total is shown with
 * exactly one hidden member (that member would be its total minus the others).
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
  const oneHidden = (xs: readonly (number | null)[]) => xs.filter((v) => v === null).length === 1;
  t.cells.forEach((r, i) => {
    if (t.rowTotals && t.rowTotals[i] !== null && oneHidden(r)) problems.push(`row ${i}: one hidden cell beside a shown total`);
  });
  const cols = t.cells[0]?.length ?? 0;
  for (let j = 0; j < cols; j++) {
    const col = t.cells.map((r) => r[j]);
    if (t.colTotals && t.colTotals[j] !== null && oneHidden(col)) problems.push(`column ${j}: one hidden cell beside a shown total`);
  }
  if (t.total !== undefined && t.total !== null) {
    if (t.rowTotals && oneHidden(t.rowTotals)) problems.push('one hidden row total beside the shown grand total');
    if (t.colTotals && oneHidden(t.colTotals)) problems.push('one hidden column total beside the shown grand total');
    if (!t.rowTotals && !t.colTotals && t.cells.length === 1 && oneHidden(t.cells[0])) problems.push('one hidden value beside the shown total');
  }
  return problems;
}
