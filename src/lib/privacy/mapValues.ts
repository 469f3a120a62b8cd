/**
 * The map's values under a disclosure policy. In public mode the map's SQL is wrapped by
 * `discloseMapSql`: inside the database every count of people (n, and k = those with the attribute of
 * a share) is replaced by its published count (src/lib/privacy/ptable.ts: true count + the p-table's
 * noise for its cell key; NULL below the threshold), and a share is recomputed from the published k
 * and n. The page receives published numbers only, the same ones every view, story screen and export
 * shows for the same cell. `protectMapValues` then labels what is hidden: "<k" for a count (or a
 * share whose n is hidden), "–" for a share withheld because the count with the attribute is hidden.
 * Indicators that are not about people (published prevalence, the audit schedule) pass unchanged.
 */
import { hiddenLabel, type Disclosure } from './policy.ts';
import { WITHHELD } from './format.ts';
import { publishedSql } from './ptable.ts';

export interface MapValueRow {
  code: string;
  value: number | null;
  n: number | null;
}
export interface ProtectedMapValues {
  values: Map<string, number | null>;
  /** n behind each shown value (published in public mode; absent when hidden) */
  counts: Map<string, number>;
  /** regions whose value is hidden or withheld, with what they read instead ("<5" or "–") */
  hidden: Map<string, string>;
}

/** The map SQL as public mode runs it (see above); unchanged outside public mode or for other indicators. */
export function discloseMapSql(sql: string | null, kind: 'count' | 'share' | undefined, d: Disclosure): string | null {
  if (sql === null || !d.public || !kind) return sql;
  const n = publishedSql('q.n', 'q.n_key', d.threshold);
  if (kind === 'count') return `SELECT q.code, ${n} AS value, ${n} AS n FROM (${sql}) AS q`;
  const k = publishedSql('q.k', 'q.k_key', d.threshold);
  return `SELECT code, CASE WHEN n IS NULL OR k IS NULL THEN NULL ELSE 100.0 * k / n END AS value, n, k IS NULL AND n IS NOT NULL AS withheld
FROM (SELECT q.code, ${n} AS n, ${k} AS k FROM (${sql}) AS q) AS p`;
}

export function protectMapValues(rows: readonly (MapValueRow & { withheld?: boolean })[], kind: 'count' | 'share' | undefined, d: Disclosure): ProtectedMapValues {
  const out: ProtectedMapValues = { values: new Map(), counts: new Map(), hidden: new Map() };
  for (const r of rows) {
    out.values.set(r.code, r.value);
    if (r.n !== null) out.counts.set(r.code, r.n);
    if (d.public && kind && r.value === null) out.hidden.set(r.code, r.withheld ? WITHHELD : hiddenLabel(d));
  }
  return out;
}
