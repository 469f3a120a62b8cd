/** Choices offered by the filter bar that depend on the data (not on other filters). */
export interface PeriodRow {
  year: number;
  semester: number;
}

/**
 * The audit cycles present in the snapshot, newest first. Read from the pre-aggregate (every case's
 * cycle is one of its groups): on the demo snapshot over HTTP, asked first after the ATTACH, the same
 * DISTINCT over `cases` took ~570 ms and this one ~190–330 ms (most of it DuckDB-WASM's first-query cost).
 */
export function periodsSql(): string {
  return `SELECT DISTINCT year::INTEGER AS year, semester::INTEGER AS semester FROM agg_cases ORDER BY year DESC, semester DESC`;
}
