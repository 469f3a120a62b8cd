/**
 * TEST-ONLY helper for the view-model specs (Causes, Interventions, Calendar): a ViewContext built from a
 * URL search string, like the dashboard's (src/lib/components/Dashboard/DashboardModel.svelte.ts) but with
 * no SvelteKit page, and an engine that runs the SQL with @duckdb/node-api on the compiled demo database
 * (src/lib/snapshot/openSnapshot.ts). `go(search)` changes the URL state and, as the page's effect does,
 * updates the coordinator with the new query filters; `settle()` waits until every answer is delivered.
 * Not imported by the app.
 */
import { resolve } from 'node:path';
import { Coordinator } from '$lib/db/Coordinator.ts';
import type { PublishedManifest } from '$lib/db/DuckDBEngine.ts';
import type { QueryEngine, Row } from '$lib/db/types.ts';
import { plainValue } from '$lib/db/rows.ts';
import { tick } from '$lib/db/fakeEngine.ts';
import { translator } from '$lib/i18n/messages.ts';
import { mapLevel, type QueryFilters } from '$lib/queries/filters.ts';
import type { OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { disclosureOf, parseState, stateSearch, withChanges, toQueryFilters, type DashboardState } from '$lib/state/urlState.ts';
import type { ViewContext } from './ViewContext.ts';

/** The demo snapshot (data/snapshots/demo; open it with openCompiledSnapshot). */
export const DEMO_DIR = resolve(__dirname, '../../../data/snapshots/demo');

/** A QueryEngine over an opened snapshot; rows converted as the browser engine converts them (rows.ts). */
export class SnapshotEngine implements QueryEngine {
  /** Every SQL the coordinator sent, in order. */
  readonly calls: string[] = [];
  constructor(private readonly snap: OpenSnapshot) {}
  async query(sql: string): Promise<Row[]> {
    this.calls.push(sql);
    const rows = await this.snap.rows<Row>(sql);
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));
  }
}

export class TestContext implements ViewContext {
  readonly coordinator: Coordinator<QueryFilters>;
  manifest: PublishedManifest | null = $state.raw(null);
  /** The URL's search string (without '?'). */
  search = $state('');
  readonly state: DashboardState = $derived(parseState(new URLSearchParams(this.search)));
  readonly lang = $derived(this.state.lang);
  readonly t = $derived(translator(this.lang));
  /** As on the dashboard: public mode off unless the URL says `publik=1`. */
  readonly disclosure = $derived(disclosureOf(this.state, false));
  readonly level = $derived(mapLevel(this.state));
  readonly queryState: QueryFilters = $derived(toQueryFilters(this.state, { survey: null, dataDate: this.manifest?.dataDate ?? null }));

  constructor(search: string, coordinator: Coordinator<QueryFilters>, manifest: PublishedManifest | null) {
    this.coordinator = coordinator;
    this.manifest = manifest;
    this.search = search.replace(/^\?/, '');
  }

  href(patch: Partial<DashboardState>): string {
    return `/${stateSearch(withChanges(this.state, patch))}`;
  }
  navigate(patch: Partial<DashboardState>): Promise<void> {
    this.search = this.href(patch).slice(2); // "/?a=b" → "a=b"
    return Promise.resolve();
  }
  setExtras(patch: Record<string, string | null>): Promise<void> {
    const extras: Record<string, string> = { ...this.state.extras };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') delete extras[k];
      else extras[k] = v;
    }
    return this.navigate({ extras });
  }
  exportCaption(title: string, extra: readonly string[] = []): string[] {
    return [title, ...extra];
  }

  /** Sends the current filters to the coordinator (what the page's effect does on every URL change). */
  update(): void {
    this.coordinator.update(this.queryState);
  }
  /** A new URL state, then the coordinator's update (not awaited: see settle()). */
  go(search: string): void {
    this.search = search.replace(/^\?/, '');
    this.update();
  }
  /** Waits until no query runs and the last batch of answers reached the clients. */
  async settle(timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (this.coordinator.busy === 0) {
        await tick();
        await tick();
        if (this.coordinator.busy === 0) return;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`coordinator still busy after ${timeoutMs} ms`);
  }
}

/** The snapshot's manifest as the page has it (PublishedManifest: with a url). */
export const publishedManifest = (snap: OpenSnapshot): PublishedManifest => ({ ...snap.manifest, url: '/data/demo' });

/** A context over a real engine on `snap`: coordinator and engine (for its `calls`). */
export function realContext(snap: OpenSnapshot, search: string): { ctx: TestContext; engine: SnapshotEngine } {
  const engine = new SnapshotEngine(snap);
  const ctx = new TestContext(search, new Coordinator<QueryFilters>(engine), publishedManifest(snap));
  return { ctx, engine };
}
