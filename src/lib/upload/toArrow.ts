/**
 * Accepted rows → Arrow IPC stream per schema table, for DuckDB-WASM's insertArrowFromIPCStream.
 * Text and dates travel as Utf8 (ISO dates, cast by DuckDB on insert), numbers as Float64, flags as
 * Bool; the column names are the schema's, so the engine inserts BY NAME. Pure (runs in the worker).
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { TABLE_BY_NAME, type SqlType } from '$lib/domain/schema.ts';

function arrowType(t: SqlType): DataType {
  if (t === 'BOOLEAN') return new Bool();
  if (t === 'VARCHAR' || t === 'DATE') return new Utf8();
  return new Float64();
}

/** Rows (objects keyed by the schema's column names) of one table as an Arrow IPC stream. */
export function rowsToIpc(table: string, rows: readonly object[]): Uint8Array {
  const def = TABLE_BY_NAME.get(table);
  if (!def) throw new Error(`unknown table ${table}`);
  const vectors: Record<string, Vector> = {};
  for (const c of def.columns) {
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[c.name];
      return v === undefined ? null : v;
    });
    vectors[c.name] = vectorFromArray(values, arrowType(c.type) as never);
  }
  return tableToIPC(new Table(vectors), 'stream');
}
