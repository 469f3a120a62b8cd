/**
 * Keeps an import in this browser's IndexedDB, only when the user ticks "keep on this device": the
 * Arrow tables and the summary, so a reload shows the same data without re-importing. Cleared by
 * "back to demo data" or the clear button. Nothing is ever sent anywhere.
 */
import type { DoneMessage } from './protocol.ts';

const DB = 'peta-aks-import';
const STORE = 'import';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

/** The summary and the Arrow IPC batches of each table (one or several, as they were loaded). */
export type StoredImport = Pick<DoneMessage, 'summary'> & { tables: Record<string, Uint8Array | Uint8Array[]>; savedAt: string };

export async function saveImport(v: StoredImport): Promise<void> {
  await tx('readwrite', (s) => s.put(v, KEY));
}

export async function loadStoredImport(): Promise<StoredImport | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return ((await tx('readonly', (s) => s.get(KEY))) as StoredImport | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function clearStoredImport(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await tx('readwrite', (s) => s.delete(KEY));
}
