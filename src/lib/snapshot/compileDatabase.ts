/**
 * Compiles a snapshot's Parquet files into the read-only DuckDB database file the browser attaches
 * over HTTP range requests (DuckDB-WASM has no Parquet reader offline: see data/README.md for the
 * measurements behind this choice). Storage version v1.4.0 so DuckDB-WASM 1.32 (DuckDB 1.4.3) opens it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLES } from '../domain/schema.ts';
import { createAggregatesSql, partitionCheckSql } from './aggregates.ts';
import { contentVersion, DATABASE_FILE, DATABASE_FORMAT, STORAGE_VERSION } from './databaseFile.ts';

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
    const split = (await conn.runAndReadAll(partitionCheckSql('snap'))).getRows();
    if (split.length) throw new Error(`case_causes: case ${split.map((r) => String(r[0])).join(', ')} spans several places/periods/groups`);
    for (const sql of createAggregatesSql('snap', 'snap')) await conn.run(sql);
  } finally {
    await conn.run('DETACH snap');
  }
}

/**
 * Recompiles the database of a written snapshot from its Parquet files when it was compiled in an older
 * format (e.g. before the pre-aggregates), and updates its manifest (database entry and version).
 * Returns whether it recompiled. Node only.
 */
export async function recompileIfOutdated(snapshotDir: string): Promise<boolean> {
  const { existsSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const path = join(snapshotDir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  const dbPath = join(snapshotDir, DATABASE_FILE);
  if ((m.database?.format ?? 1) >= DATABASE_FORMAT && existsSync(dbPath)) {
    // written before the first-paint files existed (src/lib/paint)
    if (!existsSync(join(snapshotDir, 'paint.json'))) await (await import('./firstPaint.ts')).writeFirstPaint(snapshotDir);
    return false;
  }
  if (existsSync(dbPath)) rmSync(dbPath);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    await compileBrowserDatabase(conn, snapshotDir);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  m.database = { file: DATABASE_FILE, storageVersion: STORAGE_VERSION, format: DATABASE_FORMAT };
  m.version = contentVersion(m.tables);
  writeFileSync(path, JSON.stringify(m, null, 2) + '\n');
  await (await import('./firstPaint.ts')).writeFirstPaint(snapshotDir);
  return true;
}
