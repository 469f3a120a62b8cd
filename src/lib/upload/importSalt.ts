/**
 * The secret salt of the browser import's case-id pseudonyms (like `npm run data:ingest --salt`, see
 * src/lib/ingest/sha256.ts): without one, a short or NIK-like worksheet id is found again from its
 * hash by trying candidates. 128 random bits, made once per browser and kept in localStorage, so the
 * same file imported again gets the same ids here; it never leaves the browser. Without storage
 * (private mode), a fresh salt per import.
 */
const KEY = 'peta-aks:import-salt';

export function browserSalt(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): string {
  try {
    const kept = storage?.getItem(KEY);
    if (kept && /^[0-9a-f]{32}$/.test(kept)) return kept;
  } catch {
    /* storage blocked */
  }
  const salt = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    storage?.setItem(KEY, salt);
  } catch {
    /* not kept: a fresh salt next time */
  }
  return salt;
}
