/**
 * Mosaic-style query coordinator. Views are clients that declare the SQL they need as a pure function
 * of the filter state; the coordinator runs it on the one engine connection, dedupes identical SQL in
 * flight, caches results (LRU by SQL text) and drops superseded results: a newer request from the same
 * client wins, so a stale result never reaches the view. No view talks to DuckDB directly.
 */
import type { QueryEngine, Row } from './types.ts';

export interface QueryClient<S> {
  id: string;
  /** The SQL for a state, or null when the client needs nothing (then it is not updated). */
  query(state: S): string | null;
  update(rows: Row[]): void;
  error?(err: unknown): void;
  /** Called when a query starts that is not answered from the cache. */
  pending?(): void;
}

export type Outcome = { status: 'ok'; rows: Row[] } | { status: 'stale' } | { status: 'error'; error: unknown };

export interface CoordinatorStats {
  queries: number;
  cacheHits: number;
  deduped: number;
  dropped: number;
  /** Calls of update(): one per filter change. */
  updates: number;
}

/** One query the engine ran: its SQL and how long it took (for the benchmark's floor). */
export interface QueryLogEntry {
  sql: string;
  ms: number;
  update: number;
}
const LOG_SIZE = 500;

export class Coordinator<S = unknown> {
  private readonly cache = new Map<string, Row[]>();
  private readonly inflight = new Map<string, Promise<Row[]>>();
  private readonly latest = new Map<string, number>();
  private readonly lastSql = new Map<string, string | null>();
  private readonly clients = new Map<string, QueryClient<S>>();
  private seq = 0;
  private lastState: { value: S } | null = null;
  readonly stats: CoordinatorStats = { queries: 0, cacheHits: 0, deduped: 0, dropped: 0, updates: 0 };
  /** The last engine queries with their durations, newest last (bounded). */
  readonly log: QueryLogEntry[] = [];

  constructor(
    private readonly engine: QueryEngine,
    private readonly cacheSize = 200
  ) {}

  /**
   * Runs `sql` for a client. Resolves `stale` when the same client asked for something else meanwhile
   * (or was disconnected), so callers only ever apply the newest answer.
   */
  async request(clientId: string, sql: string): Promise<Outcome> {
    const mine = ++this.seq;
    this.latest.set(clientId, mine);
    let rows: Row[];
    try {
      rows = await this.run(sql);
    } catch (error) {
      if (this.latest.get(clientId) !== mine) return this.drop();
      return { status: 'error', error };
    }
    if (this.latest.get(clientId) !== mine) return this.drop();
    return { status: 'ok', rows };
  }

  /** Cached, deduped execution by SQL text (no client bookkeeping). */
  run(sql: string): Promise<Row[]> {
    const hit = this.cache.get(sql);
    if (hit) {
      this.stats.cacheHits++;
      this.cache.delete(sql); // refresh LRU position
      this.cache.set(sql, hit);
      return Promise.resolve(hit);
    }
    const running = this.inflight.get(sql);
    if (running) {
      this.stats.deduped++;
      return running;
    }
    this.stats.queries++;
    const started = performance.now();
    const update = this.stats.updates;
    const p = this.engine
      .query(sql)
      .then((rows) => {
        this.remember(sql, rows);
        this.log.push({ sql, ms: performance.now() - started, update });
        if (this.log.length > LOG_SIZE) this.log.shift();
        return rows;
      })
      .finally(() => this.inflight.delete(sql));
    this.inflight.set(sql, p);
    return p;
  }

  /** Queries still running. */
  get busy(): number {
    return this.inflight.size;
  }

  isCached(sql: string): boolean {
    return this.cache.has(sql);
  }

  /** Adds a client; once the coordinator has a state, the client is queried on it at once. */
  connect(client: QueryClient<S>): () => void {
    this.clients.set(client.id, client);
    if (this.lastState) void this.updateClient(client, this.lastState.value)?.then((apply) => apply());
    return () => this.disconnect(client.id);
  }

  /**
   * Connects a view's clients at once: a client without its own `error` handler reports to `onError`
   * (with a message). Returns one function that disconnects them all (call it when the view goes).
   */
  connectAll(clients: readonly QueryClient<S>[], onError: (message: string) => void): () => void {
    const report = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
    const offs = clients.map((client) => this.connect({ error: report, ...client }));
    return () => offs.forEach((off) => off());
  }

  disconnect(id: string): void {
    this.clients.delete(id);
    this.lastSql.delete(id);
    this.latest.set(id, ++this.seq); // anything still running for it becomes stale
  }

  /**
   * Re-derives every client's SQL from the state; only clients whose SQL changed are re-queried. The
   * results of one update reach their clients together, once all of its queries are answered: the views
   * change in one step (one repaint of the map, no frame with a new map beside an old summary).
   */
  update(state: S): void {
    this.lastState = { value: state };
    this.stats.updates++;
    const batch: Promise<() => void>[] = [];
    for (const client of this.clients.values()) {
      const p = this.updateClient(client, state);
      if (p) batch.push(p);
    }
    if (batch.length) void Promise.all(batch).then((applies) => applies.forEach((apply) => apply()));
  }

  /** Starts the client's query; resolves with the function that delivers its outcome (null: nothing to run). */
  private updateClient(client: QueryClient<S>, state: S): Promise<() => void> | null {
    let sql: string | null;
    try {
      sql = client.query(state);
    } catch (err) {
      this.lastSql.delete(client.id);
      this.latest.set(client.id, ++this.seq);
      client.error?.(err);
      return null;
    }
    if (sql === null || this.lastSql.get(client.id) === sql) return null;
    this.lastSql.set(client.id, sql);
    if (!this.cache.has(sql)) client.pending?.();
    return this.request(client.id, sql).then((o) => {
      if (o.status === 'error') {
        // errors are reported at once
        if (this.clients.has(client.id)) {
          this.lastSql.delete(client.id); // allow a retry with the same SQL
          client.error?.(o.error);
        }
        return () => {};
      }
      return () => {
        // disconnected, or asked for other SQL meanwhile (that answer is delivered instead)
        if (o.status === 'ok' && this.clients.has(client.id) && this.lastSql.get(client.id) === sql) client.update(o.rows);
      };
    });
  }

  clearCache(): void {
    this.cache.clear();
  }

  private remember(sql: string, rows: Row[]): void {
    this.cache.set(sql, rows);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }

  private drop(): Outcome {
    this.stats.dropped++;
    return { status: 'stale' };
  }
}
