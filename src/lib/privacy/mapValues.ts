/**
 * The map's values under a disclosure policy. Counts of people (audited cases) are protected as one
 * list whose total is the parent's (shown in the side panel): small ones hidden, plus complementary
 * suppression. A share is withheld when the people behind it (n), those with the attribute or those
 * without it are fewer than the threshold: each of those is a count derived from the same value.
 * Indicators that are not about people (published prevalence, the audit schedule) pass unchanged.
 *
 * The shown values are then banded: each reads as its band of a nice step ("20–40", "30–40 %") and n is
 * not shown. The same figures appear in the views' tables, protected there by their own lines; a map
 * that showed exact values beside them could undo a hidden cell (the value times a shown total). Bands
 * keep the map readable as a choropleth and exact values out of reach.
 */
import { tickStep } from 'd3-array';
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
  /** public mode: the band width (values are the lower bounds of their bands); null = exact values */
  step: number | null;
}

export function protectMapValues(rows: readonly MapValueRow[], kind: 'count' | 'share' | undefined, d: Disclosure): ProtectedMapValues {
  const out: ProtectedMapValues = { values: new Map(), counts: new Map(), hidden: new Map(), step: null };
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
    });
    return banded(out, null);
  }
  for (const r of rows) {
    const withAttr = r.value === null ? 0 : Math.round((r.value * r.n) / 100);
    const small = r.n < d.threshold || withAttr < d.threshold || r.n - withAttr < d.threshold;
    out.values.set(r.code, small ? null : r.value);
    if (small) out.hidden.set(r.code, r.n < d.threshold ? hiddenLabel(d) : WITHHELD);
  }
  return banded(out, 100);
}

/**
 * Shown values replaced by the lower bound of their band (a nice step giving about five bands); a
 * share of 100 % goes in the top band below it.
 */
function banded(out: ProtectedMapValues, cap: number | null): ProtectedMapValues {
  const shown = [...out.values.values()].filter((v): v is number => v !== null);
  const max = Math.max(0, ...shown);
  const step = max > 0 ? Math.max(1, tickStep(0, max, 5)) : 1;
  const low = (v: number) => Math.floor(v / step) * step;
  for (const [code, v] of out.values) if (v !== null) out.values.set(code, cap !== null ? Math.min(low(v), Math.max(0, cap - step)) : low(v));
  out.step = step;
  return out;
}
