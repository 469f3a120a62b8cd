/**
 * Writes a snapshot from a DuckDB connection whose schema tables are filled (see createSchema):
 * one zstd Parquet file per table, sorted by its sort key so row-group statistics prune by region and
 * period, the compiled browser database, and manifest.json. Node only (@duckdb/node-api).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, TABLES, createTableSql } from '../domain/schema.ts';
import type { SnapshotManifest, TableEntry } from './manifest.ts';
import { writeFirstPaint } from './firstPaint.ts';
import { compileBrowserDatabase } from './compileDatabase.ts';
import { contentVersion, DATABASE_FILE, DATABASE_FORMAT, sha256File, STORAGE_VERSION } from './databaseFile.ts';

export const ROW_GROUP_SIZE = 122_880;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Creates the empty schema tables in the connection's current database. */
export async function createSchema(conn: DuckDBConnection): Promise<void> {
  for (const t of TABLES) await conn.run(createTableSql(t));
}

export interface ExportMeta {
  name: string;
  created: string;
  dataDate: string;
  source: string;
}

export async function exportSnapshot(conn: DuckDBConnection, outDir: string, meta: ExportMeta): Promise<SnapshotManifest> {
  mkdirSync(outDir, { recursive: true });
  const tables: Record<string, TableEntry> = {};
  for (const t of TABLES) {
    const file = `${t.name}.parquet`;
    const path = join(outDir, file);
    const cols = t.columns.map((c) => c.name).join(', ');
    await conn.run(
      `COPY (SELECT ${cols} FROM ${t.name} ORDER BY ${t.sortBy.join(', ')}) TO ${lit(path)} ` +
        `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`
    );
    const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t.name}`)).getRows()[0][0]);
    tables[t.name] = { file, rows, bytes: statSync(path).size, sha256: sha256File(path) };
  }
  const dbPath = join(outDir, DATABASE_FILE);
  if (existsSync(dbPath)) rmSync(dbPath);
  await compileBrowserDatabase(conn, outDir);
  const manifest: SnapshotManifest = {
    schemaVersion: SCHEMA_VERSION,
    ...meta,
    tables,
    database: { file: DATABASE_FILE, storageVersion: STORAGE_VERSION, format: DATABASE_FORMAT },
    version: contentVersion(tables)
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await writeFirstPaint(outDir);
  return manifest;
}
