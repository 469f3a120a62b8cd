/**
 * CSV text -> raw rows (papaparse, which runs in Node and in browsers/workers). The delimiter is taken
 * from the header line, not a title above it (Indonesian Excel exports use `;` because `,` is the decimal mark; papaparse's
 * own guess is fooled by decimal commas in the data rows). A BOM is removed. Pure.
 */
import Papa from 'papaparse';
import type { Cell } from './types.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Lines looked at for the delimiter: a title block (often one cell, no delimiter) comes before the header. */
const SNIFF_LINES = 40;
const sniffLines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/, 400).filter((l) => l.trim() !== '').slice(0, SNIFF_LINES).map((l) => l.replace(/"[^"]*"/g, ''));

/**
 * The delimiter: the candidate with the most occurrences (outside quotes) on one line among the first
 * non-blank lines — the header's, as a rule, which holds no decimal commas. A title line ("SEMESTER I,
 * TAHUN 2023") or a cell's "a; b" never decides it alone.
 */
export function detectDelimiter(text: string): string {
  let best: string = ',';
  let bestN = 0;
  for (const d of DELIMITERS) {
    const n = Math.max(0, ...sniffLines(text).map((l) => l.split(d).length - 1));
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

/** Heuristic: does this text look like CSV at all (printable, a delimiter on one of the first non-blank lines)? */
export function looksLikeCsv(text: string): boolean {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return false;
  return sniffLines(text).some((l) => /[,;\t|]/.test(l));
}
