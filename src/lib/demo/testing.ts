/** Test helpers: build a demo snapshot into a temp dir and query its Parquet files with DuckDB. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSnapshot } from '../snapshot/openSnapshot.ts';
import { buildDemoSnapshot, type BuildOptions, type BuildResult } from './build.ts';

export interface TestSnapshot extends BuildResult {
  dir: string;
  conn: DuckDBConnection;
  /** Rows as plain JSON-ish objects (BigInt counts become numbers). */
  rows: <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
  /** First column of the first row as a number. */
  num: (sql: string) => Promise<number>;
  close: () => void;
}

export async function buildTestSnapshot(opts: Partial<BuildOptions> = {}): Promise<TestSnapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'peta-aks-demo-'));
  const result = await buildDemoSnapshot({ ...opts, outDir: dir });
  const snap = await openSnapshot(dir);
  const rows = <T>(sql: string) => snap.rows<T>(sql);
  const num = async (sql: string) => Number(Object.values((await rows<Record<string, unknown>>(sql))[0])[0]);
  return {
    ...result, dir, conn: snap.conn, rows, num,
    close: () => {
      snap.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
