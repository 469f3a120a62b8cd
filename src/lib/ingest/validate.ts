/**
 * The import's entry point, shared by the CLI and (later) the browser worker: takes the raw tables of
 * one or more files (every CSV, every XLSX sheet), recognises each sheet's kind from its headers,
 * validates all kasus sheets first (so recommendations in another file still find their case), then
 * rekomendasi, then kalender, and returns the rows to load plus the report. Pure and synchronous.
 */
import { headerRowIndex, mapHeaders } from './headers.ts';
import { findHeaderRow } from './headerRow.ts';
import { mappedField, type ColumnMapping } from './mapping.ts';
import { dataRows, finishPeriod, sheetPeriod } from './sheetContext.ts';
import type { Period } from '../domain/periods.ts';
import type { Cell, IngestResult, InputTable, SheetKind, SheetStat } from './types.ts';
import { newCaseIndex, validateCaseRow } from './validateCases.ts';
import { validateRecommendationRow } from './validateRecommendations.ts';
import { validateCalendarRow } from './validateCalendar.ts';
import type { SheetRef } from './validateValues.ts';

export interface IngestOptions {
  /** Secret mixed into the case-id hash (see sha256.ts); the same salt gives the same ids. */
  salt?: string;
  /** The period chosen by the user (`--period 2023-1`, the dialog): the last source of a row's period. */
  period?: Period;
  /** The officer's column mapping (mapping.ts). */
  mapping?: ColumnMapping;
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
  const result: IngestResult = { cases: [], caseCauses: [], recommendations: [], calendar: [], issues: [], notes: [], sheets: [], unmapped: [] };
  const pending: Record<SheetKind, Pending[]> = { kasus: [], rekomendasi: [], kalender: [] };
  const files = new Map<string, { recognised: boolean; dataRows: number }>();

  for (const t of tables) {
    const where = { file: t.file, ...(t.sheet ? { sheet: t.sheet } : {}) };
    const f = files.get(t.file) ?? { recognised: false, dataRows: 0 };
    files.set(t.file, f);
    const head = findHeaderRow(t.rows, t.sheet, opts.mapping);
    const h = head.index;
    if (h < 0) continue; // a blank sheet
    const kind = head.kind;
    if (!kind) {
      if (t.sheet) result.notes.push({ ...where, column: '', code: 'sheet_ignored' });
      continue;
    }
    f.recognised = true;
    const map = mapHeaders(kind, t.rows[h], t.file, t.sheet, (x) => mappedField(opts.mapping, kind, x));
    result.notes.push(...map.notes);
    const { rows, notes } = dataRows(t.rows, h, where, kind, map);
    result.notes.push(...notes);
    f.dataRows += rows.length;
    const stat: SheetStat = { ...where, kind, rowsRead: rows.length, rowsLoaded: 0, headerRow: h + 1, ...(head.title.length ? { title: head.title } : {}) };
    result.sheets.push(stat);
    const period = kind === 'rekomendasi' ? undefined : sheetPeriod(head.title, opts.period, kind, map, stat, result.notes, where);
    const missing = map.missingRequired.filter((m) => !(period?.available && (m.key === 'year' || m.key === 'semester')));
    if (missing.length > 0) {
      for (const m of missing) result.issues.push({ ...where, row: h + 1, column: m.header, value: '', code: 'missing_column' });
      const guesses = Object.fromEntries([...map.columns].map(([k, i]) => [k, map.headers[i]]));
      result.unmapped.push({ ...where, kind, headers: map.headers.filter((x) => x !== ''), guesses, missing: missing.map((m) => m.key) });
      continue;
    }
    pending[kind].push({ ref: { ...where, kind, map, ...(period ? { period: period.ctx } : {}) }, stat, rows });
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
  for (const p of [...pending.kasus, ...pending.kalender]) if (p.ref.period) finishPeriod(p.ref.period, p.stat, result.notes, p.ref);
  return result;
}

/** Rows read but not loaded, over all sheets. */
export function rowsDropped(r: IngestResult): number {
  return r.sheets.reduce((n, s) => n + s.rowsRead - s.rowsLoaded, 0);
}
