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
  | 'blank_rows' | 'totals_row' | 'numbering_row' | 'footer_rows' | 'period_conflict' | 'title_period_unclear'
  | 'encoding' | 'dates_day_first' | 'dates_month_first' | 'age_in_years' | 'title_region' | 'sheet_group';
/** Not an error: told once per column or sheet (or per skipped row; messages in notes.ts). */
export interface Note {
  file: string;
  sheet?: string;
  column: string;
  code: NoteCode;
  /** Spreadsheet row (skipped rows). */
  row?: number;
  /** Details for the note's text (report.ts noteText): rows skipped, the periods that disagree. */
  params?: Record<string, string>;
}

import type { CaseRow, CaseCauseRow, RecommendationRow, CalendarRow } from '../domain/rows.ts';
import type { Period } from '../domain/periods.ts';
export type { CaseRow, CaseCauseRow, RecommendationRow, CalendarRow };

export type PeriodSource = 'column' | 'title' | 'dates' | 'option';

/** What the row reader takes from a sheet's context to date its rows (rowPeriod.ts). */
export interface SheetPeriod {
  title: Period | null;
  option: Period | null;
  dateKeys: readonly string[];
  used: Partial<Record<PeriodSource, number>>;
  /** Spreadsheet rows whose period cells disagree with the title/chosen period. */
  disagree: number[];
}

/** A cell's value read by a value parser (validateValues.ts), or the reason it was rejected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ReasonCode; params?: Record<string, string> };
export type Parser<T> = (v: Cell) => Parsed<T>;

export interface SheetStat {
  file: string;
  sheet?: string;
  kind: SheetKind | null;
  rowsRead: number;
  rowsLoaded: number;
  /** Spreadsheet row of the header (1 unless a title block is above it). */
  headerRow?: number;
  /** The title block above the header, one entry per non-blank row. */
  title?: string[];
  /** How many rows took their period from each source ("2023-1" per source when one period). */
  periodSources?: Partial<Record<PeriodSource, number>>;
  /** The period read from the title block or chosen by the user, when there is one. */
  titlePeriod?: string;
  /** The kabupaten/kota the title block names, used for a sheet without a Kabupaten/Kota column. */
  titleRegion?: string;
  optionPeriod?: string;
}

/** A sheet whose required columns were not all recognised: what the officer needs to map them. */
export interface UnmappedSheet {
  file: string;
  sheet?: string;
  kind: SheetKind;
  /** The file's headers as written (blank ones left out). */
  headers: string[];
  /** field key -> header the import recognised for it (the automatic guesses). */
  guesses: Record<string, string>;
  /** Required field keys without a column. */
  missing: string[];
}

export interface IngestResult {
  cases: CaseRow[];
  caseCauses: CaseCauseRow[];
  recommendations: RecommendationRow[];
  calendar: CalendarRow[];
  /** The issues kept (all, unless IngestOptions.keepIssues), in report order. */
  issues: Issue[];
  /** Every issue, kept or not, and by reason code. */
  issueTotal: number;
  byReason: Record<string, number>;
  notes: Note[];
  sheets: SheetStat[];
  /** Sheets refused for a missing required column, for the column-mapping dialog. */
  unmapped: UnmappedSheet[];
}
