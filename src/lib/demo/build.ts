/**
 * Builds a demo snapshot directory: schema tables filled by the generator plus the reference tables
 * (regions, prevalence), exported by src/lib/snapshot (sorted zstd Parquet, compiled snapshot.duckdb,
 * manifest.json). Node only.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema, exportSnapshot } from '../snapshot/exportSnapshot.ts';
import type { SnapshotManifest } from '../snapshot/manifest.ts';
import { loadCalendarWindows, loadPrevalence, loadRegions } from '../snapshot/reference.ts';
import { DEFAULT_SEED, DEMO_CREATED, DEMO_DATA_DATE, DEMO_NAME } from './config.ts';
import { generateDemoRows, type GenerateStats } from './generate.ts';

export interface BuildOptions {
  outDir: string;
  seed?: number;
  /** Exact number of cases; omitted = the demo's natural size. */
  scale?: number;
  name?: string;
  onProgress?: (casesDone: number, casesTotal: number) => void;
  /** Log a phase ("exporting ...") with elapsed time. */
  onPhase?: (phase: string) => void;
}

export interface BuildResult {
  manifest: SnapshotManifest;
  stats: GenerateStats;
}

export async function buildDemoSnapshot(opts: BuildOptions): Promise<BuildResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const name = opts.name ?? (opts.scale === undefined ? DEMO_NAME : `scale-${opts.scale}`);
  mkdirSync(opts.outDir, { recursive: true });
  // Large runs work in an on-disk database with a memory limit (DuckDB spills the sorts to disk);
  // the small demo works in memory on one thread so every Parquet byte is reproducible.
  const large = opts.scale !== undefined && opts.scale > 200_000;
  const workDb = join(opts.outDir, '.work.duckdb');
  const tmpDir = join(opts.outDir, '.tmp');
  for (const f of [workDb, `${workDb}.wal`, tmpDir]) if (existsSync(f)) rmSync(f, { recursive: true });
  const instance = await DuckDBInstance.create(
    large ? workDb : ':memory:',
    large
      ? { threads: '2', memory_limit: '1500MB', temp_directory: tmpDir, preserve_insertion_order: 'false' }
      : { threads: '1' }
  );
  const conn = await instance.connect();
  try {
    await conn.run('SET autoinstall_known_extensions = false');
    await createSchema(conn);
    await loadRegions(conn);
    await loadPrevalence(conn);
    await loadCalendarWindows(conn);
    opts.onPhase?.('generating');
    const stats = await generateDemoRows(conn, { seed, dataDate: DEMO_DATA_DATE, scale: opts.scale, onProgress: opts.onProgress });
    if (large) await conn.run('CHECKPOINT');
    opts.onPhase?.('exporting Parquet and compiling snapshot.duckdb');
    const manifest = await exportSnapshot(conn, opts.outDir, {
      name,
      created: DEMO_CREATED,
      dataDate: DEMO_DATA_DATE,
      source: `demo generator seed ${seed}` + (opts.scale === undefined ? '' : `, scale ${opts.scale}`)
    });
    return { manifest, stats };
  } finally {
    conn.closeSync();
    instance.closeSync();
    for (const f of [workDb, `${workDb}.wal`, tmpDir]) if (existsSync(f)) rmSync(f, { recursive: true });
  }
}
