import { describe, expect, it } from 'vitest';
import { describeCandidates, matchRegion } from './regionMatch.ts';

const code = (v: unknown) => {
  const m = matchRegion(v);
  return m.ok ? m.regency.code : m.reason;
};

describe('matchRegion', () => {
  it('reads the spellings of one regency', () => {
    for (const v of ['KAB. CIANJUR', 'Kab Cianjur', 'Kabupaten Cianjur', 'Cianjur', 'cianjur ', '3203', '32.03', '32 03', 3203, 32.03]) {
      expect(code(v), String(v)).toBe('32.03');
    }
    expect(code('Kota Bogor')).toBe('32.71');
    expect(code('KAB. BOGOR')).toBe('32.01');
    expect(code('Kota Kendari')).toBe('74.71');
    expect(code('Jakarta Pusat')).toBe('31.71');
    expect(code('Kab. Toli Toli')).toBe(code('Kabupaten Toli-Toli'));
    expect(code(32.1)).toBe('32.10');
  });
  it('never guesses a bare name shared by a kabupaten and a kota', () => {
    const m = matchRegion('Bogor');
    expect(m.ok).toBe(false);
    if (!m.ok && m.reason === 'ambiguous_region') expect(describeCandidates(m.candidates)).toBe('Kabupaten Bogor (32.01), Kota Bogor (32.71)');
    else throw new Error('expected ambiguity');
    for (const v of ['Bekasi', 'Malang', 'Kediri', 'BANDUNG']) expect(code(v), v).toBe('ambiguous_region');
  });
  it('lists candidates in different provinces too (Banjar: Jawa Barat city, Kalimantan Selatan regency)', () => {
    const m = matchRegion('Banjar');
    expect(!m.ok && m.reason === 'ambiguous_region' && describeCandidates(m.candidates)).toBe('Kota Banjar (32.79), Kabupaten Banjar (63.03)');
    expect(code('Kab. Banjar')).toBe('63.03');
  });
  it('rejects unknown names, kinds and codes', () => {
    for (const v of ['Atlantis', 'Kota Cianjur', '9999', '32.99', '', null, 12]) expect(code(v), String(v)).toBe('unknown_region');
  });
});
