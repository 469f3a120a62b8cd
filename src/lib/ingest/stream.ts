/**
 * The import as a stream, so a 200 MB CSV never sits in memory whole: tables (a CSV, an XLSX sheet, a
 * Parquet file) are fed in batches of raw rows; the header row is found in the first rows (headerRow.ts),
 * and each later row is classified (data, blank, totals, column numbers, signature block) and validated
 * at once. kasus and kalender rows are validated as they come; rekomendasi rows wait for finish(),
 * since their case may be in a later file. drain() hands over the rows accepted so far (the browser
 * worker turns them into Arrow batches for DuckDB); finish() validates the rest and returns the report.
 * The issues come out in the order of the whole-file import: sheet problems, file problems, then the
 * rows of kasus, rekomendasi and kalender sheets. ingestTables (validate.ts) is this, fed whole tables.
 * The checks of values that went in silently wrong (issue 20) run here too: each CSV data row's
 * structure (csvStructure.ts: a row wider than the header, an unclosed quote whose swallowed rows are
 * read again on their own lines) as it comes, and the sheet's column facts (columnChecks.ts: each date
 * column's day/month order, an age in years) from the first `lookahead` data rows, which wait until
 * those facts are decided (ingestTables: all rows, so a whole table decides). Pure.
 */
import { mapHeaders, type HeaderMap, FIELDS } from './headers.ts';
import { findHeaderRow, HEADER_SCAN_ROWS, rowShape, type HeaderRow } from './headerRow.ts';
import { mappedField, type ColumnMapping } from './mapping.ts';
import { finishPeriod, sheetPeriod, sheetValues, withSheetValues } from './sheetContext.ts';
import { cellText } from './text.ts';
import { checkRowStructure, decimalColumns } from './csvStructure.ts';
import { sheetFacts } from './columnChecks.ts';
import type { Period } from '../domain/periods.ts';
import type { CalendarRow, CaseCauseRow, CaseRow, Cell, IngestResult, Issue, Note, RecommendationRow, SheetStat } from './types.ts';
import { newCaseIndex, validateCaseRow } from './validateCases.ts';
import { validateRecommendationRow } from './validateRecommendations.ts';
import { validateCalendarRow } from './validateCalendar.ts';
import type { SheetRef } from './validateValues.ts';
import { IssueList, joinIssues } from './issueList.ts';

export interface IngestOptions {
  /** Secret mixed into the case-id hash (see sha256.ts); the same salt gives the same ids. */
  salt?: string;
  /** The period chosen by the user (`--period 2023-1`, the dialog): the last source of a row's period. */
  period?: Period;
  /** The officer's column mapping (mapping.ts). */
  mapping?: ColumnMapping;
  /** The import date (ISO; default today): later dates of things that happened are rejected. */
  today?: string;
  /**
   * Data rows of a sheet read before its column facts (date order, age unit) are decided and its rows
   * validated; default LOOKAHEAD_ROWS. Infinity: the whole table.
   */
  lookahead?: number;
  /**
   * Issues kept of each kind (sheet, file, and the rows of each sheet kind); the rest are only counted
   * (IngestResult issueTotal, byReason stay exact; issueList.ts). Default: all.
   */
  keepIssues?: number;
}

/** Data rows that decide a streamed sheet's date order (the rest are read in that order). */
export const LOOKAHEAD_ROWS = 10_000;

export interface AcceptedRows {
  cases: CaseRow[];
  caseCauses: CaseCauseRow[];
  recommendations: RecommendationRow[];
  calendar: CalendarRow[];
}
const noRows = (): AcceptedRows => ({ cases: [], caseCauses: [], recommendations: [], calendar: [] });

type Where = { file: string; sheet?: string };
/** A sheet's row validator behind its lookahead: (line, cells, structure ok); end() at the sheet's end. */
type Lookahead = ((line: number, cells: Cell[], valid: boolean) => void) & { end: () => void };

/** One table being fed: push() batches of rows (spreadsheet order), then end(). */
export interface TableSink {
  push(rows: readonly Cell[][]): void;
  end(): void;
}

export class IngestStream {
  private out: AcceptedRows = noRows();
  private readonly issues: Record<'sheet' | 'file' | 'kasus' | 'rekomendasi' | 'kalender', IssueList>;
  private readonly notes: Note[] = [];
  private readonly sheets: SheetStat[] = [];
  private readonly unmapped: IngestResult['unmapped'] = [];
  private readonly files = new Map<string, { recognised: boolean; dataRows: number; anyRows: boolean }>();
  private readonly index = newCaseIndex();
  private readonly seen = new Map<string, number>();
  private readonly recs: { ref: SheetRef; stat: SheetStat; rows: [number, Cell[]][] }[] = [];
  private readonly withPeriod: { ref: SheetRef; stat: SheetStat }[] = [];

  constructor(private readonly opts: IngestOptions = {}) {
    const list = () => IssueList.keeping(opts.keepIssues ?? Infinity);
    this.issues = { sheet: list(), file: list(), kasus: list(), rekomendasi: list(), kalender: list() };
  }

  /** Starts a table (one CSV, one sheet of a workbook, one Parquet file); `encoding`: a CSV not in UTF-8. */
  table(file: string, sheet?: string, encoding?: string): TableSink {
    const where: Where = { file, ...(sheet ? { sheet } : {}) };
    if (encoding) this.notes.push({ ...where, column: '', code: 'encoding', params: { encoding } });
    const f = this.files.get(file) ?? { recognised: false, dataRows: 0, anyRows: false };
    this.files.set(file, f);
    const buffer: Cell[][] = [];
    let line = 0; // rows consumed so far (spreadsheet row of the last one)
    let state: 'scan' | 'data' | 'count' | 'skip' = 'scan';
    let h = -1;
    let sink: ((line: number, cells: Cell[]) => void) | null = null;
    let finishRows: () => void = () => {};

    const start = (head: HeaderRow) => {
      h = head.index;
      const kind = head.kind;
      if (!kind) {
        if (sheet) this.notes.push({ ...where, column: '', code: 'sheet_ignored' });
        state = 'skip';
        return;
      }
      f.recognised = true;
      const headerCells = head.cells ?? buffer[h];
      const map = mapHeaders(kind, headerCells, file, sheet, (x) => mappedField(this.opts.mapping, kind, x));
      this.notes.push(...map.notes);
      const stat: SheetStat = { ...where, kind, rowsRead: 0, rowsLoaded: 0, headerRow: h + 1, ...(head.title.length ? { title: head.title } : {}) };
      this.sheets.push(stat);
      const width = Math.max(buffer[h].length, headerCells.length);
      const shared = sheetValues(head.title, kind, map, width, head.group, stat, this.notes, where);
      const period = kind === 'rekomendasi' ? undefined : sheetPeriod(head.title, this.opts.period, kind, map, stat, this.notes, where);
      const missing = map.missingRequired.filter((m) => !(period?.available && (m.key === 'year' || m.key === 'semester')));
      let validate: Lookahead | null = null;
      if (missing.length > 0) {
        for (const m of missing) this.issues.sheet.push({ ...where, row: h + 1, column: m.header, value: '', code: 'missing_column' });
        const guesses = Object.fromEntries([...map.columns].map(([k, i]) => [k, map.headers[i]]));
        this.unmapped.push({ ...where, kind, headers: map.headers.filter((x) => x !== ''), guesses, missing: missing.map((m) => m.key) });
      } else {
        const ref: SheetRef = { ...where, kind, map, ...(period ? { period: period.ctx } : {}) };
        if (period) this.withPeriod.push({ ref, stat });
        validate = this.lookahead(ref, this.validator(ref, stat), (rows) => sheetFacts(map, rows, where, this.notes, this.opts.today));
      }
      const decimals = decimalColumns(map);
      const data = (ln: number, cells: Cell[]) => {
        stat.rowsRead++;
        f.dataRows++;
        if (!sheet) {
          // CSV structure (csvStructure.ts): a broken row is reported and not validated; the rows an
          // unclosed quote swallowed are read on their own lines
          const { ok, swallowed } = checkRowStructure(cells, ln, width, decimals, map, file, this.issues.sheet);
          if (!ok) {
            validate?.(ln, cells, false);
            for (const [l, c] of swallowed) data(l, c);
            return;
          }
        }
        validate?.(ln, shared.length ? withSheetValues(cells, width, shared) : cells, true);
      };
      const rows = this.rowSorter(where, kind, map, h, data);
      sink = rows.row;
      finishRows = () => {
        validate?.end();
        rows.end();
      };
      state = validate ? 'data' : 'count';
    };

    const feed = (rows: readonly Cell[][]) => {
      for (const cells of rows) {
        line++;
        if (!f.anyRows && cells.some((c) => cellText(c) !== '')) f.anyRows = true;
        if (state === 'scan') buffer.push(cells as Cell[]);
        else if (sink) sink(line, cells as Cell[]);
      }
    };
    const resolve = (final: boolean) => {
      const first = buffer.findIndex((r) => r.some((c) => cellText(c) !== ''));
      if (first < 0 && !final) return;
      if (!final && buffer.length < first + HEADER_SCAN_ROWS) return;
      const head = findHeaderRow(buffer, sheet, this.opts.mapping);
      if (head.index < 0) {
        state = 'skip';
        return;
      }
      start(head);
      if (sink) for (let i = h + 1; i < buffer.length; i++) sink(i + 1, buffer[i]);
      buffer.length = 0;
    };
    return {
      push: (rows) => {
        feed(rows);
        if (state === 'scan') resolve(false);
      },
      end: () => {
        if (state === 'scan') resolve(true);
        finishRows();
      }
    };
  }

  /**
   * Holds a sheet's first data rows (opts.lookahead) until its column facts are decided from them
   * (`decide` pushes its notes; they are put where the sheet's notes were when its rows began, so
   * they come before the row notes), then validates them and every later row at once. Rows with a
   * broken structure (`valid` false) count toward the facts but are not validated.
   */
  private lookahead(ref: SheetRef, validate: (line: number, cells: Cell[]) => void, decide: (rows: Cell[][]) => Partial<SheetRef>): Lookahead {
    const limit = this.opts.lookahead ?? LOOKAHEAD_ROWS;
    const at = this.notes.length;
    let held: { line: number; cells: Cell[]; valid: boolean }[] | null = [];
    const settle = () => {
      if (!held) return;
      const after = this.notes.splice(at);
      Object.assign(ref, decide(held.map((r) => r.cells)));
      this.notes.push(...after);
      const rows = held;
      held = null;
      for (const r of rows) if (r.valid) validate(r.line, r.cells);
    };
    const fn = ((line: number, cells: Cell[], valid: boolean) => {
      if (!held) return void (valid && validate(line, cells));
      held.push({ line, cells, valid });
      if (held.length >= limit) settle();
    }) as Lookahead;
    fn.end = settle;
    return fn;
  }

  /** Rows under the header: data rows go to `data`; blank, totals, numbering and signature rows are noted. */
  private rowSorter(where: Where, kind: SheetRef['kind'], map: HeaderMap, h: number, data: (line: number, cells: Cell[]) => void) {
    const required = FIELDS[kind].flatMap((x) => (x.required && map.columns.has(x.key) ? [map.columns.get(x.key)!] : []));
    let pendingBlanks: number[] = [];
    const blanks: number[] = [];
    const footer: number[] = [];
    let afterTotals = false;
    const row = (line: number, cells: Cell[]) => {
      const shape = rowShape(cells, line === h + 2);
      if (shape === 'blank') pendingBlanks.push(line);
      else if (shape === 'totals') {
        this.notes.push({ ...where, column: '', code: 'totals_row', row: line, params: { value: cells.map((c) => cellText(c)).find((t) => t !== '') ?? '' } });
        afterTotals = true;
      } else if (shape === 'numbering') this.notes.push({ ...where, column: '', code: 'numbering_row', row: line });
      else if (afterTotals && required.filter((k) => cellText(cells[k] ?? null) !== '').length <= 1) footer.push(line);
      else {
        if (pendingBlanks.length) (blanks.push(...pendingBlanks), (pendingBlanks = []));
        data(line, cells);
      }
    };
    const end = () => {
      if (blanks.length) this.notes.push({ ...where, column: '', code: 'blank_rows', params: { rows: blanks.join(', '), n: String(blanks.length) } });
      if (footer.length) this.notes.push({ ...where, column: '', code: 'footer_rows', params: { rows: footer.join(', '), n: String(footer.length) } });
    };
    return { row, end };
  }

  private validator(ref: SheetRef, stat: SheetStat): (line: number, cells: Cell[]) => void {
    if (ref.kind === 'kasus') {
      return (line, cells) => {
        if (validateCaseRow(ref, line, cells, this.issues.kasus, this.index, this.out, this.opts.salt)) stat.rowsLoaded++;
      };
    }
    if (ref.kind === 'kalender') {
      return (line, cells) => {
        if (validateCalendarRow(ref, line, cells, this.issues.kalender, this.out.calendar, this.seen)) stat.rowsLoaded++;
      };
    }
    const pending = { ref, stat, rows: [] as [number, Cell[]][] };
    this.recs.push(pending);
    return (line, cells) => void pending.rows.push([line, cells]);
  }

  /** The rows accepted since the last drain (the stream forgets them). */
  drain(): AcceptedRows {
    const r = this.out;
    this.out = noRows();
    return r;
  }

  /** An unreadable file (read errors come before everything else in the report). */
  readIssue(i: Issue): void {
    this.issues.file.unshift(i);
  }

  /** Validates the waiting rekomendasi rows and returns the remaining rows with the whole report. */
  finish(): IngestResult {
    const seq = new Map<string, number>();
    for (const p of this.recs) {
      for (const [line, cells] of p.rows) {
        if (validateRecommendationRow(p.ref, line, cells, this.issues.rekomendasi, this.index, this.out.recommendations, seq)) p.stat.rowsLoaded++;
      }
      p.rows = [];
    }
    for (const p of this.withPeriod) finishPeriod(p.ref.period!, p.stat, this.notes, p.ref);
    const fileLevel = IssueList.keeping(Infinity);
    for (const [file, f] of this.files) {
      if (!f.recognised) fileLevel.push({ file, row: null, column: '', value: '', code: f.anyRows ? 'unknown_format' : 'empty_file' });
      else if (f.dataRows === 0) fileLevel.push({ file, row: null, column: '', value: '', code: 'empty_file' });
    }
    const i = this.issues;
    const all = joinIssues([i.file, i.sheet, fileLevel, i.kasus, i.rekomendasi, i.kalender]);
    return {
      ...this.drain(),
      issues: all.issues,
      issueTotal: all.total,
      byReason: all.byReason,
      notes: this.notes,
      sheets: this.sheets,
      unmapped: this.unmapped
    };
  }
}
