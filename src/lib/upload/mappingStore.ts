/**
 * The officer's column mapping, kept in this browser's localStorage when they ask for it, and used
 * for the next files they import (the same JSON as `data:ingest --mapping`). Never sent anywhere.
 */
import { mappingProblems, type ColumnMapping } from '$lib/ingest/mapping.ts';

const KEY = 'peta-aks-column-mapping';

export function loadSavedMapping(): ColumnMapping | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as unknown;
    return mappingProblems(v).length === 0 ? (v as ColumnMapping) : null;
  } catch {
    return null;
  }
}

export function saveMapping(m: ColumnMapping): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify(m));
}

export function clearSavedMapping(): void {
  globalThis.localStorage?.removeItem(KEY);
}
