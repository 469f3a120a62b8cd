/**
 * The import worker: reads the files (readFile.ts) and validates them with the shared module
 * (src/lib/ingest IngestStream, exactly the rules of `npm run data:ingest`). A CSV is streamed: each
 * chunk's rows are validated at once and the rows accepted so far go to the page as Arrow IPC batches
 * (transferred), which the page appends to DuckDB before it asks for the next one (back-pressure), so a
 * 200 MB file is never held whole. The report comes with the last rows. Runs off the main thread; the
 * page cancels by terminating it. A CSV's encoding (UTF-8 or Windows-1252) is decided before its first
 * row (readFile.ts csvEncoding) and noted; case ids are salted with the browser's secret (importSalt.ts).
 * Never makes a network request.
 */
import { IngestStream, type AcceptedRows } from '$lib/ingest/stream.ts';
import type { Issue } from '$lib/ingest/types.ts';
import { IMPORT_TABLES, MAX_ISSUES, type DoneMessage, type ImportOptions, type ImportSummary, type ImportTable, type StartMessage, type WorkerMessage } from './protocol.ts';
import { ReadError, csvEncoding, readUpload, streamCsv, uploadKind } from './readFile.ts';
import { rowsToIpc } from './toArrow.ts';

const post = (m: WorkerMessage, transfer: Transferable[] = []) => (globalThis as typeof globalThis & Pick<Worker, 'postMessage'>).postMessage(m, transfer);

/** Reading and validating take most of the time; loading the last batch and the aggregates the rest. */
const READ_SHARE = 0.85;
/** Rows accepted before a batch is sent to the page. */
const BATCH_ROWS = 50_000;

let acked: (() => void) | null = null;

function encode(rows: AcceptedRows): DoneMessage['tables'] {
  const byTable: Record<ImportTable, readonly object[]> = { cases: rows.cases, case_causes: rows.caseCauses, recommendations: rows.recommendations, calendar: rows.calendar };
  const out: DoneMessage['tables'] = {};
  for (const t of IMPORT_TABLES) if (byTable[t].length > 0) out[t] = rowsToIpc(t, byTable[t]);
  return out;
}

async function run(files: File[], options: ImportOptions, salt: string): Promise<void> {
  const total = Math.max(1, files.reduce((n, f) => n + f.size, 0));
  let before = 0;
  let lastPost = 0;
  // the summary shows at most MAX_ISSUES rejects: the stream keeps no more, and counts them all
  const stream = new IngestStream({ ...options, salt, keepIssues: MAX_ISSUES });
  const counts: Record<ImportTable, number> = { cases: 0, case_causes: 0, recommendations: 0, calendar: 0 };
  let dataDate: string | null = null;
  let pending: AcceptedRows = { cases: [], caseCauses: [], recommendations: [], calendar: [] };
  const latest = (d: string | null) => {
    if (d && (dataDate === null || d > dataDate)) dataDate = d;
  };
  /** Counts rows accepted (and the latest date) and adds them to the next batch. */
  const gather = (r: AcceptedRows) => {
    counts.cases += r.cases.length;
    counts.case_causes += r.caseCauses.length;
    counts.recommendations += r.recommendations.length;
    counts.calendar += r.calendar.length;
    for (const c of r.cases) latest(c.review_date);
    for (const x of r.recommendations) for (const d of [x.recommended_date, x.delivered_date, x.followed_up_date]) latest(d);
    for (const x of r.calendar) latest(x.actual_date);
    for (const k of Object.keys(pending) as (keyof AcceptedRows)[]) for (const row of r[k]) (pending[k] as object[]).push(row);
  };
  const take = () => gather(stream.drain());
  const size = (r: AcceptedRows) => r.cases.length + r.caseCauses.length + r.recommendations.length + r.calendar.length;
  /** Sends the rows gathered so far once there are enough, and waits until the page has loaded them. */
  const flush = async (force = false) => {
    take();
    if (size(pending) === 0 || (!force && size(pending) < BATCH_ROWS)) return;
    const tables = encode(pending);
    pending = { cases: [], caseCauses: [], recommendations: [], calendar: [] };
    const ack = new Promise<void>((resolve) => (acked = resolve));
    post({ type: 'batch', tables }, Object.values(tables).map((u) => u.buffer as ArrayBuffer));
    await ack;
  };

  for (const f of files) {
    const progress = (n: number) => {
      const now = performance.now();
      if (now - lastPost < 100) return;
      lastPost = now;
      post({ type: 'progress', phase: 'read', file: f.name, fraction: (READ_SHARE * (before + Math.min(n, f.size))) / total });
    };
    post({ type: 'progress', phase: 'read', file: f.name, fraction: (READ_SHARE * before) / total });
    try {
      if ((await uploadKind(f)) === 'csv') {
        const encoding = await csvEncoding(f);
        const sink = stream.table(f.name, undefined, encoding === 'utf-8' ? undefined : encoding);
        await streamCsv(f, (rows) => (sink.push(rows), flush()), progress, encoding);
        sink.end();
      } else {
        for (const t of await readUpload(f, progress)) {
          const sink = stream.table(t.file, t.sheet, t.encoding);
          sink.push(t.rows);
          sink.end();
        }
      }
      await flush();
    } catch (e) {
      const reason = e instanceof ReadError ? e.code : 'unreadable';
      const detail = e instanceof Error ? e.message : String(e);
      stream.readIssue({ file: f.name, row: null, column: '', value: '', code: 'unreadable_file', params: { detail, reason } } satisfies Issue);
    }
    before += f.size;
  }
  post({ type: 'progress', phase: 'validate', fraction: READ_SHARE });
  const r = stream.finish();
  gather(r);
  post({ type: 'progress', phase: 'encode', fraction: 0.9 });
  const out = encode(pending);
  pending = { cases: [], caseCauses: [], recommendations: [], calendar: [] };
  const summary: ImportSummary = {
    files: files.map((f) => f.name),
    counts,
    dataDate,
    sheets: r.sheets,
    notes: r.notes,
    issues: r.issues.length > MAX_ISSUES ? r.issues.slice(0, MAX_ISSUES) : r.issues,
    issueTotal: r.issueTotal,
    byReason: r.byReason,
    unmapped: r.unmapped
  };
  post({ type: 'done', summary, tables: out }, Object.values(out).map((u) => u.buffer as ArrayBuffer));
}

self.onmessage = (ev: MessageEvent<StartMessage | { type: 'ack' }>) => {
  if (ev.data?.type === 'ack') {
    acked?.();
    acked = null;
    return;
  }
  if (ev.data?.type !== 'start') return;
  run(ev.data.files, ev.data.options ?? {}, ev.data.salt ?? '').catch((e: unknown) => post({ type: 'fail', detail: e instanceof Error ? e.message : String(e) }));
};
