/**
 * Node side of the worksheet import: reads CSV/XLSX/Parquet files into raw tables (Parquet with the
 * browser import's hyparquet reader, src/lib/ingest/parquet.ts), runs the pure validation
 * (src/lib/ingest), loads the accepted rows into the snapshot schema tables next to the reference
 * tables (regions, prevalence) and writes the snapshot with exportSnapshot.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { TABLE_BY_NAME } from '../domain/schema.ts';
import { parseCsvText, looksLikeCsv } from '../ingest/csv.ts';
import { readParquet } from '../ingest/parquet.ts';
import { decodeText } from '../ingest/encoding.ts';
import { ingestTables, type IngestOptions } from '../ingest/validate.ts';
import type { Cell, IngestResult, InputTable, Issue } from '../ingest/types.ts';
import { createSchema, exportSnapshot, type ExportMeta } from './exportSnapshot.ts';
import { loadCalendarWindows, loadPrevalence, loadRegions } from './reference.ts';
import type { SnapshotManifest } from './manifest.ts';
import { replaceRefusal, writeSnapshotDir } from './safeWrite.ts';

/** Reads one worksheet file: every sheet of an .xlsx, one Parquet table, or one CSV. Throws with a plain message when unreadable. */
export async function readWorksheetFile(path: string, name = basename(path)): Promise<InputTable[]> {
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isParquet = bytes.length >= 4 && bytes.subarray(0, 4).toString('latin1') === 'PAR1';
  if (isParquet || (ext === '.parquet' && !isZip)) {
    try {
      return [await readParquet(bytes, name)];
    } catch (e) {
      throw new Error(`the Parquet file is damaged or truncated (${(e as Error).message})`);
    }
  }
  if (ext === '.xlsx' || isZip) {
    try {
      const sheets = await readXlsxFile(bytes);
      return sheets.map((s) => ({ file: name, sheet: s.sheet, rows: s.data as Cell[][] }));
    } catch (e) {
      throw new Error(`not a readable .xlsx workbook (${(e as Error).message})`);
    }
  }
  if (ext === '.xls') throw new Error('old .xls format: save it as .xlsx or CSV');
  const { text, encoding } = decodeText(bytes);
  if (text.trim() !== '' && !looksLikeCsv(text)) throw new Error('not a CSV, .xlsx or Parquet file');
  return [{ file: name, rows: parseCsvText(text), ...(encoding !== 'utf-8' ? { encoding } : {}) }];
}

/** Reads all files; an unreadable file becomes an issue and the others still load. */
export async function readWorksheetFiles(paths: readonly string[]): Promise<{ tables: InputTable[]; readIssues: Issue[] }> {
  const tables: InputTable[] = [];
  const readIssues: Issue[] = [];
  for (const p of paths) {
    try {
      tables.push(...(await readWorksheetFile(p)));
    } catch (e) {
      readIssues.push({ file: basename(p), row: null, column: '', value: '', code: 'unreadable_file', params: { detail: (e as Error).message } });
    }
  }
  return { tables, readIssues };
}

const lit = (v: unknown, type: string): string => {
  if (v === null || v === undefined) return 'NULL';
  if (type === 'BOOLEAN') return v ? 'TRUE' : 'FALSE';
  if (type === 'DATE') return `DATE '${String(v).replace(/[^0-9-]/g, '')}'`;
  if (type === 'VARCHAR') return `'${String(v).replaceAll("'", "''")}'`;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${v}`);
  return String(n);
};

/** Inserts rows (objects keyed by the schema's column names) into a schema table, in batches. */
export async function insertRows(conn: DuckDBConnection, table: string, rows: readonly object[]): Promise<void> {
  const cols = TABLE_BY_NAME.get(table)!.columns;
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map((r) => `(${cols.map((c) => lit((r as Record<string, unknown>)[c.name], c.type)).join(', ')})`)
      .join(',\n');
    await conn.run(`INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES ${values}`);
  }
}

/** Loads validated rows plus the reference tables into a fresh schema in `conn`. */
export async function loadIngestResult(conn: DuckDBConnection, r: IngestResult): Promise<void> {
  await createSchema(conn);
  await loadRegions(conn);
  await loadPrevalence(conn);
  await loadCalendarWindows(conn);
  await insertRows(conn, 'cases', r.cases);
  await insertRows(conn, 'case_causes', r.caseCauses);
  await insertRows(conn, 'recommendations', r.recommendations);
  await insertRows(conn, 'calendar', r.calendar);
}

export interface IngestRun {
  result: IngestResult;
  manifest: SnapshotManifest | null;
}

/**
 * Reads, validates and writes a snapshot to `outDir` (no snapshot when no file could be used at all).
 * The write is atomic (safeWrite.ts); a snapshot with no cases, or fewer than the one already in
 * `outDir`, is refused with SnapshotRefused unless `force`.
 */
export async function ingestFilesToSnapshot(
  paths: readonly string[], outDir: string, meta: Partial<ExportMeta> = {}, opts: IngestOptions = {}, { force = false } = {}
): Promise<IngestRun> {
  const { tables, readIssues } = await readWorksheetFiles(paths);
  const result = ingestTables(tables, opts);
  result.issues.unshift(...readIssues);
  if (result.sheets.length === 0) return { result, manifest: null };
  const now = new Date().toISOString();
  const dates = [...result.cases.map((c) => c.review_date), ...result.recommendations.flatMap((r) => [r.recommended_date, r.delivered_date, r.followed_up_date])]
    .filter((d): d is string => !!d)
    .sort();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await loadIngestResult(conn, result);
    const exportMeta: ExportMeta = {
      name: meta.name ?? 'imported',
      created: meta.created ?? now,
      dataDate: meta.dataDate ?? dates.at(-1) ?? now.slice(0, 10),
      source: meta.source ?? `ingest: ${[...new Set(paths.map((p) => basename(p)))].join(', ')}`
    };
    const manifest = await writeSnapshotDir(
      outDir,
      (tmp) => exportSnapshot(conn, tmp, exportMeta),
      (next, previous) => (force ? null : replaceRefusal(next, previous, `the snapshot in ${outDir}`))
    );
    return { result, manifest };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
