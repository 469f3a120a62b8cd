/**
 * A column mapping given by the officer (the "Impor data" dialog, saved in the browser; or
 * `npm run data:ingest -- --mapping map.json`): which template field a column of their file holds,
 * when its header is not one the import recognises. JSON:
 *   { "columns": { "No. Register": "ID kasus", "Kelompok": "Sasaran", "Catatan": null },
 *     "kasus": { "Penyebab": "Penyebab utama" } }
 * Keys are headers as written in the file (case/spacing/punctuation folded); values are a field's
 * template header, any accepted spelling or its key (`case_ref`); null or "" ignores the column.
 * "columns" applies to every sheet, "kasus"/"rekomendasi"/"kalender" only to that kind (and win). Pure.
 */
import { FIELDS, fieldFor } from './headers.ts';
import { normKey } from './text.ts';
import type { SheetKind } from './types.ts';

export type MappingTable = Record<string, string | null>;
export type ColumnMapping = { columns?: MappingTable } & Partial<Record<SheetKind, MappingTable>>;

/** Field key of a mapping value in a sheet kind, null to ignore, undefined when not a field. */
function target(kind: SheetKind, value: string | null): string | null | undefined {
  if (value === null || value.trim() === '') return null;
  const byKey = FIELDS[kind].find((f) => f.key === value.trim());
  return byKey ? byKey.key : (fieldFor(kind, value) ?? undefined);
}

/**
 * What the mapping says about a header in a sheet kind: a field key, null (ignore the column), or
 * undefined (the mapping does not mention it, or names a field this kind does not have).
 */
export function mappedField(mapping: ColumnMapping | undefined, kind: SheetKind, header: string): string | null | undefined {
  if (!mapping) return undefined;
  const k = normKey(header);
  for (const table of [mapping[kind], mapping.columns]) {
    if (!table) continue;
    for (const [h, v] of Object.entries(table)) if (normKey(h) === k) return target(kind, v);
  }
  return undefined;
}

/** Checks a parsed JSON value is a mapping; returns the problems (empty when fine). */
export function mappingProblems(v: unknown): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return ['the mapping must be a JSON object'];
  const out: string[] = [];
  for (const [part, table] of Object.entries(v as Record<string, unknown>)) {
    if (!['columns', 'kasus', 'rekomendasi', 'kalender'].includes(part)) {
      out.push(`unknown key "${part}" (use "columns", "kasus", "rekomendasi" or "kalender")`);
      continue;
    }
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      out.push(`"${part}" must be an object of "header in the file": "template header"`);
      continue;
    }
    const kinds: SheetKind[] = part === 'columns' ? ['kasus', 'rekomendasi', 'kalender'] : [part as SheetKind];
    for (const [h, val] of Object.entries(table as Record<string, unknown>)) {
      if (val !== null && typeof val !== 'string') out.push(`"${part}"."${h}" must be a string or null`);
      else if (val !== null && val.trim() !== '' && kinds.every((kind) => target(kind, val) === undefined)) {
        out.push(`"${part}"."${h}": "${val}" is not a template column`);
      }
    }
  }
  return out;
}
