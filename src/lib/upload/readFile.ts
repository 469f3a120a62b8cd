/**
 * Reads one uploaded file into raw tables for the shared validation (src/lib/ingest), inside the
 * import worker: CSV is parsed in chunks with papaparse (the delimiter is taken from the header line,
 * as in the CLI), so a 200 MB file streams with progress; .xlsx workbooks with read-excel-file; Parquet
 * with hyparquet (src/lib/ingest/parquet.ts, the CLI's reader too). Old .xls is refused with a plain
 * message. Throws an Error whose message is shown to the user.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/web-worker';
import { detectDelimiter, looksLikeCsv } from '$lib/ingest/csv.ts';
import { readParquet } from '$lib/ingest/parquet.ts';
import { detectEncoding, type TextEncodingName } from '$lib/ingest/encoding.ts';
import type { Cell, InputTable } from '$lib/ingest/types.ts';

export type FileKind = 'csv' | 'xlsx' | 'xls' | 'parquet' | 'other';

/** Plain-language reasons a file cannot be read (codes; the page translates them). */
export class ReadError extends Error {
  constructor(
    readonly code: 'parquet-corrupt' | 'xls' | 'not-csv' | 'xlsx-corrupt' | 'csv-corrupt',
    detail = ''
  ) {
    super(detail || code);
  }
}

/** The kind of a file, from its first bytes first and its name second. */
export function fileKind(name: string, head: Uint8Array): FileKind {
  const b = head;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet'; // PAR1
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b) return 'xlsx'; // zip
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls'; // OLE2
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'parquet') return 'parquet';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'xls') return 'xls';
  return b.length === 0 || ext === 'csv' || ext === 'txt' || ext === 'tsv' ? 'csv' : 'other';
}

const CHUNK = 4 * 1024 * 1024;

/** A whole CSV file as rows (small files; the worker streams with streamCsv); `onBytes` reports progress. */
export async function readCsv(file: Blob, name: string, onBytes: (n: number) => void): Promise<InputTable> {
  const encoding = await csvEncoding(file);
  const rows: Cell[][] = [];
  await streamCsv(file, (r) => void rows.push(...r), onBytes, encoding);
  // A trailing newline yields a blank row: drop trailing blank rows only, so row numbers stay true.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => String(c ?? '').trim() === '')) rows.pop();
  return { file: name, rows, ...(encoding !== 'utf-8' ? { encoding } : {}) };
}

/**
 * The text encoding of a CSV file (encoding.ts detectEncoding), decided before any row is read so a
 * streamed file is decoded one way from its first row: the head (BOM, invalid UTF-8) first; when the
 * head is UTF-8 the rest is checked in chunks (one chunk in memory at a time), since a Windows-1252
 * byte may first appear far down a large file.
 */
export async function csvEncoding(file: Blob): Promise<TextEncodingName> {
  const head = detectEncoding(new Uint8Array(await file.slice(0, 65536).arrayBuffer()));
  if (head !== 'utf-8' || file.size <= 65536) return head;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < file.size; at += CHUNK) {
      decoder.decode(new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer()), { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Streams a CSV file in chunks: `onRows` gets each chunk's rows (spreadsheet order, BOM removed) and may
 * return a promise; parsing waits for it (back-pressure), so memory holds one chunk at a time.
 * `encoding`: from csvEncoding (UTF-8 when not given).
 */
export async function streamCsv(
  file: Blob, onRows: (rows: Cell[][]) => void | Promise<void>, onBytes: (n: number) => void, encoding: TextEncodingName = 'utf-8'
): Promise<void> {
  const head = new TextDecoder(encoding).decode(new Uint8Array(await file.slice(0, 65536).arrayBuffer())).replace(/^\uFEFF/, '');
  if (head.trim() === '') return;
  if (!looksLikeCsv(head)) throw new ReadError('not-csv');
  const delimiter = detectDelimiter(head);
  let first = true;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(file as File, {
      header: false,
      skipEmptyLines: false,
      delimiter,
      encoding,
      chunkSize: CHUNK,
      chunk: (res, parser) => {
        const rows = res.data as Cell[][];
        if (first && rows.length > 0 && typeof rows[0][0] === 'string') rows[0][0] = rows[0][0].replace(/^\uFEFF/, '');
        first = false;
        onBytes(res.meta.cursor);
        const wait = onRows(rows);
        if (wait) {
          parser.pause();
          wait.then(() => parser.resume(), (e) => (parser.abort(), reject(e)));
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(new ReadError('csv-corrupt', e.message))
    });
  });
}

/** Every sheet of an .xlsx workbook. */
export async function readXlsx(file: Blob, name: string): Promise<InputTable[]> {
  try {
    const sheets = await readXlsxFile(file);
    return sheets.map((s) => ({ file: name, sheet: s.sheet, rows: s.data as Cell[][] }));
  } catch (e) {
    throw new ReadError('xlsx-corrupt', e instanceof Error ? e.message : String(e));
  }
}

/** A Parquet worksheet (one table); a damaged or truncated file is a 'parquet-corrupt' ReadError. */
export async function readParquetFile(file: Blob, name: string): Promise<InputTable> {
  try {
    return await readParquet(await file.arrayBuffer(), name);
  } catch (e) {
    throw new ReadError('parquet-corrupt', e instanceof Error ? e.message : String(e));
  }
}

/** The kind of an uploaded file (refuses a non-CSV text file early). */
export async function uploadKind(file: File): Promise<FileKind> {
  const kind = fileKind(file.name, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  if (kind === 'other' && !looksLikeCsv(await file.slice(0, 65536).text())) throw new ReadError('not-csv');
  return kind === 'other' ? 'csv' : kind;
}

/** Reads one file of any supported kind. */
export async function readUpload(file: File, onBytes: (n: number) => void): Promise<InputTable[]> {
  const kind = await uploadKind(file);
  if (kind === 'parquet') {
    const t = await readParquetFile(file, file.name);
    onBytes(file.size);
    return [t];
  }
  if (kind === 'xls') throw new ReadError('xls');
  if (kind === 'xlsx') {
    const t = await readXlsx(file, file.name);
    onBytes(file.size);
    return t;
  }
  return [await readCsv(file, file.name, onBytes)];
}
