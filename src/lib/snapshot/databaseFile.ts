/**
 * The compiled browser database file and the snapshot's content version: its name, DuckDB storage
 * version and format (what it holds beyond the schema tables), the file hashes, and the short content
 * hash that names the published, immutable database file. Shared by exportSnapshot.ts (writes a
 * snapshot), compileDatabase.ts (compiles and recompiles the database) and firstPaint.ts. Node only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TableEntry } from './manifest.ts';

export const DATABASE_FILE = 'snapshot.duckdb';
export const STORAGE_VERSION = 'v1.4.0';
/**
 * What the compiled database holds beyond the schema tables: 2 = the pre-aggregates of aggregates.ts
 * (the app's queries need them); 3 = record keys and the aggregates' key sums (public-safe mode). Part of the snapshot's version, so a recompiled file gets a new name.
 */
export const DATABASE_FORMAT = 3;

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A short content hash over the tables' hashes: names the published, immutable database file. */
export function contentVersion(tables: Record<string, TableEntry>, databaseFormat = DATABASE_FORMAT): string {
  const h = createHash('sha256');
  h.update(`database-format:${databaseFormat}\n`);
  for (const name of Object.keys(tables).sort()) h.update(`${name}:${tables[name].sha256}\n`);
  return h.digest('hex').slice(0, 16);
}
