/**
 * The Parquet worksheet reader (hyparquet), on files written here by DuckDB: the example kasus sheet
 * (zstd, as our snapshots), typed columns (BIGINT, DATE, TIMESTAMP, DOUBLE, DECIMAL, LIST), the other
 * codecs, and damaged files. The rows must validate exactly like the same sheet read from CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from './csv.ts';
import { ParquetReadError, parquetCell, readParquet } from './parquet.ts';
import { ingestTables } from './validate.ts';

const KASUS_CSV = fileURLToPath(new URL('../../../data/templates/aks-worksheet-example-kasus.csv', import.meta.url));

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const file = (n: string) => join(dir, n);
const copy = (sql: string, out: string, codec = 'zstd') => conn.run(`COPY (${sql}) TO '${file(out)}' (FORMAT parquet, COMPRESSION ${codec})`);
const exampleAsText = `SELECT * FROM read_csv('${KASUS_CSV}', delim=';', header=true, all_varchar=true)`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aks-parquet-'));
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await copy(exampleAsText, 'kasus.parquet');
  for (const codec of ['snappy', 'gzip', 'uncompressed']) await copy(exampleAsText, `kasus-${codec}.parquet`, codec);
  await copy(
    `SELECT 2023::BIGINT AS "Tahun", DATE '2023-03-15' AS "Tanggal kajian", TIMESTAMP '2023-03-16 10:30:00' AS ts, -2.45::DOUBLE AS haz,
       12.5::DECIMAL(6,2) AS lila, TRUE AS flag, ['sanitasi', 'asap_rokok'] AS causes, NULL::VARCHAR AS empty, 'CJR-001' AS id`,
    'typed.parquet'
  );
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('readParquet', () => {
  it('reads the example kasus sheet into the same rows as the CSV, header first', async () => {
    const t = await readParquet(readFileSync(file('kasus.parquet')), 'kasus.parquet');
    const csv = parseCsvText(readFileSync(KASUS_CSV, 'utf8'));
    expect(t.file).toBe('kasus.parquet');
    expect(t.rows[0]).toEqual(csv[0]);
    expect(t.rows.length).toBe(csv.length);
    // The CSV's empty cells are nulls in Parquet: same text either way.
    expect(t.rows.map((r) => r.map((c) => c ?? ''))).toEqual(csv);
  });

  it('validates like the CSV: same accepted cases and no rejects', async () => {
    const t = await readParquet(readFileSync(file('kasus.parquet')), 'kasus.parquet');
    const fromParquet = ingestTables([t], {});
    const fromCsv = ingestTables([{ file: 'kasus.parquet', rows: parseCsvText(readFileSync(KASUS_CSV, 'utf8')) }], {});
    expect(fromParquet.issues).toEqual([]);
    expect(fromParquet.sheets).toEqual([{ file: 'kasus.parquet', kind: 'kasus', rowsRead: 5, rowsLoaded: 5, headerRow: 1, periodSources: { column: 5 } }]);
    // the same rows; only the record keys (random per import, public mode's cell keys) differ
    const noKey = <T extends { record_key: number }>(rows: T[]) => rows.map(({ record_key, ...r }) => (expect(record_key).toBeLessThan(256), r));
    expect(noKey(fromParquet.cases)).toEqual(noKey(fromCsv.cases));
    expect(noKey(fromParquet.caseCauses)).toEqual(noKey(fromCsv.caseCauses));
  });

  it('decodes snappy, gzip and uncompressed files too', async () => {
    const zstd = await readParquet(readFileSync(file('kasus.parquet')), 'k');
    for (const codec of ['snappy', 'gzip', 'uncompressed']) {
      expect((await readParquet(readFileSync(file(`kasus-${codec}.parquet`)), 'k')).rows, codec).toEqual(zstd.rows);
    }
  });

  it('turns typed columns into the cells the validation takes', async () => {
    const { rows } = await readParquet(readFileSync(file('typed.parquet')), 'typed.parquet');
    expect(rows[0]).toEqual(['Tahun', 'Tanggal kajian', 'ts', 'haz', 'lila', 'flag', 'causes', 'empty', 'id']);
    expect(rows[1]).toEqual([2023, new Date(Date.UTC(2023, 2, 15)), new Date(Date.UTC(2023, 2, 16, 10, 30)), -2.45, 12.5, true, 'sanitasi; asap_rokok', null, 'CJR-001']);
  });

  it('converts single values: BigInt to number (or text when too large), bytes to text', () => {
    expect(parquetCell(42n)).toBe(42);
    expect(parquetCell(2n ** 60n)).toBe('1152921504606846976');
    expect(parquetCell(new TextEncoder().encode('Cianjur'))).toBe('Cianjur');
    expect(parquetCell(Number.NaN)).toBeNull();
    expect(parquetCell(undefined)).toBeNull();
    expect(parquetCell({ a: 1n })).toBe('{"a":"1"}');
  });

  it('throws a ParquetReadError on damaged, truncated or non-Parquet bytes', async () => {
    const good = readFileSync(file('kasus.parquet'));
    const bad = [good.subarray(0, 18), good.subarray(0, good.length - 40), Buffer.from('PAR1 not really'), new Uint8Array(0)];
    for (const b of bad) await expect(readParquet(b, 'x.parquet')).rejects.toBeInstanceOf(ParquetReadError);
    const middle = Buffer.from(good);
    middle.fill(0xff, 8, Math.floor(good.length / 2));
    await expect(readParquet(middle, 'x.parquet')).rejects.toBeInstanceOf(ParquetReadError);
  });
});
