import { describe, expect, it } from 'vitest';
import { bandCategories, bandLabel } from './bands.ts';

describe('bands', () => {
  it('labels a band with its bounds', () => {
    expect(bandLabel(20, 20, (v) => String(v))).toBe('20–40');
    expect(bandLabel(30, 10, (v) => `${v} %`)).toBe('30–40 %');
  });
  it('makes one coloured category per band up to the highest value', () => {
    const c = bandCategories([0, 40, 20, null], 20, String);
    expect(c.map((x) => [x.value, x.label])).toEqual([[0, '0–20'], [20, '20–40'], [40, '40–60']]);
    expect(new Set(c.map((x) => x.color)).size).toBe(3);
  });
});
