/**
 * Compiles a snapshot's Parquet files into the read-only DuckDB database file the browser attaches
 * over HTTP range requests (DuckDB-WASM has no Parquet reader offline: see data/README.md for the
 * measurements behind this choice). Storage version v1.4.0 so DuckDB-WASM 1.32 (DuckDB 1.4.3) opens it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLES } from '../domain/schema.ts';

export const DATABASE_FILE = 'snapshot.duckdb';
export const STORAGE_VERSION = 'v1.4.0';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function compileBrowserDatabase(conn: DuckDBConnection, snapshotDir: string): Promise<void> {
  const dbPath = join(snapshotDir, DATABASE_FILE);
  await conn.run(`ATTACH ${lit(dbPath)} AS snap (STORAGE_VERSION '${STORAGE_VERSION}')`);
  try {
    for (const t of TABLES) {
      const src = lit(join(snapshotDir, `${t.name}.parquet`));
      // Insertion in sort order keeps the database's per-row-group min/max (zonemaps) tight.
      await conn.run(`CREATE TABLE snap.${t.name} AS SELECT * FROM read_parquet(${src}) ORDER BY ${t.sortBy.join(', ')}`);
    }
  } finally {
    await conn.run('DETACH snap');
  }
}
