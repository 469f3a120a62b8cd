/** Shared types of the worksheet import. Pure. */
import type { ReasonCode } from './reasons.ts';

/** A raw cell as the readers deliver it (papaparse: strings; read-excel-file: also numbers, booleans, Dates). */
export type Cell = string | number | boolean | Date | null;

/** One sheet of a workbook, or one CSV file: rows exactly as in the file, row 0 = spreadsheet row 1. */
export interface InputTable {
  file: string;
  sheet?: string;
  rows: Cell[][];
  /** A CSV read in another encoding than UTF-8 (encoding.ts): told in a note. */
  encoding?: string;
}

export type SheetKind = 'kasus' | 'rekomendasi' | 'kalender';

/** One rejected value (or a whole file/sheet problem, row null). */
export interface Issue {
  file: string;
  sheet?: string;
  /** 1-based row as the user sees it in the spreadsheet (header = row 1); null for file-level problems. */
  row: number | null;
  /** The header as written in the file (or the template's name of a missing column). */
  column: string;
  value: string;
  code: ReasonCode;
  params?: Record<string, string>;
}

export type NoteCode =
  | 'extra_column' | 'privacy_dropped' | 'duplicate_column' | 'sheet_ignored'
  | 'encoding' | 'dates_day_first' | 'dates_month_first' | 'age_in_years';
/** Not an error: told once per column or sheet (messages in notes.ts). */
export interface Note {
  file: string;
  sheet?: string;
  column: string;
  code: NoteCode;
  params?: Record<string, string>;
}

import type { CaseRow, CaseCauseRow, RecommendationRow, CalendarRow } from '../domain/rows.ts';
export type { CaseRow, CaseCauseRow, RecommendationRow, CalendarRow };

export interface SheetStat {
  file: string;
  sheet?: string;
  kind: SheetKind | null;
  rowsRead: number;
  rowsLoaded: number;
}

export interface IngestResult {
  cases: CaseRow[];
  caseCauses: CaseCauseRow[];
  recommendations: RecommendationRow[];
  calendar: CalendarRow[];
  issues: Issue[];
  notes: Note[];
  sheets: SheetStat[];
}
