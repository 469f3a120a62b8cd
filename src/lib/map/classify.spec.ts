import { describe, expect, it } from 'vitest';
import { classCounts, classIndex, classify, cleanValues, rangeLabel, type ClassificationMethod } from './classify.ts';
import { PALETTES, paletteColors, DEFAULT_PALETTE } from './palettes.ts';

const METHODS: ClassificationMethod[] = ['quantile', 'equal', 'jenks'];

describe('cleanValues', () => {
  it('drops null, undefined, NaN and infinities and sorts', () => {
    expect(cleanValues([3, null, 1, undefined, NaN, Infinity, 2])).toEqual([1, 2, 3]);
  });
});

describe('classify', () => {
  it('quantile: equal-count classes', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    const c = classify(v, 'quantile', 5);
    expect(c.classCount).toBe(5);
    expect(c.thresholds).toEqual([20.8, 40.6, 60.4, 80.2]);
    expect(classCounts(c, v)).toEqual([20, 20, 20, 20, 20]);
    expect(c.ranges[0].from).toBe(1);
    expect(c.ranges[4].to).toBe(100);
  });

  it('equal intervals', () => {
    const c = classify([0, 1, 2, 3, 5, 10], 'equal', 5);
    expect(c.thresholds).toEqual([2, 4, 6, 8]);
    expect(c.ranges.map((r) => [r.from, r.to])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10]
    ]);
    expect(classIndex(c, 0)).toBe(0);
    expect(classIndex(c, 2)).toBe(1);
    expect(classIndex(c, 10)).toBe(4);
  });

  it('jenks (ckmeans) finds the natural groups', () => {
    const v = [1, 2, 3, 10, 11, 12, 50, 51, 52];
    const c = classify(v, 'jenks', 3);
    expect(c.thresholds).toEqual([10, 50]);
    expect(classCounts(c, v)).toEqual([3, 3, 3]);
  });

  it.each(METHODS)('%s: empty input gives no classes', (m) => {
    const c = classify([], m, 5);
    expect(c.classCount).toBe(0);
    expect(c.ranges).toEqual([]);
    expect(classIndex(c, 3)).toBe(-1);
    expect(classify([null, NaN, undefined], m).classCount).toBe(0);
  });

  it.each(METHODS)('%s: all values equal gives one class', (m) => {
    const c = classify([7, 7, 7, 7], m, 5);
    expect(c.classCount).toBe(1);
    expect(c.thresholds).toEqual([]);
    expect(c.ranges).toEqual([{ from: 7, to: 7 }]);
    expect(classIndex(c, 7)).toBe(0);
  });

  it.each(METHODS)('%s: fewer distinct values than classes gives one class per value', (m) => {
    const v = [1, 1, 2, 2, 2, 9];
    const c = classify(v, m, 5);
    expect(c.classCount).toBe(3);
    expect(c.thresholds).toEqual([2, 9]);
    expect(classCounts(c, v)).toEqual([2, 3, 1]);
  });

  it.each(METHODS)('%s: a single value gives one class', (m) => {
    expect(classify([4], m, 5).classCount).toBe(1);
  });

  it.each(METHODS)('%s: thresholds strictly increasing and every class non-empty', (m) => {
    // heavily tied data (many zeros) would give duplicate quantiles without tidying
    const v = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 40, 100];
    const c = classify(v, m, 5);
    for (let i = 1; i < c.thresholds.length; i++) expect(c.thresholds[i]).toBeGreaterThan(c.thresholds[i - 1]);
    if (m !== 'equal') expect(classCounts(c, v).every((n) => n > 0)).toBe(true);
    expect(c.classCount).toBeLessThanOrEqual(5);
  });

  it('missing values are classless', () => {
    const c = classify([1, 2, 3], 'quantile', 3);
    expect(classIndex(c, null)).toBe(-1);
    expect(classIndex(c, undefined)).toBe(-1);
    expect(classIndex(c, NaN)).toBe(-1);
  });

  it('classes = 1 or invalid', () => {
    expect(classify([1, 2, 3], 'quantile', 1).classCount).toBe(1);
    expect(classify([1, 2, 3, 4, 5, 6], 'quantile', NaN).classCount).toBe(5);
  });
});

describe('palettes', () => {
  it('gives n distinct colours for every palette and n from 1 to 12', () => {
    for (const p of PALETTES) {
      for (let n = 1; n <= 12; n++) {
        const cols = paletteColors(p.id, n);
        expect(cols).toHaveLength(n);
        expect(new Set(cols).size).toBe(n);
        for (const col of cols) expect(col).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });
  it('falls back to the default palette for an unknown name', () => {
    expect(paletteColors('nope', 5)).toEqual(paletteColors(DEFAULT_PALETTE, 5));
  });
  it('n = 0 gives no colours', () => {
    expect(paletteColors('Blues', 0)).toEqual([]);
  });
});

describe('fixed classes (legend sets)', () => {
  it('WHO/UNICEF stunting thresholds: five classes whatever the data, half-open intervals', () => {
    const c = classify([21.6, 35.3, 8.1, 14], 'who');
    expect(c.fixed).toBe(true);
    expect(c.thresholds).toEqual([2.5, 10, 20, 30]);
    expect(c.classCount).toBe(5);
    expect([2.4, 2.5, 9.99, 10, 19.9, 20, 29.99, 30, 35.3].map((v) => classIndex(c, v))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(classify([], 'who').classCount).toBe(5);
    expect(classify([40, 41], 'who').ranges.map((r) => [r.from, r.to])).toEqual([[0, 2.5], [2.5, 10], [10, 20], [20, 30], [30, 100]]);
    const f = (v: number) => String(v).replace('.', ',');
    expect(c.ranges.map((r, i) => rangeLabel(r, i, 5, true, f))).toEqual(['< 2,5', '2,5 – < 10', '10 – < 20', '20 – < 30', '≥ 30']);
  });
  it('fixed 0–100 %: the same classes on two maps with different data', () => {
    const a = classify([1, 2, 3], 'fixed');
    const b = classify([70, 90, 99], 'fixed');
    expect(a.thresholds).toEqual(b.thresholds);
    expect(a.ranges).toEqual(b.ranges);
    expect([0, 19.9, 20, 59, 80, 100].map((v) => classIndex(a, v))).toEqual([0, 0, 1, 2, 4, 4]);
  });
});
