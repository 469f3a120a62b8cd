import { describe, expect, it } from 'vitest';
import { interpolateBlues } from 'd3';
import { contrastRatio, readableOn, DARK_TEXT, LIGHT_TEXT } from './contrast.ts';
import { PALETTES, paletteColors, NO_DATA_FILL } from '$lib/map/palettes.ts';

describe('WCAG contrast', () => {
  it('matches known ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // the muted text of the app on white passes AA for normal text
    expect(contrastRatio('#5a6675', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('the cause matrix cell text reaches 4.5:1 on every shade of its Blues scale', () => {
    for (let i = 0; i <= 100; i++) {
      const fill = interpolateBlues(i / 100);
      expect(contrastRatio(fill, readableOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableOn('#ffffff')).toBe(DARK_TEXT);
    expect(readableOn('#08306b')).toBe(LIGHT_TEXT);
  });

  it('text on any class colour of every map palette (and on no-data) can reach 4.5:1', () => {
    for (const p of PALETTES) {
      for (let n = 3; n <= 9; n++) {
        for (const fill of paletteColors(p.id, n)) {
          expect(contrastRatio(fill, readableOn(fill)), `${p.id}/${n} ${fill}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(contrastRatio(NO_DATA_FILL, readableOn(NO_DATA_FILL))).toBeGreaterThanOrEqual(4.5);
  });

  it('the app text colours on their backgrounds pass AA (legend labels, muted notes, header, navigation)', () => {
    const pairs: [string, string, number][] = [
      ['#1d2733', '#f4f6f8', 4.5], // text on page
      ['#5a6675', '#fbfcfd', 4.5], // muted (legend counts, notes) on surface
      ['#5a6675', '#f4f6f8', 4.5], // muted on page
      ['#15598a', '#ffffff', 4.5], // links
      ['#ffffff', '#123a5c', 4.5], // header
      ['#ffffff', '#0d2e4a', 4.5], // navigation
      ['#fbbf24', '#0d2e4a', 3], // current-view mark and focus ring on the navigation (non-text)
      ['#d97706', '#ffffff', 3] // focus ring on light backgrounds (non-text)
    ];
    for (const [fg, bg, min] of pairs) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
  });
});
