import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReadError, fileKind, readCsv, readUpload } from './readFile.ts';
import { rowsToIpc } from './toArrow.ts';
import { hasRows, type ImportSummary } from './protocol.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('fileKind', () => {
  it('trusts the first bytes over the name', () => {
    expect(fileKind('data.csv', bytes(0x50, 0x41, 0x52, 0x31))).toBe('parquet');
    expect(fileKind('kasus.csv', bytes(0x50, 0x4b, 3, 4))).toBe('xlsx');
    expect(fileKind('kasus.xlsx', bytes(0xd0, 0xcf, 0x11, 0xe0))).toBe('xls');
    expect(fileKind('kasus.xlsx', bytes(0x49, 0x44, 0x3b))).toBe('xlsx');
    expect(fileKind('kasus.csv', bytes(0x49, 0x44))).toBe('csv');
    expect(fileKind('kasus', bytes())).toBe('csv');
    expect(fileKind('foto.png', bytes(0x89, 0x50, 0x4e, 0x47))).toBe('other');
  });
});

describe('readCsv', () => {
  // The chunked parse itself needs a browser worker (FileReaderSync): tests/e2e/import.test.mjs covers it.
  it('returns no rows for an empty file and refuses binary content', async () => {
    expect((await readCsv(new Blob(['']), 'e.csv', () => {})).rows).toEqual([]);
    await expect(readCsv(new Blob([new Uint8Array([0, 1, 2, 3, 44, 5])]), 'b.csv', () => {})).rejects.toThrow();
  });
});

describe('readUpload of a Parquet worksheet', () => {
  const KASUS_CSV = fileURLToPath(new URL('../../../data/templates/aks-worksheet-example-kasus.csv', import.meta.url));
  let dir: string;
  let pq: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aks-upload-'));
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const out = join(dir, 'kasus.parquet');
    await conn.run(`COPY (SELECT * FROM read_csv('${KASUS_CSV}', delim=';', header=true, all_varchar=true)) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
    conn.closeSync();
    db.closeSync();
    pq = new Uint8Array(readFileSync(out));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads a zstd Parquet file (detected by its bytes, whatever its name) into one table, header first', async () => {
    let seen = 0;
    for (const name of ['kasus.parquet', 'kasus.bin']) {
      const [t, ...rest] = await readUpload(new File([pq as BlobPart], name), (n) => (seen = n));
      expect(rest).toEqual([]);
      expect(t.file).toBe(name);
      expect(t.rows[0].slice(0, 3)).toEqual(['ID kasus', 'Kabupaten/Kota', 'Tahun']);
      expect(t.rows.slice(1).map((r) => r[0])).toEqual(['CJR-001', 'CJR-002', 'CJR-003', 'CJR-004', 'KDI-001']);
    }
    expect(seen).toBe(pq.length);
  });

  it('refuses a truncated or damaged .parquet with the parquet-corrupt code', async () => {
    for (const bytes of [pq.subarray(0, 18), pq.subarray(0, pq.length - 100), new TextEncoder().encode('not parquet at all, only text')]) {
      const err = await readUpload(new File([bytes as BlobPart], 'x.parquet'), () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReadError);
      expect((err as ReadError).code).toBe('parquet-corrupt');
    }
  });
});

describe('rowsToIpc', () => {
  it('encodes calendar rows with the schema column names, dates as text and nulls kept', () => {
    const ipc = rowsToIpc('calendar', [
      { province_code: '32', regency_code: '32.03', year: 2023, semester: 1, stage_code: 'tim', stage_order: 1, planned_date: '2023-01-31', actual_date: null }
    ]);
    const t = tableFromIPC(ipc);
    expect(t.numRows).toBe(1);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['province_code', 'regency_code', 'year', 'semester', 'stage_code', 'stage_order', 'planned_date', 'actual_date']);
    const row = t.get(0)!.toJSON();
    expect(row).toMatchObject({ regency_code: '32.03', year: 2023, planned_date: '2023-01-31', actual_date: null });
  });
});

describe('hasRows', () => {
  const s = (cases: number, calendar: number) => ({ counts: { cases, case_causes: 0, recommendations: 0, calendar } }) as unknown as ImportSummary;
  it('is true when cases or calendar rows were accepted', () => {
    expect(hasRows(s(0, 0))).toBe(false);
    expect(hasRows(s(1, 0))).toBe(true);
    expect(hasRows(s(0, 3))).toBe(true);
  });
});
