/**
 * A typed, reactive query handle on the Coordinator (like Evidence's `Query`). A view declares what it
 * needs once:
 *
 *   const scopes = defineQuery<ScopeCauseRow, { f: QueryFilters; mode: CauseMode }>(coordinator, {
 *     id: 'causes-scopes',
 *     params: (f) => ({ f, mode: this.params.mode }), // what the SQL depends on (default: the filters)
 *     query: ({ f, mode }) => causeScopesSql(f, mode)  // SQL, or null: nothing to run (rows stay)
 *   });
 *
 * and reads `scopes.rows` (typed, null until the first answer), `scopes.state` (the params those rows
 * answer, delivered together with them, so nothing has to carry state from query to update), `loading`
 * (no answer yet), `fetching` (a query not answered from the cache is running) and `error` (the last
 * failure's message, cleared by the next answer). `destroy()` disconnects it. Several handles of one
 * view: `querySet(...)` gives their first error and one `destroy()`.
 *
 * Coordinator semantics are unchanged: identical SQL is not re-run, a superseded answer never arrives,
 * and the answers of one filter change reach all clients together.
 */
import type { Coordinator } from './Coordinator.ts';
import type { Row } from './types.ts';
import { typedRows } from './typedRows.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';

export interface QuerySpec<R, P, S> {
  /** The client id (unique per coordinator). */
  id: string;
  /** What the SQL depends on, from the filter state; delivered with the rows as `state` (default: the filters). */
  params?: (filters: S) => P;
  /** The SQL for those params, or null when nothing is needed (then the rows and state stay as they are). */
  query: (params: P) => string | null;
  /**
   * Plain engine rows → typed rows. Without it the rows are taken as `R` unchanged: the SQL is the
   * contract (its SELECT list names R's fields, BigInt and dates already converted by rows.ts).
   */
  decode?: (rows: readonly Row[]) => R[];
}

export interface Query<R, P> {
  readonly id: string;
  /** The last answer (null until the first). */
  readonly rows: R[] | null;
  /** The params the rows answer (null until the first answer). */
  readonly state: P | null;
  /** True until the first answer. */
  readonly loading: boolean;
  /** True while a query that is not answered from the cache runs. */
  readonly fetching: boolean;
  readonly error: string | null;
  destroy(): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

class QueryHandle<R, P, S> implements Query<R, P> {
  rows: R[] | null = $state.raw(null);
  state: P | null = $state.raw(null);
  error: string | null = $state(null);
  fetching = $state(false);
  readonly loading = $derived(this.rows === null);
  readonly id: string;
  private off: () => void = () => {};

  constructor(coordinator: Coordinator<S> | null, spec: QuerySpec<R, P, S>) {
    this.id = spec.id;
    // without `params` the filters are the params (P defaults to the filter type)
    const paramsOf = spec.params ?? ((f: unknown): P => f as P);
    const decode = spec.decode ?? typedRows<R>; // no decoder: the SQL is the contract (typedRows.ts)
    // The params of the newest SQL asked for: the coordinator delivers only the answer to that SQL.
    let asked: P | null = null;
    if (!coordinator) return;
    this.off = coordinator.connect({
      id: spec.id,
      query: (f) => {
        const p = paramsOf(f);
        const sql = spec.query(p);
        if (sql !== null) asked = p;
        return sql;
      },
      pending: () => (this.fetching = true),
      update: (rows) => {
        this.rows = decode(rows);
        this.state = asked;
        this.error = null;
        this.fetching = false;
      },
      error: (e) => {
        this.error = message(e);
        this.fetching = false;
      }
    });
  }

  destroy(): void {
    this.off();
  }
}

/** Connects a typed query to the coordinator (null: not connected, stays loading). */
export function defineQuery<R, P = QueryFilters, S = QueryFilters>(coordinator: Coordinator<S> | null, spec: QuerySpec<R, P, S>): Query<R, P> {
  return new QueryHandle<R, P, S>(coordinator, spec);
}

/** A view's queries together: their first error, and one destroy(). */
export class QuerySet {
  private readonly queries: readonly Query<unknown, unknown>[];
  readonly error: string | null = $derived.by(() => this.queries.find((q) => q.error !== null)?.error ?? null);
  constructor(queries: readonly Query<unknown, unknown>[]) {
    this.queries = queries;
  }
  destroy(): void {
    for (const q of this.queries) q.destroy();
  }
}
export const querySet = (...queries: Query<unknown, unknown>[]): QuerySet => new QuerySet(queries);
