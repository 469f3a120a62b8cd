/**
 * The page side of a streamed import: Arrow batches from the worker go into a fresh DuckDB database as
 * they come (DuckDBEngine.beginImport/appendImport), which replaces the data shown only at commit();
 * abort() (cancel, failure, nothing loaded) drops it. When the import is to be kept on this device, a
 * copy of each batch is kept for IndexedDB (DuckDB-WASM takes the buffers it is given).
 */
export interface StagingEngine {
  beginImport(): Promise<string>;
  appendImport(name: string, tables: Readonly<Record<string, Uint8Array | undefined>>): Promise<void>;
  commitImport(name: string): Promise<void>;
  abortImport(name: string): Promise<void>;
}

export class StagedLoad {
  private name: Promise<string> | null = null;
  private aborted = false;
  /** Copies of the batches, per table (only when kept on this device). */
  readonly kept: Record<string, Uint8Array[]> = {};

  constructor(
    private readonly engine: StagingEngine,
    private readonly keep: boolean
  ) {}

  async add(tables: Readonly<Record<string, Uint8Array | undefined>>): Promise<void> {
    if (this.aborted) return;
    if (this.keep) for (const [t, u] of Object.entries(tables)) if (u) (this.kept[t] ??= []).push(u.slice());
    this.name ??= this.engine.beginImport();
    const name = await this.name;
    await this.engine.appendImport(name, tables);
    if (this.aborted) await this.engine.abortImport(name);
  }

  async commit(): Promise<void> {
    this.name ??= this.engine.beginImport();
    await this.engine.commitImport(await this.name);
  }

  async abort(): Promise<void> {
    this.aborted = true;
    if (this.name) await this.engine.abortImport(await this.name.catch(() => '')).catch(() => {});
  }
}
