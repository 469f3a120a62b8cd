/**
 * Label anchors and region areas for the maps (the SVG map and MapLibre place the same labels), in
 * Web Mercator coordinates (planar.ts): planar polygon maths on the projected rings instead of d3's
 * spherical geoArea/geoCentroid/geoContains, which cost the first paint tens of milliseconds of main
 * thread on the province map and more on the regencies (issue 17). Cached per feature.
 */
import { polygonArea, polygonCentroid, polygonContains } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { lonLat, planarGeometry } from './planar.ts';

interface Shape {
  geometry: Polygon | MultiPolygon;
}
type Ring = [number, number][];

const labelCache = new WeakMap<Shape, [number, number]>();
const areaCache = new WeakMap<Shape, number>();

function polygons(g: Polygon | MultiPolygon): Ring[][] {
  const p = planarGeometry(g);
  return (p.type === 'Polygon' ? [p.coordinates] : p.coordinates) as unknown as Ring[][];
}

/** Mercator stretches areas by 1 / cos²(latitude): this undoes it at the polygon's middle latitude. */
function trueArea(rings: Ring[]): number {
  const a = Math.abs(polygonArea(rings[0])) - rings.slice(1).reduce((s, r) => s + Math.abs(polygonArea(r)), 0);
  const lat = lonLat(0, polygonCentroid(rings[0])[1])[1];
  return Math.max(0, a) * Math.cos((lat * Math.PI) / 180) ** 2;
}

/** Area of a region (steradians, close to d3's geoArea at Indonesia's latitudes); for ranking labels. */
export function areaOf(f: Shape): number {
  let a = areaCache.get(f);
  if (a === undefined) areaCache.set(f, (a = polygons(f.geometry).reduce((s, rings) => s + trueArea(rings), 0)));
  return a;
}

const inside = (rings: Ring[], p: [number, number]) => polygonContains(rings[0], p) && !rings.slice(1).some((h) => polygonContains(h, p));

/**
 * Label anchor ([longitude, latitude]): the centroid of the region's largest polygon; when that falls
 * outside the polygon (crescent shapes), the middle of the widest horizontal chord at its mid-height.
 */
export function labelPoint(f: Shape): [number, number] {
  const hit = labelCache.get(f);
  if (hit) return hit;
  let best: Ring[] = [];
  let bestArea = -1;
  for (const rings of polygons(f.geometry)) {
    const a = trueArea(rings);
    if (a > bestArea) [best, bestArea] = [rings, a];
  }
  let pt = polygonCentroid(best[0]);
  if (!inside(best, pt)) pt = chordMiddle(best) ?? pt;
  const out = lonLat(pt[0], pt[1]);
  labelCache.set(f, out);
  return out;
}

function chordMiddle(rings: Ring[]): [number, number] | null {
  let s = Infinity;
  let n = -Infinity;
  for (const [, y] of rings[0]) [s, n] = [Math.min(s, y), Math.max(n, y)];
  const y = (s + n) / 2;
  const xs: number[] = [];
  for (const ring of rings as Position[][]) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  xs.sort((a, b) => a - b);
  let bestW = 0;
  let mid: [number, number] | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > bestW) [bestW, mid] = [xs[i + 1] - xs[i], [(xs[i] + xs[i + 1]) / 2, y]];
  }
  return mid;
}
