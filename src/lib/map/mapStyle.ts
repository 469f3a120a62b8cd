/**
 * The app's own MapLibre style: a background layer and GeoJSON sources only. No tiles, sprites or
 * glyph server: label text is drawn from a Noto Sans woff2 served by the app (`font-faces`).
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import notoMedium from '@fontsource/noto-sans/files/noto-sans-latin-500-normal.woff2?url';
import notoMediumExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-500-normal.woff2?url';
import { BACKGROUND, CONTEXT_FILL, NO_DATA_FILL, NO_DATA_HATCH } from './palettes.ts';

declare global {
  interface Window {
    /** the MapLibre instance of the last mounted WebGL map (for end-to-end tests) */
    __petaMap?: import('maplibre-gl').Map;
  }
}

export const FONT = 'Noto Sans Medium';
/** the label font's files (MapLibreMap preloads them) */
export const FONT_URLS = [notoMedium, notoMediumExt];
export const HATCH_IMAGE = 'peta-nodata-hatch';
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function absolute(url: string): string {
  return typeof location === 'undefined' ? url : new URL(url, location.href).href;
}

export function buildStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'peta-aks-choropleth',
    'font-faces': {
      [FONT]: [
        {
          url: absolute(notoMedium),
          'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+2000-206F', 'U+2212']
        },
        { url: absolute(notoMediumExt), 'unicode-range': ['U+0100-02BA', 'U+1E00-1E9F'] }
      ]
    },
    sources: {
      context: { type: 'geojson', data: EMPTY },
      regions: { type: 'geojson', data: EMPTY, promoteId: 'code' },
      borders: { type: 'geojson', data: EMPTY },
      labels: { type: 'geojson', data: EMPTY }
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      {
        id: 'context-fill',
        type: 'fill',
        source: 'context',
        paint: { 'fill-color': CONTEXT_FILL, 'fill-outline-color': '#ffffff' }
      },
      {
        id: 'regions-fill',
        type: 'fill',
        source: 'regions',
        // colours arrive as feature state (MapLibreMap): a filter change repaints without re-tiling
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], NO_DATA_FILL]], 'fill-antialias': true }
      },
      {
        id: 'regions-nodata',
        type: 'fill',
        source: 'regions',
        // (a layer filter cannot read feature state: regions with data get the hatch fully transparent)
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', ['boolean', ['feature-state', 'hasData'], false], 0, 1] }
      },
      {
        id: 'regions-line',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 8, 1.2] }
      },
      {
        id: 'borders-line',
        type: 'line',
        source: 'borders',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#444444', 'line-width': 1 }
      },
      {
        id: 'regions-hover',
        type: 'line',
        source: 'regions',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': '#111111',
          'line-width': 2.2,
          'line-opacity': ['case', ['boolean', ['feature-state', 'outlined'], false], 1, 0]
        }
      },
      {
        id: 'labels',
        type: 'symbol',
        source: 'labels',
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [FONT],
          'text-size': 11.5,
          'text-max-width': 7,
          'text-padding': 2,
          'symbol-sort-key': ['get', 'rank']
        },
        paint: {
          'text-color': ['get', 'textColor'],
          'text-halo-color': ['get', 'haloColor'],
          'text-halo-width': 1.3
        }
      }
    ]
  };
}

/** Diagonal hatch for "no data", as an image for `fill-pattern` (drawn at 2x). */
export function hatchImage(): { width: number; height: number; data: Uint8ClampedArray } {
  const size = 16;
  const data = new Uint8ClampedArray(size * size * 4);
  const parse = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const bg = parse(NO_DATA_FILL);
  const fg = parse(NO_DATA_HATCH);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const d = (x + y) % 8; // 45° stripes, period 8 px (4 css px)
      const c = d < 2 ? fg : bg;
      data.set([c[0], c[1], c[2], 255], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}
