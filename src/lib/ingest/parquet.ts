/**
 * Reads a Parquet worksheet (one table, template layout: the kasus, rekomendasi or kalender columns)
 * into the raw rows the validation takes, with hyparquet (pure JS, so the same code runs in the
 * browser's import worker and in `npm run data:ingest`; DuckDB-WASM has no offline Parquet reader).
 * Row 0 holds the column names, then one row of cells per record: strings, numbers, booleans and
 * Dates (DATE and TIMESTAMP columns, UTC), as the CSV/XLSX readers deliver them, so the header rules
 * and value checks are exactly the same. zstd, snappy, gzip, brotli and lz4 pages are decompressed
 * with hyparquet-compressors. No Node APIs.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Cell, InputTable } from './types.ts';
import { cellText } from './text.ts';

/** A Parquet file that cannot be decoded (damaged, truncated or not Parquet at all). */
export class ParquetReadError extends Error {}

const utf8 = new TextDecoder();

/** One decoded Parquet value as a worksheet cell. */
export function parquetCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v;
  if (v instanceof Uint8Array) return utf8.decode(v);
  // A LIST column (e.g. "Penyebab lain" as a list of codes) reads like the worksheet's "a; b" text.
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>, (x) => cellText(parquetCell(x))).filter((s) => s !== '').join('; ');
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/**
 * A TIMESTAMPTZ column (isAdjustedToUTC, or the legacy TIMESTAMP_MILLIS/MICROS) holds instants: the
 * worksheet's "15/05/2023" typed in Jakarta is 2023-05-14T17:00Z, a day early in UTC.
 */
function isInstant(el: { logical_type?: { type: string; isAdjustedToUTC?: boolean }; converted_type?: string }): boolean {
  if (el.logical_type?.type === 'TIMESTAMP') return el.logical_type.isAdjustedToUTC === true;
  return el.converted_type === 'TIMESTAMP_MILLIS' || el.converted_type === 'TIMESTAMP_MICROS';
}

/**
 * The calendar date of an instant in Indonesia, as a UTC-midnight Date (how the other readers deliver
 * dates). Read at UTC+9 (WIT): a midnight in WIB (+7), WITA (+8), WIT (+9) or UTC all fall on their
 * own date there, where reading at UTC puts the Indonesian ones a day early.
 */
export function indonesianDate(v: unknown): Cell {
  const c = parquetCell(v);
  if (!(c instanceof Date) || Number.isNaN(c.getTime())) return c;
  const t = new Date(c.getTime() + 9 * 3_600_000);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
}

/** Decodes a whole Parquet file; throws ParquetReadError when it cannot be read. */
export async function readParquet(data: ArrayBuffer | Uint8Array, name: string): Promise<InputTable> {
  const buf: ArrayBuffer =
    data instanceof ArrayBuffer ? data : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  try {
    const metadata = parquetMetadata(buf);
    const children = parquetSchema(metadata).children;
    const header = children.map((c) => c.element.name);
    const instant = children.map((c) => isInstant(c.element));
    let body: unknown[][] = [];
    await parquetRead({ file: buf, metadata, compressors, rowFormat: 'array', onComplete: (rows: unknown[][]) => (body = rows) });
    const rows: Cell[][] = [header];
    for (const r of body) rows.push(header.map((_h, i) => (instant[i] ? indonesianDate(r[i]) : parquetCell(r[i]))));
    return { file: name, rows };
  } catch (e) {
    throw new ParquetReadError(e instanceof Error ? e.message : String(e));
  }
}
