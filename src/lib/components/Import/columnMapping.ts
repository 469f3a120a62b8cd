/**
 * The column-mapping step of the import dialog, pure: for a sheet whose required columns were not
 * recognised, the template's fields beside the file's columns with the automatic guesses selected,
 * and the officer's choices as a ColumnMapping (src/lib/ingest/mapping.ts, the same JSON as
 * `data:ingest --mapping`), merged with a mapping saved earlier.
 */
import { FIELDS, type FieldSpec } from '$lib/ingest/headers.ts';
import type { ColumnMapping } from '$lib/ingest/mapping.ts';
import type { SheetKind, UnmappedSheet } from '$lib/ingest/types.ts';

/** field key -> the file's header chosen for it ('' = not in the file). */
export type MappingChoice = Record<string, string>;

/** The template's fields for a kind, required ones first. */
export function templateFields(kind: SheetKind): { required: FieldSpec[]; optional: FieldSpec[] } {
  return { required: FIELDS[kind].filter((f) => f.required), optional: FIELDS[kind].filter((f) => !f.required) };
}

export function initialChoice(u: UnmappedSheet): MappingChoice {
  return Object.fromEntries(FIELDS[u.kind].map((f) => [f.key, u.guesses[f.key] ?? '']));
}

/** The choices that differ from the automatic guesses, as a mapping for this sheet kind. */
export function choiceToMapping(u: UnmappedSheet, choice: MappingChoice): ColumnMapping {
  const table: Record<string, string | null> = {};
  for (const [key, header] of Object.entries(choice)) {
    if (header && u.guesses[key] !== header) table[header] = key;
    // A guessed column the officer cleared: ignore it.
    if (!header && u.guesses[key]) table[u.guesses[key]] = null;
  }
  return Object.keys(table).length ? { [u.kind]: table } : {};
}

/** b over a: per part, b's entries win. */
export function mergeMappings(a: ColumnMapping | null | undefined, b: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = { ...(a ?? {}) };
  for (const [part, table] of Object.entries(b) as [keyof ColumnMapping, Record<string, string | null>][]) {
    out[part] = { ...(out[part] ?? {}), ...table };
  }
  return out;
}

export const mappingIsEmpty = (m: ColumnMapping | null | undefined) => !m || Object.values(m).every((t) => !t || Object.keys(t).length === 0);
