import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { fileKind, readCsv } from './readFile.ts';
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
