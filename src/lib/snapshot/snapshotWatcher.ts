/**
 * Notices that a newer snapshot was published while the dashboard is open. The server's
 * `/data/current.json` names the current versioned snapshot; publishing new data replaces it (no app
 * rebuild). The watcher re-reads it every `intervalMs` with `cache: 'no-cache'` (a cheap 304 when
 * nothing changed), and at once when the window regains focus or the tab becomes visible; while the tab
 * is hidden it does not poll. When the `version` differs from the one the page opened, `onNewer` is
 * called (once per new version). Network errors and half-written files are ignored until the next check.
 * No DOM or Svelte here: the clock, fetch and the event targets are injected (tests use fakes). The
 * browser side of publish.ts, which writes current.json.
 */

export interface SnapshotInfo {
  version: string;
  name?: string;
  dataDate?: string;
  url?: string;
}

/** The parts of `window` / `document` the watcher listens to. */
export interface WatchTargets {
  window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState?: string };
}

export interface WatcherOptions {
  /** URL of current.json, e.g. `${base}/data/current.json`. */
  url: string;
  /** Version of the snapshot the page has open. */
  currentVersion: string;
  onNewer: (info: SnapshotInfo) => void;
  intervalMs?: number;
  /** Focus/visibility checks closer together than this are skipped (default: min(interval, 10 s)). */
  minGapMs?: number;
  fetch?: (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'json'>>;
  targets?: WatchTargets;
  now?: () => number;
}

export interface SnapshotWatcher {
  /** Reads current.json now; resolves with the newer snapshot, or null (same version or unreadable). */
  check(): Promise<SnapshotInfo | null>;
  stop(): void;
}

export const DEFAULT_POLL_MS = 5 * 60_000;
export const MIN_POLL_MS = 1_000;
export const MAX_POLL_MS = 24 * 3_600_000;
/** Tests (and administrators) may shorten the interval before the page loads. */
export const POLL_GLOBAL = '__PETA_AKS_SNAPSHOT_POLL_MS';
export const POLL_STORAGE_KEY = 'peta-aks:snapshot-poll-ms';

/** The poll interval: the global `__PETA_AKS_SNAPSHOT_POLL_MS`, else localStorage, else 5 minutes; clamped. */
export function pollInterval(
  global: Record<string, unknown> = globalThis as typeof globalThis & Record<string, unknown>,
  storage: Pick<Storage, 'getItem'> | null = typeof localStorage === 'undefined' ? null : localStorage
): number {
  let raw: unknown = global[POLL_GLOBAL];
  if (raw === undefined) {
    try {
      raw = storage?.getItem(POLL_STORAGE_KEY) ?? undefined;
    } catch {
      raw = undefined; // storage blocked
    }
  }
  const n = Number(raw);
  if (raw === undefined || raw === null || raw === '' || !Number.isFinite(n)) return DEFAULT_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, Math.round(n)));
}

/** The fields the watcher needs from current.json, or null when it is not a usable manifest. */
export function parseSnapshotInfo(m: unknown): SnapshotInfo | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  if (typeof o.version !== 'string' || !/^[A-Za-z0-9._-]{1,128}$/.test(o.version)) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { version: o.version, name: str(o.name), dataDate: str(o.dataDate), url: str(o.url) };
}

export function watchSnapshot(opts: WatcherOptions): SnapshotWatcher {
  const interval = opts.intervalMs ?? DEFAULT_POLL_MS;
  const minGap = opts.minGapMs ?? Math.min(interval, 10_000);
  const doFetch = opts.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  const now = opts.now ?? (() => Date.now());
  const { window: win, document: doc } = opts.targets ?? {};
  let announced = opts.currentVersion;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight: Promise<SnapshotInfo | null> | null = null;
  let lastCheck = now();

  const hidden = () => doc?.visibilityState === 'hidden';

  async function read(): Promise<SnapshotInfo | null> {
    lastCheck = now();
    try {
      const res = await doFetch(opts.url, { cache: 'no-cache', credentials: 'same-origin' });
      if (!res.ok) return null;
      const info = parseSnapshotInfo(await res.json());
      if (stopped || !info || info.version === opts.currentVersion) return null;
      if (info.version !== announced) {
        announced = info.version;
        opts.onNewer(info);
      }
      return info;
    } catch {
      return null;
    }
  }

  function check(): Promise<SnapshotInfo | null> {
    inFlight ??= read().finally(() => (inFlight = null));
    return inFlight;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = null;
      if (!hidden()) await check();
      schedule();
    }, interval);
  }

  const onWake = () => {
    if (stopped || hidden() || now() - lastCheck < minGap) return;
    void check();
  };

  win?.addEventListener('focus', onWake);
  doc?.addEventListener('visibilitychange', onWake);
  schedule();

  return {
    check,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      win?.removeEventListener('focus', onWake);
      doc?.removeEventListener('visibilitychange', onWake);
    }
  };
}
