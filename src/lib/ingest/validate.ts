/**
 * The import's entry point for whole tables, shared by the CLI and the browser worker (which streams
 * large CSVs through the same IngestStream, stream.ts): takes the raw tables of one or more files (every
 * CSV, every XLSX sheet), finds each sheet's header row and kind, validates kasus and kalender rows,
 * then rekomendasi rows (so recommendations in another file still find their case), and returns the
 * rows to load plus the report. Pure and synchronous.
 */
import { IngestStream, type IngestOptions } from './stream.ts';
import type { IngestResult, InputTable } from './types.ts';

export type { IngestOptions };

/** Issue codes that mean a whole file or sheet could not be used (the CLI exits non-zero on them). */
export const FILE_LEVEL_CODES = new Set(['unreadable_file', 'empty_file', 'unknown_format', 'missing_column']);

export function ingestTables(tables: readonly InputTable[], opts: IngestOptions = {}): IngestResult {
  const stream = new IngestStream({ lookahead: Infinity, ...opts });
  for (const t of tables) {
    const sink = stream.table(t.file, t.sheet, t.encoding);
    sink.push(t.rows);
    sink.end();
  }
  return stream.finish();
}

/** Rows read but not loaded, over all sheets. */
export function rowsDropped(r: IngestResult): number {
  return r.sheets.reduce((n, s) => n + s.rowsRead - s.rowsLoaded, 0);
}
