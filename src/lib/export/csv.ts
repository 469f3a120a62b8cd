/**
 * CSV export shared by the views' tables. Pure: rows → CSV text (RFC 4180: comma-separated, CRLF line
 * ends, fields with a comma, quote or line break quoted with doubled quotes) with a UTF-8 byte-order
 * mark so Excel opens Indonesian text correctly. Text cells that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with a single quote. Numbers are written
 * as plain numbers (dot decimal) so they stay numeric.
 */

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

/** One cell as CSV text: neutralises formula starts, then quotes when needed. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = v ? 'true' : 'false';
  else s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV text (with BOM unless `bom: false`). */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], opts: { bom?: boolean } = {}): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(','));
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
