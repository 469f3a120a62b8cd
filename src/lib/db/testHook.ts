/**
 * `window.__peta`, the hook the end-to-end tests and `npm run bench` read: in internal mode the engine,
 * the coordinator and the page's model; in public-safe mode only the page's progress (whether queries
 * are running, the SQL text run and how long it took, whether the map has its rows). Nothing reachable
 * from `window` in public mode carries a count: no engine to query, no cached results, no model rows.
 * The mode is read on every access, so switching to public mode closes the hook at once.
 */
import type { Coordinator } from './Coordinator.ts';
import type { DuckDBEngine } from './DuckDBEngine.ts';

export interface HookSource {
  /** Public-safe mode now. */
  isPublic(): boolean;
  engine(): DuckDBEngine | null;
  coordinator(): Coordinator<unknown> | null;
  /** The page's model under its name (`model` on the dashboard, `story` on the story). */
  owner: { name: string; value: object };
  /** The map's rows have arrived (for tests waiting on the live map). */
  mapLoaded(): boolean;
  mapPending(): boolean;
}

/** What public mode exposes: progress only (no rows, no engine, no cache). */
export function publicStatus(src: HookSource): object {
  return Object.freeze({
    public: true,
    coordinator: Object.freeze({
      get busy() {
        return src.coordinator()?.busy ?? 0;
      },
      get stats() {
        return { ...(src.coordinator()?.stats ?? {}) };
      },
      get log() {
        return (src.coordinator()?.log ?? []).map((e) => ({ sql: e.sql, ms: e.ms, update: e.update }));
      }
    }),
    [src.owner.name]: Object.freeze({
      get mapLoaded() {
        return src.mapLoaded();
      },
      get mapPending() {
        return src.mapPending();
      }
    })
  });
}

export function installTestHook(src: HookSource): void {
  Object.defineProperty(window, '__peta', {
    configurable: true,
    enumerable: false,
    get: () =>
      src.isPublic()
        ? publicStatus(src)
        : { public: false, engine: src.engine(), coordinator: src.coordinator(), [src.owner.name]: src.owner.value }
  });
}
