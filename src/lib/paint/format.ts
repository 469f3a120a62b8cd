/**
 * The first-paint file: the values the default views need, computed when a snapshot is compiled
 * (src/lib/snapshot/firstPaint.ts) with the same SQL the live views run (src/lib/queries/core.ts), and
 * published beside the database under the same versioned name, so the dashboard paints the national
 * map and the summary before DuckDB-WASM is ready (src/lib/paint/FirstPaint.ts).
 *
 * Two variants, kept apart: `internal` holds the results of the internal SQL; `public` the results of the
 * SQL public-safe mode runs (core.ts with the public disclosure: every count of people already replaced
 * inside DuckDB by its published count, src/lib/privacy/ptable.ts), so a public page never receives a
 * true count and its first paint shows exactly what the live public page shows.
 * Pure: shared by Node and the browser.
 */
import { PROVINCES, type Period } from '$lib/domain/index.ts';
import type { QueryFilters, SurveyYear } from '$lib/queries/filters.ts';
import { INDICATORS } from '$lib/queries/indicators.ts';
import { DEFAULT_STATE } from '$lib/state/urlState.ts';

export const PAINT_FORMAT = 1;
export type PaintVariant = 'internal' | 'public';
/** The files beside snapshot.duckdb in a snapshot directory. */
export const PAINT_FILES: Readonly<Record<PaintVariant, string>> = { internal: 'paint.json', public: 'paint-public.json' };

/** A result, packed: column names and row arrays. */
export interface StoredResult {
  c: string[];
  r: unknown[][];
}
export interface PaintFile {
  format: number;
  variant: PaintVariant;
  /** the snapshot's version (the file is only used with that snapshot) */
  version: string;
  dataDate: string;
  /** public: the threshold it was protected with (used only by pages with that threshold) */
  threshold?: number;
  /** by sqlKey of the SQL the page runs (public: the disclosed SQL, published counts only) */
  results: Record<string, StoredResult>;
}

/** A short stable key for a SQL text (cyrb53, 53 bits as hex). */
export function sqlKey(sql: string): string {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** The published name of a variant beside the published database: snapshots/x.duckdb → snapshots/x.paint.json. */
export function paintUrl(dbUrl: string, variant: PaintVariant): string {
  return dbUrl.replace(/\.duckdb$/, variant === 'public' ? '.paint-public.json' : '.paint.json');
}

/**
 * The filter states painted ahead: the national map of every indicator for "all periods" (the default)
 * and each period, and each province's regencies in the default state.
 */
export function paintStates(dataDate: string, periods: readonly Period[], nationalSurvey: SurveyYear | null): QueryFilters[] {
  const base: QueryFilters = {
    period: DEFAULT_STATE.period, group: DEFAULT_STATE.group, province: null, regency: null,
    indicator: DEFAULT_STATE.indicator, cause: DEFAULT_STATE.cause, survey: null, dataDate
  };
  const out: QueryFilters[] = [];
  for (const period of [null, ...periods])
    for (const indicator of INDICATORS) out.push({ ...base, period, indicator, survey: indicator === 'prevalence' ? nationalSurvey : null });
  for (const p of PROVINCES) out.push({ ...base, province: p.code });
  return out;
}

export const packRows = (rows: readonly Record<string, unknown>[], columns?: string[]): StoredResult => {
  const c = columns ?? Object.keys(rows[0] ?? {});
  return { c, r: rows.map((row) => c.map((k) => row[k] ?? null)) };
};
export const unpackRows = (s: StoredResult): Record<string, unknown>[] => s.r.map((r) => Object.fromEntries(s.c.map((k, i) => [k, r[i]])));
