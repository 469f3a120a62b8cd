/**
 * Whether the app is online: the browser says so (navigator.onLine and its events) and the data did not
 * come from the service worker's offline copy because the network failed (`offlineCopy`: the server or
 * the network unreachable while the link is up). Registers the service worker once the page has settled:
 * the live data is on the map in its final renderer (`settled`), or SETTLE_FALLBACK_MS after the engine
 * is ready (a view without the main map). Registered at `ready`, its install (34 MB of wasm and the
 * whole snapshot fetched and stored) competed with the first live queries and MapLibre's start: A/B on
 * this 2-core machine, 3 rounds, first visit's live data 2,400 → 2,229 ms, WebGL map 4,011 → 3,560 ms.
 */
import { registerOffline } from '$lib/offline/register.ts';

/** Registers this long after the engine is ready if the page has not settled by then. */
export const SETTLE_FALLBACK_MS = 8000;

export class OfflineStatusModel {
  private linkUp = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  private registered = false;
  get online(): boolean {
    return this.linkUp && !this.offlineCopy();
  }

  constructor(
    ready: () => boolean,
    settled: () => boolean,
    base: string,
    private readonly offlineCopy: () => boolean = () => false
  ) {
    $effect(() => {
      const set = () => (this.linkUp = navigator.onLine);
      addEventListener('online', set);
      addEventListener('offline', set);
      return () => (removeEventListener('online', set), removeEventListener('offline', set));
    });
    const register = () => {
      if (this.registered) return;
      this.registered = true;
      void registerOffline(base);
    };
    $effect(() => {
      if (!ready() || this.registered) return;
      if (settled()) return register();
      const timer = setTimeout(register, SETTLE_FALLBACK_MS);
      return () => clearTimeout(timer);
    });
  }
}
