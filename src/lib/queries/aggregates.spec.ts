/**
 * The map, summary and top-cause queries read pre-aggregates (src/lib/snapshot/aggregates.ts). On the
 * demo snapshot, for every period × target group at the national level and in three provinces (and
 * for a selected regency), their results equal those of the same questions asked of the case rows —
 * the SQL the queries used before the aggregates, kept here as the reference — both on the compiled
 * browser database (snapshot.duckdb, what DuckDB-WASM attaches) and on the Parquet files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { DEMO_PERIODS, TARGET_GROUP_CODES, regenciesOf, type Period, type TargetGroupCode } from '$lib/domain/index.ts';
import { openSnapshot, type OpenSnapshot } from '../snapshot/openSnapshot.ts';
import { AGGREGATES } from '../snapshot/aggregates.ts';
import { checkCause, placePeriodGroupWhere, regionColumn, type QueryFilters } from './filters.ts';
import { casesSql, causeShareSql, sensitiveShareSql } from './mapIndicator.ts';
import { summarySql, topCausesSql } from './summary.ts';

// ---- the reference: the same questions asked of the case rows ----
const causeShareRef = (f: QueryFilters, has: string) => `SELECT code, 100.0 * count(*) FILTER (WHERE has) / count(*) AS value, count(*)::INTEGER AS n, sum(k)::BIGINT AS n_key,
  count(*) FILTER (WHERE has)::INTEGER AS k, coalesce(sum(k) FILTER (WHERE has), 0)::BIGINT AS k_key
FROM (SELECT ${regionColumn(f)} AS code, case_id, any_value(record_key) AS k, bool_or(${has}) AS has
  FROM case_causes WHERE ${placePeriodGroupWhere(f)} GROUP BY ${regionColumn(f)}, case_id) GROUP BY code ORDER BY code`;
const raw = {
  cases: (f: QueryFilters) => `SELECT ${regionColumn(f)} AS code, count(*)::INTEGER AS value, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS n_key
FROM cases WHERE ${placePeriodGroupWhere(f)} GROUP BY ${regionColumn(f)} ORDER BY code`,
  sensitive: (f: QueryFilters) => `SELECT ${regionColumn(f)} AS code,
  100.0 * count(*) FILTER (WHERE primary_class = 'sensitif') / count(*) AS value, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS n_key,
  count(*) FILTER (WHERE primary_class = 'sensitif')::INTEGER AS k, coalesce(sum(record_key) FILTER (WHERE primary_class = 'sensitif'), 0)::BIGINT AS k_key
FROM cases WHERE ${placePeriodGroupWhere(f)} AND primary_class IS NOT NULL GROUP BY ${regionColumn(f)} ORDER BY code`,
  // per case: its record key and whether it has the cause (any mode) or has it as its primary cause
  causeShareAny: (f: QueryFilters) => causeShareRef(f, `cause_code = ${checkCause(f.cause)}`),
  // the Causes view's primary mode: the matrix counts case_causes rows with is_primary
  causeSharePrimary: (f: QueryFilters) => causeShareRef(f, `cause_code = ${checkCause(f.cause)} AND is_primary`),
  summary: (f: QueryFilters) => `WITH f AS (SELECT regency_code, primary_cause, primary_class, record_key FROM cases WHERE ${placePeriodGroupWhere(f, { regency: true })}),
top AS (SELECT primary_cause, count(*)::INTEGER AS n FROM f WHERE primary_cause IS NOT NULL
        GROUP BY primary_cause ORDER BY n DESC, primary_cause LIMIT 1)
SELECT (SELECT count(*) FROM f)::INTEGER AS cases,
       (SELECT count(DISTINCT regency_code) FROM f)::INTEGER AS regencies,
       (SELECT count(*) FROM f WHERE primary_cause IS NOT NULL)::INTEGER AS concluded,
       (SELECT count(*) FROM f WHERE primary_class = 'sensitif')::INTEGER AS sensitive,
       (SELECT coalesce(sum(record_key), 0) FROM f)::BIGINT AS cases_key,
       (SELECT coalesce(sum(record_key), 0) FROM f WHERE primary_cause IS NOT NULL)::BIGINT AS concluded_key,
       (SELECT coalesce(sum(record_key), 0) FROM f WHERE primary_class = 'sensitif')::BIGINT AS sensitive_key,
       (SELECT primary_cause FROM top) AS top_cause,
       (SELECT n FROM top) AS top_cause_n`,
  top: (f: QueryFilters) => `SELECT primary_cause AS cause, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS n_key
FROM cases WHERE ${placePeriodGroupWhere(f, { regency: true })} AND primary_cause IS NOT NULL
GROUP BY primary_cause ORDER BY n DESC, cause LIMIT 5`
};
const viaAggregates = {
  cases: casesSql,
  sensitive: sensitiveShareSql,
  causeShareAny: (f: QueryFilters) => causeShareSql({ ...f, causeMode: 'any' }),
  causeSharePrimary: (f: QueryFilters) => causeShareSql({ ...f, causeMode: 'primary' }),
  summary: summarySql,
  top: (f: QueryFilters) => topCausesSql(f, 5)
};

let parquet: OpenSnapshot;
let compiled: DuckDBConnection;
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
const onCompiled = async (sql: string) => plain((await compiled.runAndReadAll(sql)).getRowObjectsJS());

beforeAll(async () => {
  const dir = resolve('data/snapshots/demo');
  parquet = await openSnapshot(dir);
  compiled = await (await DuckDBInstance.create(':memory:')).connect();
  await compiled.run(`ATTACH '${resolve(dir, 'snapshot.duckdb')}' AS snap (READ_ONLY); USE snap;`);
});
afterAll(() => {
  parquet?.close();
  compiled?.closeSync();
});

const filterSets = (): QueryFilters[] => {
  const out: QueryFilters[] = [];
  const periods: (Period | null)[] = [null, ...DEMO_PERIODS];
  const groups: (TargetGroupCode | null)[] = [null, ...TARGET_GROUP_CODES];
  const places: { province: string | null; regency?: string | null }[] = [
    { province: null },
    { province: '32' },
    { province: '94' },
    { province: '53', regency: regenciesOf('53')[0].code }
  ];
  for (const period of periods)
    for (const group of groups)
      for (const [i, place] of places.entries())
        out.push({ period, group, ...place, indicator: 'cases', cause: ['sanitasi', 'asupan_gizi', 'air_minum'][i % 3] });
  return out;
};

describe('pre-aggregates', () => {
  it('the compiled database holds every aggregate', async () => {
    const names = (await onCompiled(`SELECT table_name FROM information_schema.tables WHERE table_catalog = 'snap'`)).map((r) => r.table_name);
    for (const a of AGGREGATES) expect(names).toContain(a.name);
  });

  for (const key of Object.keys(raw) as (keyof typeof raw)[])
    it(`${key}: aggregate SQL returns exactly the results of the raw SQL, on the compiled database and on Parquet`, async () => {
      let nonEmpty = 0;
      for (const f of filterSets()) {
        const expected = await parquet.rows(raw[key](f));
        expect(await onCompiled(viaAggregates[key](f)), JSON.stringify(f)).toEqual(expected);
        expect(await parquet.rows(viaAggregates[key](f)), JSON.stringify(f)).toEqual(expected);
        if (expected.length && (expected[0] as { cases?: number }).cases !== 0) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(50);
    }, 120_000);
});
