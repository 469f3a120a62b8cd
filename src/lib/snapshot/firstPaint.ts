/**
 * Writes a snapshot's first-paint files (src/lib/paint/format.ts) beside its compiled database: runs the
 * dashboard's core queries (src/lib/queries/core.ts) on snapshot.duckdb with @duckdb/node-api for the
 * painted states, so the values are those the live views compute. The public variant runs the same
 * queries under the public disclosure (default threshold): their SQL publishes every count of people.
 * Node only.
 */
import { typedRows } from '../db/typedRows.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_QUERIES } from '../queries/core.ts';
import { resolveSurveyYear, type SurveyYearRow } from '../queries/prevalence.ts';
import { DEFAULT_THRESHOLD, disclosure } from '../privacy/policy.ts';
import { DATABASE_FILE } from './databaseFile.ts';
import type { SnapshotManifest } from './manifest.ts';
import { PAINT_FILES, PAINT_FORMAT, packRows, paintStates, sqlKey, type PaintFile, type PaintVariant } from '../paint/format.ts';

type Rows = Record<string, unknown>[];
const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v);

/** Both variants for a compiled snapshot directory (manifest.json + snapshot.duckdb). */
export async function computeFirstPaint(snapshotDir: string): Promise<Record<PaintVariant, PaintFile>> {
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  const instance = await DuckDBInstance.create(join(snapshotDir, DATABASE_FILE), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    const cache = new Map<string, { rows: Rows; columns: string[] }>();
    const run = async (sql: string) => {
      let hit = cache.get(sql);
      if (!hit) {
        const r = await conn.runAndReadAll(sql);
        const rows = r.getRowObjectsJS().map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v)])));
        hit = { rows, columns: r.columnNames() };
        cache.set(sql, hit);
      }
      return hit;
    };
    const periods = (await run(CORE_QUERIES.periods())).rows.map((r) => ({ year: Number(r.year), semester: Number(r.semester) as 1 | 2 }));
    const nationalYears = typedRows<SurveyYearRow>((await run(CORE_QUERIES['survey-years']({ province: null }))).rows);
    const states = paintStates(manifest.dataDate, periods, resolveSurveyYear(null, nationalYears));

    const policies = { internal: disclosure(false), public: disclosure(true, DEFAULT_THRESHOLD) } as const;
    const head = { format: PAINT_FORMAT, version: manifest.version, dataDate: manifest.dataDate };
    const internal: PaintFile = { ...head, variant: 'internal', results: {} };
    const pub: PaintFile = { ...head, variant: 'public', threshold: policies.public.threshold, results: {} };
    // each variant holds the results of the SQL its pages run: the public SQL publishes every count of
    // people inside DuckDB (queries/core.ts, privacy/ptable.ts), so no true count enters the public file
    for (const [file, d] of [[internal, policies.internal], [pub, policies.public]] as const)
      for (const s of states)
        for (const q of Object.values(CORE_QUERIES)) {
          const sql = q(s, d);
          if (sql === null) continue;
          const r = await run(sql);
          file.results[sqlKey(sql)] = packRows(r.rows, r.columns);
        }
    return { internal, public: pub };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Writes paint.json and paint-public.json into the snapshot directory; returns their sizes in bytes. */
export async function writeFirstPaint(snapshotDir: string): Promise<Record<PaintVariant, number>> {
  const files = await computeFirstPaint(snapshotDir);
  const sizes = {} as Record<PaintVariant, number>;
  for (const variant of ['internal', 'public'] as const) {
    const path = join(snapshotDir, PAINT_FILES[variant]);
    writeFileSync(`${path}.tmp`, JSON.stringify(files[variant]));
    renameSync(`${path}.tmp`, path);
    sizes[variant] = statSync(path).size;
  }
  return sizes;
}
