/** A result row: plain values, BigInt already converted to number. */
export type Row = Record<string, unknown>;

/** What the coordinator needs from an engine (DuckDBEngine in the browser, a fake in tests). */
export interface QueryEngine {
  query(sql: string): Promise<Row[]>;
}
