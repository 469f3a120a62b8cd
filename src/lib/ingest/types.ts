/** Shared types of the worksheet import. Pure. */
import type { ReasonCode } from './reasons.ts';

/** A raw cell as the readers deliver it (papaparse: strings; read-excel-file: also numbers, booleans, Dates). */
export type Cell = string | number | boolean | Date | null;

/** One sheet of a workbook, or one CSV file: rows exactly as in the file, row 0 = spreadsheet row 1. */
export interface InputTable {
  file: string;
  sheet?: string;
  rows: Cell[][];
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

export type NoteCode = 'extra_column' | 'privacy_dropped' | 'duplicate_column' | 'sheet_ignored';
/** Not an error: told once per column or sheet. */
export interface Note {
  file: string;
  sheet?: string;
  column: string;
  code: NoteCode;
}

export interface CaseRow {
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: 1 | 2;
  target_group: string;
  source: string;
  review_date: string | null;
  mother_age_years: number | null;
  trimester: number | null;
  child_age_months: number | null;
  child_sex: 'L' | 'P' | null;
  haz: number | null;
  whz: number | null;
  birth_weight_g: number | null;
  lila_cm: number | null;
  hb_g_dl: number | null;
  stunted: boolean | null;
  severely_stunted: boolean | null;
  kek: boolean | null;
  anaemia: boolean | null;
  lbw: boolean | null;
  too_young: boolean | null;
  too_old: boolean | null;
  too_close: boolean | null;
  too_many: boolean | null;
  unsafe_water: boolean | null;
  poor_sanitation: boolean | null;
  poor_household: boolean | null;
  smoker_in_house: boolean | null;
  primary_cause: string | null;
  primary_class: string | null;
}

export interface CaseCauseRow {
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  target_group: string;
  cause_code: string;
  cause_class: string;
  is_primary: boolean;
}

export interface RecommendationRow {
  rec_id: string;
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  target_group: string;
  cause_code: string | null;
  intervention_code: string;
  intervention_class: string;
  agency_code: string;
  status: string;
  recommended_date: string;
  due_date: string;
  delivered_date: string | null;
  followed_up_date: string | null;
}

export interface CalendarRow {
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  stage_code: string;
  stage_order: number;
  planned_date: string | null;
  actual_date: string | null;
}

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
