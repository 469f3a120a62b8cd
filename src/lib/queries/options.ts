/** Choices offered by the filter bar that depend on the data (not on other filters). */
export interface PeriodRow {
  year: number;
  semester: number;
}

/** The audit cycles present in the snapshot, newest first. */
export function periodsSql(): string {
  return `SELECT DISTINCT year::INTEGER AS year, semester::INTEGER AS semester FROM cases ORDER BY year DESC, semester DESC`;
}
