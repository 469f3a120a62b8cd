/**
 * DuckDB-WASM in a Web Worker, from the bundles the app serves (no CDN), with extension autoload and
 * autoinstall off (offline there is no Parquet reader: the snapshot is a DuckDB database file). Loads
 * `${base}/data/current.json`, registers the database by absolute URL over HTTP (range reads),
 * `ATTACH ... AS snap (READ_ONLY)` and `USE snap`. Progress is reported in stages; every failure becomes
 * an EngineFailure whose code the i18n layer turns into plain language.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { SCHEMA_VERSION, TABLES, TABLE_BY_NAME, createTableSql } from '$lib/domain/schema.ts';
import type { SnapshotManifest } from '$lib/snapshot/manifest.ts';
import { createAggregatesSql } from '$lib/snapshot/aggregates.ts';
import { tableToRows } from './rows.ts';
import type { QueryEngine, Row } from './types.ts';

/** Tables an import takes from the snapshot rather than from the files (the stage windows judge the imported calendar). */
export const REFERENCE_TABLES = ['regions', 'prevalence', 'calendar_windows'] as const;

export type EngineStage = 'engine' | 'manifest' | 'snapshot' | 'ready';
export interface EngineProgress {
  stage: EngineStage;
  /** 0–1, for a progress bar. */
  fraction: number;
}

/** The published manifest: the snapshot manifest plus the database URL relative to /data/. */
export interface PublishedManifest extends SnapshotManifest {
  url: string;
  /** Read from the service worker's offline copy because the network failed (src/service-worker.ts). */
  offlineCopy?: boolean;
}

export type FailureCode = 'no-worker' | 'engine' | 'manifest-http' | 'manifest-network' | 'manifest-invalid' | 'schema-version' | 'attach' | 'query';
export class EngineFailure extends Error {
  constructor(
    readonly code: FailureCode,
    /** Technical detail shown under the plain-language message (URL, HTTP status, DuckDB message). */
    readonly detail: string
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface EngineTimings {
  engineMs?: number;
  manifestMs?: number;
  attachMs?: number;
  totalMs?: number;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The worker and the instantiated, opened database (no connection yet). */
async function startDuckDB(): Promise<{ worker: Worker; db: duckdb.AsyncDuckDB }> {
  const abs = (u: string) => new URL(u, location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
    eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) }
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    // Without this, DuckDB-WASM's defaults fetch the whole snapshot with one GET; a HEAD with
    // `Range: bytes=0-` (206 from nginx, object storage, vite preview) switches it to range reads.
    // A server without range support still works through the full-read fallback.
    await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return { worker, db };
}

export class DuckDBEngine implements QueryEngine {
  manifest: PublishedManifest | null = null;
  readonly timings: EngineTimings = {};
  private db: duckdb.AsyncDuckDB | null = null;
  private conn: duckdb.AsyncDuckDBConnection | null = null;
  private worker: Worker | null = null;

  /** `base` is SvelteKit's `base` path ('' at the root). */
  constructor(private readonly base: string) {}

  /** `onManifest` is called as soon as current.json is read (the first paint starts from it), before the engine is ready. */
  async open(onProgress: (p: EngineProgress) => void = () => {}, onManifest: (m: PublishedManifest) => void = () => {}): Promise<PublishedManifest> {
    const t0 = performance.now();
    performance.mark('peta:engine-start');
    onProgress({ stage: 'engine', fraction: 0.05 });
    // the manifest is fetched while the engine starts (its failure is reported after the engine's)
    const manifestP = this.fetchManifest();
    manifestP.then((m) => (performance.mark('peta:manifest'), onManifest(m)), () => {});
    await this.startEngine();
    performance.mark('peta:engine-instantiated');
    this.timings.engineMs = performance.now() - t0;

    onProgress({ stage: 'manifest', fraction: 0.45 });
    const t1 = performance.now();
    const manifest = await manifestP;
    this.timings.manifestMs = performance.now() - t1;

    onProgress({ stage: 'snapshot', fraction: 0.6 });
    const t2 = performance.now();
    await this.attach(manifest);
    performance.mark('peta:attached');
    this.timings.attachMs = performance.now() - t2;
    this.timings.totalMs = performance.now() - t0;
    performance.mark('peta:engine-ready');
    this.manifest = manifest;
    onProgress({ stage: 'ready', fraction: 1 });
    return manifest;
  }

  async query(sql: string): Promise<Row[]> {
    if (!this.conn) throw new EngineFailure('query', 'The database is not open.');
    try {
      return tableToRows(await this.conn.query(sql));
    } catch (e) {
      throw new EngineFailure('query', errText(e));
    }
  }

  /** The in-memory database holding imported worksheets while they are shown (null: the snapshot). */
  importDb: string | null = null;
  private importSeq = 0;

  /**
   * Imported data (src/lib/upload), in stages so a large file is loaded in batches as the worker
   * validates it: beginImport() makes a fresh in-memory database with the schema tables and the
   * snapshot's reference tables (regions, prevalence, calendar_windows); appendImport() inserts Arrow IPC batches (named
   * by table, columns named as in the schema); commitImport() builds the pre-aggregates and only then
   * switches the queries to it with `USE`. abortImport() (or any failure) drops it and the data shown
   * stays as it was.
   */
  async beginImport(): Promise<string> {
    const db = this.db;
    if (!db || !this.conn) throw new EngineFailure('query', 'The database is not open.');
    const name = `imp${++this.importSeq}`;
    const side = await db.connect(); // its own USE state: the dashboard's connection keeps answering meanwhile
    try {
      // COMPRESS: the checkpoints after each batch (appendImport) compress the imported tables in
      // memory (bench/import-memory.mjs, 50 MB CSV: peak tab memory 931 -> 888 MB)
      await side.query(`ATTACH ':memory:' AS ${name} (COMPRESS)`);
      for (const t of TABLES) await side.query(createTableSql(t, `${name}.${t.name}`));
      for (const ref of REFERENCE_TABLES) await side.query(`INSERT INTO ${name}.${ref} SELECT * FROM snap.${ref}`);
    } catch (e) {
      await side.query(`DETACH DATABASE IF EXISTS ${name}`).catch(() => {});
      throw new EngineFailure('query', errText(e));
    } finally {
      await side.close().catch(() => {});
    }
    return name;
  }

  async appendImport(name: string, tables: Readonly<Record<string, Uint8Array | readonly Uint8Array[] | undefined>>): Promise<void> {
    const db = this.db;
    if (!db) throw new EngineFailure('query', 'The database is not open.');
    const side = await db.connect();
    try {
      for (const [table, ipcs] of Object.entries(tables)) {
        if (!ipcs || !TABLE_BY_NAME.has(table) || (REFERENCE_TABLES as readonly string[]).includes(table)) continue;
        for (const ipc of ipcs instanceof Uint8Array ? [ipcs] : ipcs) {
          const staging = `staging_${name}_${table}`;
          await side.insertArrowFromIPCStream(ipc, { name: staging, create: true });
          await side.query(`INSERT INTO ${name}.${table} BY NAME SELECT * FROM memory.main.${staging}`);
          await side.query(`DROP TABLE memory.main.${staging}`);
        }
      }
      // A checkpoint after each batch lets DuckDB-WASM reuse the blocks of the dropped staging tables
      // and its WAL (bench/import-memory.mjs, 50 MB CSV: peak tab memory 1,304 -> 1,201 MB).
      await side.query(`CHECKPOINT ${name}`);
      await side.query('CHECKPOINT memory');
    } catch (e) {
      await this.abortImport(name);
      throw new EngineFailure('query', errText(e));
    } finally {
      await side.close().catch(() => {});
    }
  }

  async commitImport(name: string): Promise<void> {
    const db = this.db;
    const conn = this.conn;
    if (!db || !conn) throw new EngineFailure('query', 'The database is not open.');
    const side = await db.connect();
    try {
      for (const sql of createAggregatesSql(name, name)) await side.query(sql);
      await conn.query(`USE ${name}`);
    } catch (e) {
      await this.abortImport(name);
      throw new EngineFailure('query', errText(e));
    } finally {
      await side.close().catch(() => {});
    }
    const old = this.importDb;
    this.importDb = name;
    if (old) await conn.query(`DETACH DATABASE IF EXISTS ${old}`).catch(() => {});
  }

  async abortImport(name: string): Promise<void> {
    await this.conn?.query(`DETACH DATABASE IF EXISTS ${name}`).catch(() => {});
  }

  /** A whole import at once (a stored import restored from IndexedDB). */
  async loadImport(tables: Readonly<Record<string, Uint8Array | readonly Uint8Array[] | undefined>>): Promise<void> {
    const name = await this.beginImport();
    await this.appendImport(name, tables);
    await this.commitImport(name);
  }

  /** Back to the attached snapshot; the imported data is dropped from memory. */
  async useSnapshot(): Promise<void> {
    if (!this.conn) return;
    await this.conn.query('USE snap');
    const old = this.importDb;
    this.importDb = null;
    if (old) await this.conn.query(`DETACH DATABASE IF EXISTS ${old}`).catch(() => {});
  }

  async close(): Promise<void> {
    await this.conn?.close().catch(() => {});
    await this.db?.terminate().catch(() => {});
    this.worker?.terminate();
    this.conn = this.db = this.worker = null;
  }

  private async startEngine(): Promise<void> {
    if (typeof Worker === 'undefined') throw new EngineFailure('no-worker', 'Web Workers are not available.');
    try {
      const { worker, db } = await startDuckDB();
      this.worker = worker;
      this.db = db;
      this.conn = await this.db.connect();
      await this.conn.query('SET autoinstall_known_extensions = false');
      await this.conn.query('SET autoload_known_extensions = false');
    } catch (e) {
      if (e instanceof EngineFailure) throw e;
      throw new EngineFailure('engine', errText(e));
    }
  }

  private async fetchManifest(): Promise<PublishedManifest> {
    const path = `${this.base}/data/current.json`;
    let res: Response;
    try {
      res = await fetch(path, { cache: 'no-cache' });
    } catch (e) {
      throw new EngineFailure('manifest-network', `${path}: ${errText(e)}`);
    }
    if (!res.ok) throw new EngineFailure('manifest-http', `HTTP ${res.status} for ${path}`);
    let m: unknown;
    try {
      m = await res.json();
    } catch (e) {
      throw new EngineFailure('manifest-invalid', `${path}: ${errText(e)}`);
    }
    const checked = checkManifest(m, path);
    return res.headers.get('x-peta-offline-copy') === '1' ? { ...checked, offlineCopy: true } : checked;
  }

  private async attach(m: PublishedManifest): Promise<void> {
    const db = this.db!;
    const conn = this.conn!;
    const name = m.url.split('/').pop()!;
    const url = new URL(`${this.base}/data/${m.url}`, location.href).href;
    try {
      await db.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false);
      await conn.query(`ATTACH '${name}' AS snap (READ_ONLY)`);
      await conn.query('USE snap');
      await conn.query('SELECT count(*) FROM regions');
    } catch (e) {
      throw new EngineFailure('attach', `${url}: ${errText(e)}`);
    }
  }
}

/** Validates the published manifest's shape; the URL must stay inside /data/snapshots/. */
export function checkManifest(m: unknown, path: string): PublishedManifest {
  const o = m as Partial<PublishedManifest> | null;
  if (!o || typeof o !== 'object' || typeof o.url !== 'string' || typeof o.version !== 'string')
    throw new EngineFailure('manifest-invalid', `${path}: missing "url" or "version"`);
  if (!/^snapshots\/[A-Za-z0-9._-]+\.duckdb$/.test(o.url)) throw new EngineFailure('manifest-invalid', `${path}: unexpected url ${JSON.stringify(o.url)}`);
  if (o.schemaVersion !== SCHEMA_VERSION)
    throw new EngineFailure('schema-version', `${path}: schema version ${String(o.schemaVersion)}, this app reads ${SCHEMA_VERSION}`);
  // a database compiled before the pre-aggregates (format 2) lacks tables the queries read
  if ((o.database?.format ?? 1) < 2)
    throw new EngineFailure('schema-version', `${path}: database format ${String(o.database?.format ?? 1)}, this app reads 2 (recompile the snapshot)`);
  return o as PublishedManifest;
}
