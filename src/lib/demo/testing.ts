/** Test helpers: build a demo snapshot into a temp dir and query its Parquet files with DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../domain/schema.ts';
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
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  for (const t of TABLES) await conn.run(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet('${join(dir, `${t.name}.parquet`)}')`);
  const rows = async <T>(sql: string) => {
    const r = await conn.runAndReadAll(sql);
    return r.getRowObjectsJS().map((o) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
    ) as T[];
  };
  const num = async (sql: string) => Number(Object.values((await rows<Record<string, unknown>>(sql))[0])[0]);
  return {
    ...result, dir, conn, rows, num,
    close: () => {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
