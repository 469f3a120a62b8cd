/**
 * Banded values as map categories (public-safe mode, src/lib/privacy/mapValues.ts): each band of a
 * nice step is a category with its own colour from a sequential palette and a label such as "40–60%",
 * so the legend, the table and the tooltip all read bands, never exact values.
 */
import type { MapCategory } from './options.ts';
import { DEFAULT_PALETTE, paletteColors } from './palettes.ts';

/** The label of a band: "20–40" (the format gives units: "20–40%"). */
export function bandLabel(lower: number, step: number, format: (v: number) => string): string {
  const hi = format(lower + step);
  const lo = format(lower).replace(/\s*%$/, '');
  return `${lo}–${hi}`;
}

/** One category per band from 0 up to the highest value shown. */
export function bandCategories(values: Iterable<number | null>, step: number, format: (v: number) => string, palette = DEFAULT_PALETTE): MapCategory[] {
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  const lows: number[] = [];
  for (let b = 0; b <= max + step / 2; b += step) lows.push(Math.round(b * 1e9) / 1e9);
  const colors = paletteColors(palette, Math.max(3, lows.length)).slice(-lows.length);
  return lows.map((value, i) => ({ value, color: colors[i], label: bandLabel(value, step, format) }));
}
