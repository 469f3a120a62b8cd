/**
 * WCAG 2 colour contrast: relative luminance, contrast ratio, and the more legible of dark or white
 * text on a fill (table cells coloured by value, map labels).
 */
import { color as d3color } from 'd3';

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance (0 = black, 1 = white) of a CSS colour; NaN when it cannot be parsed. */
export function luminance(css: string): number {
  const c = d3color(css)?.rgb();
  if (!c) return NaN;
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** Contrast ratio (1 to 21) of two opaque CSS colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (la + 0.05) / (lb + 0.05);
}

/** Black, not the app's #1d2733: only black and white together reach 4.5:1 on every mid-tone. */
export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** Whichever of black and white text reads better on `fill` (at least 4.58:1 on any colour). */
export function readableOn(fill: string): typeof DARK_TEXT | typeof LIGHT_TEXT {
  return contrastRatio(fill, LIGHT_TEXT) > contrastRatio(fill, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}
