/**
 * CSV export shared by the views' tables. Pure: rows → CSV text (RFC 4180 quoting: fields with the
 * separator, a quote or a line break quoted with doubled quotes; CRLF line ends) with a UTF-8 byte-order
 * mark so Excel reads Indonesian text correctly. Text cells that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with a single quote. Numbers are written
 * as plain numbers (no grouping) so they stay numeric.
 *
 * Two dialects, chosen by the UI language when a file is downloaded (`withCsvDialect`, ExportButtons):
 * Indonesian `;` with decimal commas — what Excel set to an Indonesian locale (list separator `;`,
 * decimal `,`) opens into columns with numbers — and English `,` with decimal dots. Without a dialect
 * (tests, Node) the text is RFC 4180 with dots.
 */

import type { Lang } from '$lib/domain/label.ts';
import { downloadBlob } from './download.ts';
import { demoExportLine } from './demoMark.svelte.ts';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<R> {
  /** Header text. */
  header: string;
  value(row: R): CsvCell;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}
export const CSV_RFC: CsvDialect = { separator: ',', decimal: '.' };
export const CSV_ID: CsvDialect = { separator: ';', decimal: ',' };
/** The dialect of the UI language: Indonesian Excel's `;` and decimal comma, else `,` and dot. */
export const csvDialectFor = (lang: Lang): CsvDialect => (lang === 'id' ? CSV_ID : CSV_RFC);

let current: CsvDialect = CSV_RFC;
/** Runs `build` (which calls toCsv) with `dialect` as the default dialect: a download's CSV in the UI's language. */
export function withCsvDialect<T>(dialect: CsvDialect, build: () => T): T {
  const before = current;
  current = dialect;
  try {
    return build();
  } finally {
    current = before;
  }
}

/** One cell as CSV text: neutralises formula starts, then quotes when needed. */
export function csvCell(v: CsvCell, dialect: CsvDialect = current): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? (dialect.decimal === ',' ? String(v).replace('.', ',') : String(v)) : '';
  else if (typeof v === 'boolean') s = v ? 'true' : 'false';
  else s = FORMULA_START.test(v) ? `'${v}` : v;
  const special = dialect.separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV text (with BOM unless `bom: false`), in `dialect` (default: the current one). */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], opts: { bom?: boolean; dialect?: CsvDialect } = {}): string {
  const d = opts.dialect ?? current;
  const line = (cells: CsvCell[]) => cells.map((c) => csvCell(c, d)).join(d.separator);
  const lines = [line(columns.map((c) => c.header))];
  for (const r of rows) lines.push(line(columns.map((c) => c.value(r))));
  return (opts.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n';
}

/** CSV text with a first line before the header (after the BOM), e.g. the demo mark; unchanged for null. */
export function withFirstLine(csv: string, line: string | null): string {
  if (line === null) return csv;
  const bom = csv.startsWith(BOM) ? BOM : '';
  return `${bom}${csvCell(line)}\r\n${csv.slice(bom.length)}`;
}

/**
 * Offers CSV text as a file download (browser only). While the demo snapshot is shown its first line
 * is the demo mark (demoMark.svelte.ts); `demoMark: false` for files that are not the data's (the
 * import's rejects report describes the user's own files).
 */
export function downloadCsv(filename: string, csv: string, opts: { demoMark?: boolean } = {}): void {
  const text = opts.demoMark === false ? csv : withFirstLine(csv, demoExportLine());
  downloadBlob(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}
