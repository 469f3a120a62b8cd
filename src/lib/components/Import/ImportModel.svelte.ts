/**
 * The import's state: runs the worker (src/lib/upload) on the chosen files, shows progress, lets the
 * user cancel, loads the accepted rows into the browser's DuckDB (replacing the data shown: "replace"
 * mode) and switches the dashboard to it; or, when nothing could be loaded, leaves the data as it was.
 * Keeps the import in IndexedDB only when asked; "back to the demo data" drops it (and the stored copy).
 */
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { downloadCsv } from '$lib/export/csv.ts';
import { ImportCancelled, startImport, type ImportJob } from '$lib/upload/importClient.ts';
import { clearStoredImport, loadStoredImport, saveImport, type StoredImport } from '$lib/upload/localStore.ts';
import { StagedLoad } from '$lib/upload/stagedLoad.ts';
import { hasRows, type DoneMessage, type ImportPhase, type ImportSummary } from '$lib/upload/protocol.ts';
import { importTranslator } from './messages.ts';
import { rejectsCsv } from './report.ts';
import { parsePeriodKey } from '$lib/domain/periods.ts';
import type { ColumnMapping } from '$lib/ingest/mapping.ts';
import { clearSavedMapping, loadSavedMapping, saveMapping } from '$lib/upload/mappingStore.ts';
import { choiceToMapping, initialChoice, mergeMappings, mappingIsEmpty, type MappingChoice } from './columnMapping.ts';

/** Key of an unmapped sheet in the dialog. */
export const sheetKey = (u: { file: string; sheet?: string }) => `${u.file}|${u.sheet ?? ''}`;

export type ImportStatus = 'idle' | 'running' | 'loaded' | 'nothing' | 'cancelled' | 'failed';

export class ImportModel {
  readonly model: DashboardModel;
  readonly t = $derived.by(() => importTranslator(this.model.lang));

  open = $state(false);
  status: ImportStatus = $state('idle');
  phase: ImportPhase = $state('read');
  phaseFile = $state('');
  fraction = $state(0);
  failure = $state('');
  keepLocal = $state(false);
  stored = $state(false);
  summary: ImportSummary | null = $state.raw(null);
  /** The period for rows that have none in the file ('' = only from the file), e.g. "2023-1". */
  period = $state('');
  /** Column mapping kept in this browser (localStorage), used for every import. */
  savedMapping: ColumnMapping | null = $state.raw(null);
  /** Mapping chosen in this session (not saved). */
  sessionMapping: ColumnMapping | null = $state.raw(null);
  saveMappingLocally = $state(false);
  /** The officer's column choices per unmapped sheet (sheetKey). */
  choices: Record<string, MappingChoice> = $state({});
  private lastFiles: File[] = $state.raw([]);
  private job: ImportJob | null = null;
  private restoring = false;

  constructor(model: DashboardModel) {
    this.model = model;
    this.savedMapping = loadSavedMapping();
    $effect(() => {
      if (this.model.ready && !this.restoring) {
        this.restoring = true;
        void this.restore();
      }
    });
  }

  readonly busy = $derived(this.status === 'running');

  async run(files: File[]): Promise<void> {
    if (this.busy || files.length === 0) return;
    this.status = 'running';
    this.summary = null;
    this.failure = '';
    this.fraction = 0;
    this.phase = 'read';
    this.lastFiles = files;
    const mapping = mergeMappings(this.savedMapping, this.sessionMapping ?? {});
    const period = parsePeriodKey(this.period) ?? undefined;
    const engine = this.model.queryEngine;
    if (!engine) {
      this.status = 'failed';
      this.failure = 'database not ready';
      return;
    }
    const keep = this.keepLocal;
    const staged = new StagedLoad(engine, keep);
    const job = startImport(
      files,
      (p) => {
        this.phase = p.phase;
        this.phaseFile = p.file ?? '';
        this.fraction = p.fraction;
      },
      { ...(period ? { period } : {}), ...(mappingIsEmpty(mapping) ? {} : { mapping }) },
      (tables) => staged.add(tables)
    );
    this.job = job;
    let done: DoneMessage;
    try {
      done = await job.result;
    } catch (e) {
      this.job = null;
      await staged.abort();
      if (e instanceof ImportCancelled) this.status = 'cancelled';
      else ((this.status = 'failed'), (this.failure = e instanceof Error ? e.message : String(e)));
      return;
    }
    this.job = null;
    this.summary = done.summary;
    this.choices = Object.fromEntries((done.summary.unmapped ?? []).map((u) => [sheetKey(u), initialChoice(u)]));
    if (!hasRows(done.summary)) {
      await staged.abort();
      this.status = 'nothing';
      return;
    }
    this.phase = 'load';
    this.fraction = 0.95;
    try {
      await staged.add(done.tables);
      // Saved before switching: the copies of every batch (DuckDB-WASM takes the buffers it is given).
      if (keep) await saveImport({ summary: done.summary, tables: staged.kept, savedAt: new Date().toISOString() });
      else if (this.stored) await clearStoredImport().catch(() => {});
      this.stored = keep;
      await staged.commit();
      this.shown(done.summary, keep);
      this.status = 'loaded';
      this.fraction = 1;
    } catch (e) {
      await staged.abort();
      if (keep) await this.clearStored();
      this.status = 'failed';
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  /** Uses the officer's column choices (saved on this device when asked) and imports the same files again. */
  async applyMapping(): Promise<void> {
    let m: ColumnMapping = {};
    for (const u of this.summary?.unmapped ?? []) m = mergeMappings(m, choiceToMapping(u, this.choices[sheetKey(u)] ?? {}));
    if (this.saveMappingLocally) {
      this.savedMapping = mergeMappings(this.savedMapping, m);
      saveMapping(this.savedMapping);
    } else this.sessionMapping = mergeMappings(this.sessionMapping, m);
    await this.run(this.lastFiles);
  }

  forgetMapping(): void {
    clearSavedMapping();
    this.savedMapping = null;
    this.sessionMapping = null;
  }

  /** Imports the same files again (after choosing a period). */
  rerun(): Promise<void> {
    return this.run(this.lastFiles);
  }
  get canRerun(): boolean {
    return this.lastFiles.length > 0 && !this.busy;
  }

  cancel(): void {
    this.job?.cancel();
  }

  async backToDemo(): Promise<void> {
    const engine = this.model.queryEngine;
    if (!engine) return;
    await engine.useSnapshot();
    await this.clearStored();
    this.summary = null;
    this.status = 'idle';
    this.model.dataChanged({ kind: 'snapshot' });
  }

  async clearStored(): Promise<void> {
    await clearStoredImport().catch(() => {});
    this.stored = false;
    const s = this.model.dataSource;
    if (s.kind === 'import' && s.stored) this.model.dataChanged({ ...s, stored: false });
  }

  downloadReport(): void {
    if (!this.summary) return;
    downloadCsv(this.model.lang === 'id' ? 'laporan-impor-ditolak.csv' : 'import-rejects.csv', rejectsCsv(this.summary.issues, this.model.lang), { demoMark: false });
  }

  private async apply(done: Pick<StoredImport, 'summary' | 'tables'>, stored: boolean): Promise<void> {
    const engine = this.model.queryEngine;
    if (!engine) throw new Error('database not ready');
    await engine.loadImport(done.tables);
    this.shown(done.summary, stored);
  }

  /** The dashboard now shows the imported rows. */
  private shown(s: ImportSummary, stored: boolean): void {
    this.model.dataChanged({
      kind: 'import', files: s.files, cases: s.counts.cases, recommendations: s.counts.recommendations,
      calendar: s.counts.calendar, dataDate: s.dataDate, stored
    });
  }

  /** A stored import (kept on this device at the user's request) is shown again after a reload. */
  private async restore(): Promise<void> {
    const saved = await loadStoredImport();
    if (!saved || this.status !== 'idle') return;
    try {
      await this.apply(saved, true);
      this.summary = saved.summary;
      this.stored = true;
      this.keepLocal = true;
      this.status = 'loaded';
    } catch {
      await clearStoredImport().catch(() => {});
    }
  }
}
