import { describe, expect, it } from 'vitest';
import { CSV_ID, CSV_RFC, csvCell, csvDialectFor, toCsv, withCsvDialect, withFirstLine } from './csv.ts';
import { demoExportLine, setShownData, withDemoLine } from './demoMark.svelte.ts';

describe('csvCell', () => {
  it('neutralises formula starts with a single quote', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+62')).toBe("'+62");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('Jawa Barat')).toBe('Jawa Barat');
  });
  it('keeps numbers numeric, including negatives', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(12345)).toBe('12345');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
  });
});

describe('toCsv', () => {
  const cols = [
    { header: 'Wilayah', value: (r: { name: string; n: number }) => r.name },
    { header: 'Jumlah', value: (r: { name: string; n: number }) => r.n }
  ];
  it('writes a BOM, a header and CRLF-terminated rows', () => {
    const csv = toCsv([{ name: 'Kab. Bogor, Jawa Barat', n: 3 }, { name: '=HYPERLINK("x")', n: -2 }], cols);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Wilayah,Jumlah\r\n"Kab. Bogor, Jawa Barat",3\r\n"\'=HYPERLINK(""x"")",-2\r\n');
  });
  it('can leave the BOM out and handles no rows', () => {
    expect(toCsv([], cols, { bom: false })).toBe('Wilayah,Jumlah\r\n');
  });
});

describe('the demo mark on exports', () => {
  it('is the first CSV line (after the BOM) and the first caption line only while the demo is shown', () => {
    const csv = toCsv([{ w: 'Jawa Barat', n: 3 }], [
      { header: 'Wilayah', value: (r: { w: string; n: number }) => r.w },
      { header: 'Jumlah', value: (r: { w: string; n: number }) => r.n }
    ]);
    setShownData('demo', 'id');
    expect(withFirstLine(csv, demoExportLine())).toBe('\uFEFFDATA DEMO (sintetis) — bukan hasil audit BKKBN\r\nWilayah,Jumlah\r\nJawa Barat,3\r\n');
    expect(withDemoLine(['Judul'])).toEqual(['DATA DEMO (sintetis) — bukan hasil audit BKKBN', 'Judul']);
    setShownData('demo', 'en');
    expect(demoExportLine()).toBe('DEMO DATA (synthetic) — not BKKBN audit results');
    setShownData('impor', 'id');
    expect(demoExportLine()).toBeNull();
    expect(withFirstLine(csv, demoExportLine())).toBe(csv);
    expect(withDemoLine(['Judul'])).toEqual(['Judul']);
  });
});

describe('dialects (Indonesian Excel: ";" and decimal comma)', () => {
  const cols = [
    { header: 'Wilayah', value: (r: { name: string; v: number }) => r.name },
    { header: 'Persen', value: (r: { name: string; v: number }) => r.v }
  ];
  const rows = [{ name: 'Kab. Bogor, Jawa Barat', v: 12.5 }, { name: 'a;b', v: -3 }];
  it('Indonesian: semicolons, decimal commas, quotes around semicolons (not commas)', () => {
    expect(toCsv(rows, cols, { dialect: CSV_ID })).toBe('\uFEFFWilayah;Persen\r\nKab. Bogor, Jawa Barat;12,5\r\n"a;b";-3\r\n');
    expect(csvDialectFor('id')).toEqual(CSV_ID);
  });
  it('English and the default: commas and dots', () => {
    expect(toCsv(rows, cols, { dialect: csvDialectFor('en') })).toBe('\uFEFFWilayah,Persen\r\n"Kab. Bogor, Jawa Barat",12.5\r\na;b,-3\r\n');
    expect(toCsv(rows, cols)).toBe(toCsv(rows, cols, { dialect: CSV_RFC }));
  });
  it('withCsvDialect sets the default for the calls inside it only', () => {
    expect(withCsvDialect(CSV_ID, () => toCsv(rows, cols, { bom: false }))).toBe('Wilayah;Persen\r\nKab. Bogor, Jawa Barat;12,5\r\n"a;b";-3\r\n');
    expect(toCsv([], cols, { bom: false })).toBe('Wilayah,Persen\r\n');
    expect(() => withCsvDialect(CSV_ID, () => { throw new Error('x'); })).toThrow('x');
    expect(csvCell(1.5)).toBe('1.5');
  });
});
