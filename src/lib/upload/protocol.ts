/**
 * Messages between the page and the import worker (importWorker.ts). The worker reads and validates
 * the files and sends back the accepted rows as Arrow IPC streams (one per schema table, transferred,
 * never decoded on the main thread) plus the rejects report. Nothing here leaves the browser.
 */
import type { Issue, Note, SheetStat, UnmappedSheet } from '$lib/ingest/types.ts';
import type { ColumnMapping } from '$lib/ingest/mapping.ts';
import type { Period } from '$lib/domain/periods.ts';

/** Schema tables an import fills (regions, prevalence and calendar_windows come from the snapshot). */
export const IMPORT_TABLES = ['cases', 'case_causes', 'recommendations', 'calendar'] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

/** Rejected values kept for the on-screen table and the CSV report (the total is always counted). */
export const MAX_ISSUES = 200_000;

/** What the officer chose in the dialog: the period of rows that have none, the column mapping. */
export interface ImportOptions {
  period?: Period;
  mapping?: ColumnMapping;
}

export interface StartMessage {
  type: 'start';
  files: File[];
  options?: ImportOptions;
  /** The case-id salt (importSalt.ts), as `npm run data:ingest --salt`. */
  salt: string;
}

export type ImportPhase = 'read' | 'validate' | 'encode' | 'load';

export interface ProgressMessage {
  type: 'progress';
  phase: ImportPhase;
  /** The file being read (phase 'read'). */
  file?: string;
  /** 0–1 over the whole import. */
  fraction: number;
}

export interface ImportSummary {
  files: string[];
  counts: Record<ImportTable, number>;
  /** Latest date found in the data (ISO), or null. */
  dataDate: string | null;
  sheets: SheetStat[];
  notes: Note[];
  issues: Issue[];
  issueTotal: number;
  /** Number of rejected values per reason code. */
  byReason: Record<string, number>;
  /** Sheets with required columns not recognised (the dialog offers to map them). */
  unmapped: UnmappedSheet[];
}

export interface DoneMessage {
  type: 'done';
  summary: ImportSummary;
  /** Arrow IPC stream per table with at least one row (the rows after the last batch). */
  tables: Partial<Record<ImportTable, Uint8Array>>;
}

/** Rows accepted so far, sent while a large file is still being read; the page answers with an ack. */
export interface BatchMessage {
  type: 'batch';
  tables: Partial<Record<ImportTable, Uint8Array>>;
}
/** Page -> worker: the batch is in the database, send the next one (back-pressure). */
export interface AckMessage {
  type: 'ack';
}

export interface FailMessage {
  type: 'fail';
  detail: string;
}

export type WorkerMessage = ProgressMessage | BatchMessage | DoneMessage | FailMessage;

/** Whether an import loaded anything at all (otherwise the data shown stays as it was). */
export function hasRows(s: ImportSummary): boolean {
  return s.counts.cases + s.counts.calendar > 0;
}

/** Which data the dashboard shows: the published snapshot, or worksheets imported in this browser. */
export type DataSource =
  | { kind: 'snapshot' }
  | { kind: 'import'; files: string[]; cases: number; recommendations: number; calendar: number; dataDate: string | null; stored: boolean };
