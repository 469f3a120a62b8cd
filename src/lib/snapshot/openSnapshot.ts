/**
 * Opens a written snapshot for reading in Node (tests, tools): a DuckDB connection with one view per
 * table over its Parquet files (named in manifest.json), extension autoloading off, and helpers that
 * return plain rows (BigInt counts become numbers).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotManifest } from './manifest.ts';
import { AGGREGATES } from './aggregates.ts';

export interface OpenSnapshot {
  conn: DuckDBConnection;
  manifest: SnapshotManifest;
  rows<T = Record<string, unknown>>(sql: string | null): Promise<T[]>;
  close(): void;
}

/**
 * The same over the snapshot's compiled browser database (snapshot.duckdb, read-only): the tables and
 * pre-aggregates the browser reads, much faster than views over Parquet for many queries (tests).
 */
export async function openCompiledSnapshot(dir: string): Promise<OpenSnapshot> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  const instance = await DuckDBInstance.create(join(dir, manifest.database.file), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return handle(instance, conn, manifest);
}

export async function openSnapshot(dir: string): Promise<OpenSnapshot> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No snapshot in ${dir} (manifest.json missing): run \`npm run data:demo\` (or \`npm run setup\`).`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as SnapshotManifest;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  for (const [name, t] of Object.entries(manifest.tables))
    await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${join(dir, t.file).replaceAll("'", "''")}')`);
  // the pre-aggregates the queries read, as views over the Parquet views (same SQL as the compiled tables)
  for (const a of AGGREGATES) await conn.run(`CREATE VIEW ${a.name} AS ${a.select((t) => t)}`);
  return handle(instance, conn, manifest);
}

function handle(instance: DuckDBInstance, conn: DuckDBConnection, manifest: SnapshotManifest): OpenSnapshot {
  return {
    conn,
    manifest,
    async rows<T>(sql: string | null): Promise<T[]> {
      if (sql === null) throw new Error('no SQL to run');
      const r = await conn.runAndReadAll(sql);
      return r.getRowObjectsJS().map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    }
  };
}
