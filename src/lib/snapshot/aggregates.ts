/**
 * Pre-aggregates: small tables of counts per region × period × target group, computed from the case
 * tables when the browser database is compiled (compileDatabase.ts), when worksheets are imported in the
 * browser (DuckDBEngine.loadImport) and, as views over Parquet, in Node (openSnapshot.ts). The map,
 * summary and top-cause queries (src/lib/queries) read them instead of the case rows, so a filter
 * change reads tens of thousands of rows whatever the number of cases; their results are identical to
 * the same questions asked of the rows (src/lib/queries/aggregates.spec.ts).
 *
 * Counts of distinct cases in case_causes are summed across regions, periods and groups: exact because
 * every case_causes row repeats its case's place, period and group (one partition per case_id), which
 * compileBrowserDatabase checks (`partitionCheckSql`).
 *
 * Every count `x` has its key sum `x_key` beside it: the sum of the record keys (`record_key`) of the
 * records it counts, summed again by the queries, so public-safe mode computes a cell key (sum mod the
 * p-table's size, src/lib/privacy/ptable.ts) for any filter combination in SQL.
 */

export interface AggregateDef {
  name: string;
  /** SELECT over the case tables; `t(name)` qualifies a source table. */
  select(t: (table: string) => string): string;
  /** insertion order (zonemaps): the columns the queries filter on first */
  sortBy: readonly string[];
}

const PART = 'province_code, regency_code, year, semester, target_group';

export const AGGREGATES: readonly AggregateDef[] = [
  {
    // cases per regency × period × group: all, with a primary cause, with a class, nutrition-sensitive
    name: 'agg_cases',
    select: (t) => `SELECT ${PART}, count(*)::BIGINT AS n, count(primary_cause)::BIGINT AS n_concluded,
  count(primary_class)::BIGINT AS n_classed, (count(*) FILTER (WHERE primary_class = 'sensitif'))::BIGINT AS n_sensitive,
  sum(record_key)::BIGINT AS n_key, coalesce(sum(record_key) FILTER (WHERE primary_cause IS NOT NULL), 0)::BIGINT AS n_concluded_key,
  coalesce(sum(record_key) FILTER (WHERE primary_class IS NOT NULL), 0)::BIGINT AS n_classed_key,
  coalesce(sum(record_key) FILTER (WHERE primary_class = 'sensitif'), 0)::BIGINT AS n_sensitive_key
FROM ${t('cases')} GROUP BY ${PART}`,
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'target_group']
  },
  {
    // cases per province × period × group × primary cause (top causes without a regency restriction)
    name: 'agg_primary_prov',
    select: (t) => `SELECT province_code, year, semester, target_group, primary_cause, count(*)::BIGINT AS n, sum(record_key)::BIGINT AS n_key
FROM ${t('cases')} WHERE primary_cause IS NOT NULL GROUP BY province_code, year, semester, target_group, primary_cause`,
    sortBy: ['year', 'semester', 'target_group', 'province_code', 'primary_cause']
  },
  {
    // the same per regency (top causes of one regency)
    name: 'agg_primary',
    select: (t) => `SELECT ${PART}, primary_cause, count(*)::BIGINT AS n, sum(record_key)::BIGINT AS n_key
FROM ${t('cases')} WHERE primary_cause IS NOT NULL GROUP BY ${PART}, primary_cause`,
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'target_group', 'primary_cause']
  },
  {
    // distinct cases in case_causes per regency × period × group (the concluded cases of cause_share)
    name: 'agg_cause_cases',
    select: (t) => `SELECT ${PART}, count(*)::BIGINT AS n, sum(k)::BIGINT AS n_key
FROM (SELECT ${PART}, case_id, any_value(record_key) AS k FROM ${t('case_causes')} GROUP BY ${PART}, case_id) GROUP BY ${PART}`,
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'target_group']
  },
  {
    // distinct cases having each cause (primary or not) per regency × period × group
    name: 'agg_causes',
    select: (t) => `SELECT ${PART}, cause_code, count(DISTINCT case_id)::BIGINT AS n, sum(record_key)::BIGINT AS n_key
FROM ${t('case_causes')} GROUP BY ${PART}, cause_code`,
    sortBy: ['cause_code', 'province_code', 'regency_code', 'year', 'semester', 'target_group']
  }
];

/** `CREATE TABLE` statements for the aggregates, reading `src.<table>` and writing `dst.<name>`. */
export function createAggregatesSql(src: string, dst: string): string[] {
  return AGGREGATES.map((a) => `CREATE TABLE ${dst}.${a.name} AS ${a.select((t) => `${src}.${t}`)} ORDER BY ${a.sortBy.join(', ')}`);
}

/** Case ids of case_causes that span more than one place / period / group (must be none). */
export function partitionCheckSql(src: string): string {
  return `SELECT case_id FROM ${src}.case_causes GROUP BY case_id HAVING count(DISTINCT (${PART})) > 1 LIMIT 5`;
}
