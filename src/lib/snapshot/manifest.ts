/** The manifest written beside every snapshot (and published for the browser). Pure types + helpers. */
export interface TableEntry {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}
export interface SnapshotManifest {
  schemaVersion: number;
  /** Snapshot name, e.g. "demo". */
  name: string;
  /** When the snapshot was built (ISO date-time). Fixed for the demo so its bytes are reproducible. */
  created: string;
  /** The date the data describes ("as of"), ISO date. */
  dataDate: string;
  /** What produced it: "demo generator seed 20260101" or "ingest: a.xlsx, b.csv". */
  source: string;
  tables: Record<string, TableEntry>;
  /**
   * The compiled read-only DuckDB database the browser attaches (see data/README.md). DuckDB does not
   * write byte-identical database files run to run, so it carries no hash: `version` identifies the
   * snapshot's content instead (a hash over the Parquet files' hashes).
   */
  /** `format`: what the database holds beyond the tables (2 = pre-aggregates, see databaseFile.ts). */
  database: { file: string; storageVersion: string; format?: number };
  version: string;
}
