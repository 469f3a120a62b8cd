import { describe, expect, it } from 'vitest';
import { mapText, regionLabel } from './labels.ts';
import { resolveOptions, DEFAULT_OPTIONS } from './options.ts';

describe('regionLabel', () => {
  it('shortens provinces with long names', () => {
    expect(regionLabel('31')).toBe('DKI Jakarta');
    expect(regionLabel('32')).toBe('Jawa Barat');
  });
  it('strips Kabupaten/Kota but keeps "Kota" where a kabupaten has the same name', () => {
    expect(regionLabel('32.01')).toBe('Bogor');
    expect(regionLabel('32.71')).toBe('Kota Bogor');
    expect(regionLabel('32.76')).toBe('Depok');
    expect(regionLabel('31.71')).toBe('Jakarta Pusat');
  });
});

describe('mapText / resolveOptions', () => {
  it('has both languages', () => {
    expect(mapText('id', 'noData')).toBe('Tidak ada data');
    expect(mapText('en', 'noData')).toBe('No data');
  });
  it('fills defaults and clamps', () => {
    expect(resolveOptions({})).toEqual(DEFAULT_OPTIONS);
    const o = resolveOptions({ classes: 40, palette: 'nope', classification: 'jenks', renderer: 'svg' });
    expect(o.classes).toBe(9);
    expect(o.palette).toBe('YlGnBu');
    expect(o.classification).toBe('jenks');
    expect(o.renderer).toBe('svg');
  });
});
