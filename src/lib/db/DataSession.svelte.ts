/**
 * One data session of a page (the dashboard, the story): the DuckDB engine and its start-up progress,
 * the published manifest, the one query coordinator, and switching to data imported in this browser.
 * The page's model owns the query clients: `connect` is called with every new coordinator (over the
 * first-paint values, over the engine once it is ready, and after a switch of data), so nothing cached
 * for one source of data ever answers for another.
 */
import { base } from '$app/paths';
import { Coordinator } from './Coordinator.ts';
import { DuckDBEngine, EngineFailure, type EngineProgress, type PublishedManifest } from './DuckDBEngine.ts';
import type { QueryEngine } from './types.ts';
import type { QueryFilters } from '$lib/queries/index.ts';
import type { DataSource } from '$lib/upload/protocol.ts';

export interface SessionClients {
  /** Connects the page's clients to a new coordinator; may return a function that disconnects them. */
  connect(c: Coordinator<QueryFilters>): void | (() => void);
  /** The manifest is known, before the database is attached (the first paint starts here). */
  onManifest?(m: PublishedManifest): void;
}

export class DataSession {
  progress: EngineProgress = $state({ stage: 'engine', fraction: 0 });
  failure: EngineFailure | null = $state(null);
  /** The engine answers queries (the first paint's coordinator has been replaced). */
  ready = $state(false);
  manifest: PublishedManifest | null = $state.raw(null);
  coordinator: Coordinator<QueryFilters> | null = $state.raw(null);
  /** Which data is shown (src/lib/components/Import): the snapshot, or worksheets imported in this browser. */
  dataSource: DataSource = $state.raw({ kind: 'snapshot' });
  /** Bumped when the data under the same filters changed (an import, back to the snapshot): views re-mount. */
  dataVersion = $state(0);

  private engineRef: DuckDBEngine | null = null;
  private snapshotManifest: PublishedManifest | null = null;
  private disconnect: () => void = () => {};

  constructor(
    private readonly clients: SessionClients,
    private readonly makeEngine: () => DuckDBEngine = () => new DuckDBEngine(base)
  ) {}

  /** The query engine (the import loads into it); null before start(). */
  get engine(): DuckDBEngine | null {
    return this.engineRef;
  }

  async start(): Promise<void> {
    this.engineRef = this.makeEngine();
    try {
      this.manifest = await this.engineRef.open(
        (p) => (this.progress = p),
        (m) => ((this.manifest = m), this.clients.onManifest?.(m))
      );
      this.snapshotManifest = this.manifest;
      console.info('[peta-aks] engine timings (ms)', JSON.stringify(this.engineRef.timings));
    } catch (e) {
      this.failure = e instanceof EngineFailure ? e : new EngineFailure('engine', String(e));
      return;
    }
    this.use(this.engineRef);
    this.ready = true;
  }

  /** Answers from another engine until the real one is ready (the first paint's published values). */
  preview(engine: QueryEngine): boolean {
    if (this.ready) return false;
    this.use(engine);
    return true;
  }

  /**
   * After the engine switched data: a fresh coordinator (nothing cached from the old data) with the
   * page's clients; views re-mount on `dataVersion`. The footer shows the import's date.
   */
  dataChanged(source: DataSource): void {
    if (!this.engineRef || !this.snapshotManifest) return;
    this.dataSource = source;
    const m = this.snapshotManifest;
    this.manifest = source.kind === 'import' ? { ...m, name: 'impor', source: source.files.join(', '), dataDate: source.dataDate ?? m.dataDate } : m;
    this.use(this.engineRef);
    this.dataVersion++;
  }

  close(): void {
    this.disconnect();
    void this.engineRef?.close();
  }

  private use(engine: QueryEngine): void {
    this.disconnect();
    const c = new Coordinator<QueryFilters>(engine);
    this.disconnect = this.clients.connect(c) ?? (() => {});
    this.coordinator = c;
  }
}
