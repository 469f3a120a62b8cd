import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

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
