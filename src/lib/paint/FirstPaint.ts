/**
 * The first paint in the browser: loads the published first-paint file of the current snapshot
 * (format.ts) while DuckDB-WASM starts, and answers the dashboard's core queries from it until the
 * engine is ready. A page in public mode fetches only the public variant, which holds what public mode
 * runs (published counts, never true ones); any other page the internal one.
 */
import type { Row, QueryEngine } from '$lib/db/types.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import { PAINT_FORMAT, paintUrl, sqlKey, unpackRows, type PaintFile } from './format.ts';

export class FirstPaint {
  constructor(readonly file: PaintFile) {}

  /** The file for a published snapshot (`dbUrl` relative to /data/), or null when there is none or it does not fit. */
  static async load(base: string, dbUrl: string, version: string, d: Disclosure): Promise<FirstPaint | null> {
    try {
      const res = await fetch(`${base}/data/${paintUrl(dbUrl, d.public ? 'public' : 'internal')}`);
      if (!res.ok) return null;
      const file = (await res.json()) as PaintFile;
      if (file.format !== PAINT_FORMAT || file.version !== version) return null;
      if (d.public && (file.variant !== 'public' || file.threshold !== d.threshold)) return null;
      return new FirstPaint(file);
    } catch {
      return null;
    }
  }

  rows(sql: string): Row[] | undefined {
    const r = this.file.results[sqlKey(sql)];
    return r ? unpackRows(r) : undefined;
  }

  /**
   * A query engine over the file: SQL it holds is answered at once; other SQL stays unanswered (the
   * live engine answers it once it is ready).
   */
  engine(): QueryEngine {
    return { query: (sql) => (this.rows(sql) ? Promise.resolve(this.rows(sql)!) : new Promise<Row[]>(() => {})) };
  }
}
