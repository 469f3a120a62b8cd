/**
 * The map's values under a disclosure policy. Counts of people (audited cases) are protected as one
 * list whose total is the parent's (shown in the side panel): small ones hidden, plus complementary
 * suppression. A share is withheld when the people behind it (n), those with the attribute or those
 * without it are fewer than the threshold: each of those is a count derived from the same value.
 * Indicators that are not about people (published prevalence, the audit schedule) pass unchanged.
 */
import { hiddenLabel, MASKED_LABEL, type Disclosure } from './policy.ts';
import { WITHHELD } from './format.ts';
import { protectList } from './suppress.ts';

export interface MapValueRow {
  code: string;
  value: number | null;
  n: number;
}
export interface ProtectedMapValues {
  values: Map<string, number | null>;
  /** n behind each shown value (absent when hidden) */
  counts: Map<string, number>;
  /** regions whose value is hidden or withheld, with what they read instead ("<5", "×" or "–") */
  hidden: Map<string, string>;
}

export function protectMapValues(rows: readonly MapValueRow[], kind: 'count' | 'share' | undefined, d: Disclosure): ProtectedMapValues {
  const out: ProtectedMapValues = { values: new Map(), counts: new Map(), hidden: new Map() };
  if (!d.public || !kind) {
    for (const r of rows) {
      out.values.set(r.code, r.value);
      out.counts.set(r.code, r.n);
    }
    return out;
  }
  if (kind === 'count') {
    const ns = rows.map((r) => r.n);
    const p = protectList(ns, ns.reduce((a, b) => a + b, 0), d);
    rows.forEach((r, i) => {
      const v = p.values[i];
      out.values.set(r.code, v === null ? null : r.value);
      if (v === null) out.hidden.set(r.code, p.masked?.[i] ? MASKED_LABEL : hiddenLabel(d));
      else out.counts.set(r.code, v);
    });
    return out;
  }
  for (const r of rows) {
    const withAttr = r.value === null ? 0 : Math.round((r.value * r.n) / 100);
    const small = r.n < d.threshold || withAttr < d.threshold || r.n - withAttr < d.threshold;
    out.values.set(r.code, small ? null : r.value);
    if (small) out.hidden.set(r.code, r.n < d.threshold ? hiddenLabel(d) : WITHHELD);
    else out.counts.set(r.code, r.n);
  }
  return out;
}
