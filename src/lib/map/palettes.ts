/**
 * Sequential palettes for the choropleth, all ordered light (low) -> dark (high).
 *
 * Colour-vision-deficiency (CVD) notes:
 * - viridis, cividis, magma: perceptually uniform, designed to stay readable for protanopia,
 *   deuteranopia and tritanopia (cividis is optimised for deuteranopia/protanopia). Here they are
 *   reversed so that low = light, like the ColorBrewer schemes.
 * - ColorBrewer sequential schemes (YlGnBu, YlOrRd, PuBu, Blues, Greens, Oranges, Purples, Greys): monotonic
 *   lightness, so the classes stay ordered for every CVD type; ColorBrewer marks them colour-blind safe.
 * All palettes here are therefore considered CVD-safe; the ordering is carried by lightness.
 * Diverging and red-green schemes are deliberately not offered.
 */
import {
  color as d3color,
  interpolateBlues,
  interpolateCividis,
  interpolateGreens,
  interpolateGreys,
  interpolateMagma,
  interpolateOranges,
  interpolatePuBu,
  interpolatePurples,
  interpolateViridis,
  interpolateYlGnBu,
  interpolateYlOrRd,
  schemeBlues,
  schemeGreens,
  schemeGreys,
  schemeOranges,
  schemePuBu,
  schemePurples,
  schemeYlGnBu,
  schemeYlOrRd
} from 'd3';

export interface PaletteInfo {
  id: string;
  label: string;
  /** colour-vision-deficiency safe (see the module note) */
  cvdSafe: boolean;
}

interface PaletteDef extends PaletteInfo {
  interpolate: (t: number) => string;
  /** ColorBrewer discrete schemes, indexed by class count (3..9) */
  scheme?: ReadonlyArray<ReadonlyArray<string>>;
  /** range of t used when sampling the interpolator, light end first */
  range: [number, number];
}

const DEFS: PaletteDef[] = [
  { id: 'YlGnBu', label: 'Yellow–Green–Blue', cvdSafe: true, interpolate: interpolateYlGnBu, scheme: schemeYlGnBu, range: [0.08, 1] },
  { id: 'viridis', label: 'Viridis', cvdSafe: true, interpolate: interpolateViridis, range: [1, 0.12] },
  { id: 'cividis', label: 'Cividis', cvdSafe: true, interpolate: interpolateCividis, range: [1, 0.08] },
  { id: 'magma', label: 'Magma', cvdSafe: true, interpolate: interpolateMagma, range: [0.98, 0.2] },
  { id: 'YlOrRd', label: 'Yellow–Orange–Red', cvdSafe: true, interpolate: interpolateYlOrRd, scheme: schemeYlOrRd, range: [0.08, 1] },
  { id: 'PuBu', label: 'Purple–Blue', cvdSafe: true, interpolate: interpolatePuBu, scheme: schemePuBu, range: [0.08, 1] },
  { id: 'Blues', label: 'Blues', cvdSafe: true, interpolate: interpolateBlues, scheme: schemeBlues, range: [0.08, 1] },
  { id: 'Greens', label: 'Greens', cvdSafe: true, interpolate: interpolateGreens, scheme: schemeGreens, range: [0.08, 1] },
  { id: 'Oranges', label: 'Oranges', cvdSafe: true, interpolate: interpolateOranges, scheme: schemeOranges, range: [0.08, 1] },
  { id: 'Purples', label: 'Purples', cvdSafe: true, interpolate: interpolatePurples, scheme: schemePurples, range: [0.08, 1] },
  { id: 'Greys', label: 'Greys', cvdSafe: true, interpolate: interpolateGreys, scheme: schemeGreys, range: [0.08, 1] }
];

export const DEFAULT_PALETTE = 'YlGnBu';
export const PALETTES: readonly PaletteInfo[] = DEFS.map(({ id, label, cvdSafe }) => ({ id, label, cvdSafe }));
const BY_ID = new Map(DEFS.map((d) => [d.id, d]));

export function isPalette(id: string | undefined | null): boolean {
  return !!id && BY_ID.has(id);
}

function hex(c: string): string {
  return d3color(c)?.formatHex() ?? c;
}

function sample(def: PaletteDef, n: number): string[] {
  const [a, b] = def.range;
  if (n === 1) return [hex(def.interpolate((a + b) / 2))];
  return Array.from({ length: n }, (_, i) => hex(def.interpolate(a + ((b - a) * i) / (n - 1))));
}

/** `n` colours of palette `id`, light (lowest class) to dark; unknown ids use the default palette. */
export function paletteColors(id: string | undefined | null, n: number): string[] {
  if (!(n > 0)) return [];
  const def = BY_ID.get(id ?? '') ?? BY_ID.get(DEFAULT_PALETTE)!;
  const s = def.scheme;
  if (s) {
    if (n >= 3 && n <= 9 && s[n]) return s[n].map(hex);
    if (n === 1 && s[3]) return [hex(s[3][1])];
    if (n === 2 && s[5]) return [hex(s[5][1]), hex(s[5][3])];
  }
  return sample(def, n);
}

/** Dark or light text for legible labels on a fill colour. */
export function textColorOn(fill: string): '#111' | '#fff' {
  const c = d3color(fill)?.rgb();
  if (!c) return '#111';
  const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return lum > 0.45 ? '#111' : '#fff';
}

/** Colours used for regions without data and for context (not-selected) areas. */
export const NO_DATA_FILL = '#d4d4d4';
/** Regions whose values are still coming (props.pending): a plain light fill, never the no-data hatch. */
export const LOADING_FILL = '#eef1f4';
export const NO_DATA_HATCH = '#8c8c8c';
export const CONTEXT_FILL = '#ebebe8';
export const BACKGROUND = '#e6eef5';
