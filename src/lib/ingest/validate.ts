/**
 * The import's entry point, shared by the CLI and (later) the browser worker: takes the raw tables of
 * one or more files (every CSV, every XLSX sheet), recognises each sheet's kind from its headers,
 * validates all kasus sheets first (so recommendations in another file still find their case), then
 * rekomendasi, then kalender, and returns the rows to load plus the report. Pure and synchronous.
 */
import { headerRowIndex, detectKind, mapHeaders } from './headers.ts';
import type { Cell, IngestResult, InputTable, SheetKind, SheetStat } from './types.ts';
import { newCaseIndex, validateCaseRow } from './validateCases.ts';
import { validateRecommendationRow } from './validateRecommendations.ts';
import { validateCalendarRow } from './validateCalendar.ts';
import type { SheetRef } from './validateValues.ts';
import { dataRows } from './csvStructure.ts';
import { sheetFacts } from './columnChecks.ts';

export interface IngestOptions {
  /** Secret mixed into the case-id hash (see sha256.ts); the same salt gives the same ids. */
  salt?: string;
  /** The import date (ISO; default today): later dates of things that happened are rejected. */
  today?: string;
}

interface Pending {
  ref: SheetRef;
  stat: SheetStat;
  /** [spreadsheet row number, cells] of the non-blank data rows. */
  rows: [number, Cell[]][];
}

/** Issue codes that mean a whole file or sheet could not be used (the CLI exits non-zero on them). */
export const FILE_LEVEL_CODES = new Set(['unreadable_file', 'empty_file', 'unknown_format', 'missing_column']);

export function ingestTables(tables: readonly InputTable[], opts: IngestOptions = {}): IngestResult {
  const result: IngestResult = { cases: [], caseCauses: [], recommendations: [], calendar: [], issues: [], notes: [], sheets: [] };
  const pending: Record<SheetKind, Pending[]> = { kasus: [], rekomendasi: [], kalender: [] };
  const files = new Map<string, { recognised: boolean; dataRows: number }>();

  for (const t of tables) {
    const where = { file: t.file, ...(t.sheet ? { sheet: t.sheet } : {}) };
    const f = files.get(t.file) ?? { recognised: false, dataRows: 0 };
    files.set(t.file, f);
    if (t.encoding) result.notes.push({ ...where, column: '', code: 'encoding', params: { encoding: t.encoding } });
    const h = headerRowIndex(t.rows);
    if (h < 0) continue; // a blank sheet
    const kind = detectKind(t.rows[h], t.sheet);
    if (!kind) {
      if (t.sheet) result.notes.push({ ...where, column: '', code: 'sheet_ignored' });
      continue;
    }
    f.recognised = true;
    const map = mapHeaders(kind, t.rows[h], t.file, t.sheet);
    result.notes.push(...map.notes);
    const { rows, broken } = dataRows(t, h, map, result.issues);
    f.dataRows += rows.length;
    const stat: SheetStat = { ...where, kind, rowsRead: rows.length, rowsLoaded: 0 };
    result.sheets.push(stat);
    if (map.missingRequired.length > 0) {
      for (const m of map.missingRequired) result.issues.push({ ...where, row: h + 1, column: m.header, value: '', code: 'missing_column' });
      continue;
    }
    const facts = sheetFacts(map, rows.map(([, c]) => c), where, result.notes, opts.today);
    pending[kind].push({ ref: { ...where, kind, map, ...facts }, stat, rows: rows.filter(([, c]) => !broken.has(c)) });
  }
  for (const [file, f] of files) {
    if (!f.recognised) {
      const anyRows = tables.some((t) => t.file === file && headerRowIndex(t.rows) >= 0);
      result.issues.push({ file, row: null, column: '', value: '', code: anyRows ? 'unknown_format' : 'empty_file' });
    } else if (f.dataRows === 0) {
      result.issues.push({ file, row: null, column: '', value: '', code: 'empty_file' });
    }
  }

  const index = newCaseIndex();
  for (const p of pending.kasus) {
    for (const [line, cells] of p.rows) if (validateCaseRow(p.ref, line, cells, result.issues, index, result, opts.salt)) p.stat.rowsLoaded++;
  }
  const seq = new Map<string, number>();
  for (const p of pending.rekomendasi) {
    for (const [line, cells] of p.rows) if (validateRecommendationRow(p.ref, line, cells, result.issues, index, result.recommendations, seq)) p.stat.rowsLoaded++;
  }
  const seen = new Map<string, number>();
  for (const p of pending.kalender) {
    for (const [line, cells] of p.rows) if (validateCalendarRow(p.ref, line, cells, result.issues, result.calendar, seen)) p.stat.rowsLoaded++;
  }
  return result;
}

/** Rows read but not loaded, over all sheets. */
export function rowsDropped(r: IngestResult): number {
  return r.sheets.reduce((n, s) => n + s.rowsRead - s.rowsLoaded, 0);
}
