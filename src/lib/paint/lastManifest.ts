/**
 * The manifest of the snapshot this browser last opened (local storage: its name, version, database
 * url and data date; nothing about cases). On a repeat visit the first paint starts from it at once,
 * without waiting for `current.json`; when `current.json` names another version, the paint of that
 * version replaces it (FirstPaint files are versioned, so an old one never passes for the new data).
 */
import type { PublishedManifest } from '$lib/db/DuckDBEngine.ts';

const KEY = 'peta-aks.manifest';

export function readLastManifest(): PublishedManifest | null {
  try {
    const m = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PublishedManifest> | null;
    return m && typeof m.url === 'string' && typeof m.version === 'string' && typeof m.dataDate === 'string' ? (m as PublishedManifest) : null;
  } catch {
    return null;
  }
}

export function writeLastManifest(m: PublishedManifest): void {
  try {
    const { offlineCopy: _, ...kept } = m;
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    /* storage unavailable (private mode): the next visit waits for current.json */
  }
}
