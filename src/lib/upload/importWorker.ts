/**
 * The import worker: reads the files (readFile.ts), validates them with the shared module
 * (src/lib/ingest ingestTables, exactly the rules of `npm run data:ingest`), and returns the accepted
 * rows as Arrow IPC streams plus the rejects report. Runs off the main thread, so the page stays
 * responsive; the page cancels by terminating it. Never makes a network request.
 */
import { ingestTables } from '$lib/ingest/validate.ts';
import type { InputTable, Issue } from '$lib/ingest/types.ts';
import { IMPORT_TABLES, MAX_ISSUES, type DoneMessage, type ImportOptions, type ImportSummary, type ImportTable, type StartMessage, type WorkerMessage } from './protocol.ts';
import { ReadError, readUpload } from './readFile.ts';
import { rowsToIpc } from './toArrow.ts';

const post = (m: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

/** Reading takes most of the time; validation and encoding share the rest. */
const READ_SHARE = 0.7;

async function run(files: File[], options: ImportOptions = {}): Promise<void> {
  const total = Math.max(1, files.reduce((n, f) => n + f.size, 0));
  let before = 0;
  let lastPost = 0;
  const tables: InputTable[] = [];
  const readIssues: Issue[] = [];
  for (const f of files) {
    post({ type: 'progress', phase: 'read', file: f.name, fraction: (READ_SHARE * before) / total });
    try {
      tables.push(
        ...(await readUpload(f, (n) => {
          const now = performance.now();
          if (now - lastPost < 100) return;
          lastPost = now;
          post({ type: 'progress', phase: 'read', file: f.name, fraction: (READ_SHARE * (before + Math.min(n, f.size))) / total });
        }))
      );
    } catch (e) {
      const reason = e instanceof ReadError ? e.code : 'unreadable';
      const detail = e instanceof Error ? e.message : String(e);
      readIssues.push({ file: f.name, row: null, column: '', value: '', code: 'unreadable_file', params: { detail, reason } });
    }
    before += f.size;
  }
  post({ type: 'progress', phase: 'validate', fraction: READ_SHARE });
  const r = ingestTables(tables, { ...options });
  tables.length = 0;
  const issues = [...readIssues, ...r.issues];
  const byReason: Record<string, number> = {};
  for (const i of issues) byReason[i.code] = (byReason[i.code] ?? 0) + 1;

  post({ type: 'progress', phase: 'encode', fraction: 0.85 });
  const rows: Record<ImportTable, readonly object[]> = {
    cases: r.cases,
    case_causes: r.caseCauses,
    recommendations: r.recommendations,
    calendar: r.calendar
  };
  const out: DoneMessage['tables'] = {};
  for (const t of IMPORT_TABLES) if (rows[t].length > 0) out[t] = rowsToIpc(t, rows[t]);

  const dates: string[] = [];
  for (const c of r.cases) if (c.review_date) dates.push(c.review_date);
  for (const x of r.recommendations) for (const d of [x.recommended_date, x.delivered_date, x.followed_up_date]) if (d) dates.push(d);
  for (const x of r.calendar) if (x.actual_date) dates.push(x.actual_date);
  let dataDate: string | null = null;
  for (const d of dates) if (dataDate === null || d > dataDate) dataDate = d;

  const summary: ImportSummary = {
    files: files.map((f) => f.name),
    counts: { cases: r.cases.length, case_causes: r.caseCauses.length, recommendations: r.recommendations.length, calendar: r.calendar.length },
    dataDate,
    sheets: r.sheets,
    notes: r.notes,
    issues: issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES) : issues,
    issueTotal: issues.length,
    byReason,
    unmapped: r.unmapped
  };
  post({ type: 'done', summary, tables: out }, Object.values(out).map((u) => u.buffer as ArrayBuffer));
}

self.onmessage = (ev: MessageEvent<StartMessage>) => {
  if (ev.data?.type !== 'start') return;
  run(ev.data.files, ev.data.options).catch((e: unknown) => post({ type: 'fail', detail: e instanceof Error ? e.message : String(e) }));
};
