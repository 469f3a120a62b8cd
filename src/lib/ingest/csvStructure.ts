/**
 * CSV structure errors that shift or swallow values (issue 20), found in the parsed rows so the CLI and
 * the browser (which streams with papaparse) apply the same rule: a row with more fields than the
 * header (an unquoted decimal comma in a `,`-separated file moves every later value one column to the
 * right), and a cell that swallowed following rows (an unclosed quote: the cell holds line breaks
 * followed by lines that look like rows of their own). Both reject the row by row and column; the
 * swallowed rows are read again and validated on their own lines. Pure.
 */
import Papa from 'papaparse';
import type { Cell, Issue } from './types.ts';
import type { HeaderMap } from './headers.ts';
import { DECIMAL_KEYS } from './columnChecks.ts';

/**
 * Fields of `cells` beyond the header's width (0: the row fits). Counted even when blank: a decimal
 * comma splits "-2,45" into two fields and pushes the last, often empty, value past the header.
 */
export function extraFields(cells: readonly Cell[], headerWidth: number): number {
  return Math.max(0, cells.length - headerWidth);
}

/**
 * How many lines a cell swallowed: the lines after its first line break that carry at least
 * `minDelimiters` of one delimiter (`,` `;` tab `|`), as a row does. 0 for an ordinary multi-line cell
 * ("sanitasi;\nasap_rokok").
 */
export function swallowedLines(cell: Cell, headerWidth: number): number {
  if (typeof cell !== 'string' || !cell.includes('\n')) return 0;
  const min = Math.max(2, Math.floor(headerWidth / 2));
  const lines = cell.split(/\r?\n/).slice(1);
  const rowLike = lines.filter((l) => [',', ';', '\t', '|'].some((d) => l.split(d).length - 1 >= min));
  return rowLike.length;
}

/**
 * The rows a cell swallowed, read again on their own (the lines after its first line break that look
 * like rows, split on the delimiter they use most), so they still load after the broken row.
 */
export function swallowedRows(cell: Cell, headerWidth: number): Cell[][] {
  if (typeof cell !== 'string') return [];
  const min = Math.max(2, Math.floor(headerWidth / 2));
  const lines = cell.split(/\r?\n/).slice(1);
  const counts = [',', ';', '\t', '|'].map((d) => [d, lines.reduce((n, l) => n + (l.split(d).length - 1 >= min ? 1 : 0), 0)] as const);
  const [delimiter] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return lines.filter((l) => l.split(delimiter).length - 1 >= min).map((l) => Papa.parse<string[]>(l, { delimiter, header: false }).data[0] ?? []);
}

export type StructureProblem = { code: 'extra_fields'; column: number; params: Record<string, string> } | { code: 'unbalanced_quote'; column: number; params: Record<string, string> };

/**
 * The structure problem of one data row of a CSV (null: none). `decimalColumns`: the columns of
 * decimal measurements (z-scores, LiLA, Hb); a row too wide is reported on the first of them that
 * looks split ("-2" then "45"), with the value as typed ("-2,45"), else past the header's last column.
 */
export function rowStructure(cells: readonly Cell[], headerWidth: number, line: number, decimalColumns: ReadonlySet<number> = new Set()): StructureProblem | null {
  for (let i = 0; i < cells.length; i++) {
    const n = swallowedLines(cells[i], headerWidth);
    if (n > 0) return { code: 'unbalanced_quote', column: i, params: { from: String(line), to: String(line + n), count: String(n) } };
  }
  const extra = extraFields(cells, headerWidth);
  if (extra === 0) return null;
  const params = { expected: String(headerWidth), got: String(headerWidth + extra) };
  const split = [...decimalColumns].sort((a, b) => a - b).find((i) => /^[-\u2212\u2013]?\d+$/.test(String(cells[i] ?? '').trim()) && /^\d+$/.test(String(cells[i + 1] ?? '').trim()));
  if (split !== undefined) return { code: 'extra_fields', column: split, params: { ...params, value: `${String(cells[split]).trim()},${String(cells[split + 1]).trim()}` } };
  return { code: 'extra_fields', column: headerWidth, params };
}

/** The columns of a sheet's decimal measurements (where rowStructure looks for a split decimal). */
export const decimalColumns = (map: HeaderMap): Set<number> => new Set(DECIMAL_KEYS.map((k) => map.columns.get(k)).filter((i): i is number => i !== undefined));

/**
 * Checks the structure of one data row of a CSV at spreadsheet row `line`: a broken row is reported
 * into `issues` and null is returned (the row is not validated); otherwise the row is kept. When an
 * unclosed quote swallowed rows, they are returned in `swallowed` ([spreadsheet row, cells]) to be
 * read on their own lines. The streamed import (stream.ts) checks each CSV data row with it.
 */
export function checkRowStructure(
  cells: Cell[], line: number, width: number, decimals: ReadonlySet<number>, map: HeaderMap, file: string, issues: Issue[]
): { ok: boolean; swallowed: [number, Cell[]][] } {
  const bad = rowStructure(cells, width, line, decimals);
  if (!bad) return { ok: true, swallowed: [] };
  const { value = '', ...params } = bad.params;
  issues.push({ file, row: line, column: map.headers[bad.column] ?? `#${bad.column + 1}`, value, code: bad.code, params });
  const swallowed = bad.code === 'unbalanced_quote' ? swallowedRows(cells[bad.column], width).map((c, k): [number, Cell[]] => [line + 1 + k, c]) : [];
  return { ok: false, swallowed };
}
