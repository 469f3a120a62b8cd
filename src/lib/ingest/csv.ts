/**
 * CSV text -> raw rows (papaparse, which runs in Node and in browsers/workers). The delimiter is taken
 * from the header line (Indonesian Excel exports use `;` because `,` is the decimal mark; papaparse's
 * own guess is fooled by decimal commas in the data rows). A BOM is removed. Pure.
 */
import Papa from 'papaparse';
import type { Cell } from './types.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The candidate delimiter occurring most often (outside quotes) in the first non-blank line. */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = line.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestN = 0;
  for (const d of DELIMITERS) {
    const n = unquoted.split(d).length - 1;
    if (n > bestN) [best, bestN] = [d, n];
  }
  return best;
}

export function parseCsvText(text: string): Cell[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const res = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter: detectDelimiter(clean) });
  const rows = res.data as string[][];
  // papaparse yields one [""] row for a trailing newline: drop trailing blank rows only, so row numbers stay true.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** Heuristic: does this text look like CSV at all (printable, at least one delimiter in the first line)? */
export function looksLikeCsv(text: string): boolean {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return false;
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t|]/.test(first);
}
