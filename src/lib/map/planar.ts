/**
 * Web Mercator coordinates of the boundaries, computed once per geometry, for the SVG map: fitting and
 * drawing then run through d3's geoIdentity (a plain scale and translate) instead of geoMercator's
 * spherical pipeline (antimeridian clipping and adaptive resampling of every edge). The result is the
 * same map (straight edges between the vertices in Mercator, as MapLibre draws them) at a fraction of
 * the main-thread time the first paint spent on it (bench/paint.mjs, issue 17).
 */
import { geoIdentity, geoMercatorRaw, geoPath, type GeoPath, type GeoPermissibleObjects } from 'd3';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

const RAD = Math.PI / 180;
/** Mercator's y grows without bound at the poles; boundaries never come near them. */
const MAX_LAT = 85;

/** [longitude, latitude] in degrees to unit Web Mercator [x, y] (y up). */
export function mercator(p: readonly number[]): [number, number] {
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, p[1]));
  return geoMercatorRaw(p[0] * RAD, lat * RAD) as [number, number];
}

/** Unit Web Mercator [x, y] back to [longitude, latitude] in degrees. */
export function lonLat(x: number, y: number): [number, number] {
  return [x / RAD, (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD];
}

const ring = (r: Position[]): Position[] => r.map(mercator);
const cache = new WeakMap<Geometry, Geometry>();

/** The geometry in Mercator coordinates (cached per geometry object: features share them). */
export function planarGeometry<G extends Geometry>(g: G): G {
  const hit = cache.get(g);
  if (hit) return hit as G;
  let out: Geometry;
  switch (g.type) {
    case 'Point':
      out = { type: 'Point', coordinates: mercator(g.coordinates) };
      break;
    case 'MultiPoint':
    case 'LineString':
      out = { type: g.type, coordinates: ring(g.coordinates) } as Geometry;
      break;
    case 'MultiLineString':
    case 'Polygon':
      out = { type: g.type, coordinates: g.coordinates.map(ring) } as Geometry;
      break;
    case 'MultiPolygon':
      out = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
      break;
    case 'GeometryCollection':
      out = { type: 'GeometryCollection', geometries: g.geometries.map((x) => planarGeometry(x)) };
      break;
  }
  cache.set(g, out);
  return out as G;
}

export interface PlanarFrame {
  /** [longitude, latitude] to pixels. */
  point(p: readonly number[]): [number, number];
  /** SVG path data of a geometry in this frame (cached per geometry object). */
  d(g: Geometry): string;
}

/**
 * The frame that fits `geometries` into the extent [[x0, y0], [x1, y1]] (pixels), as
 * geoMercator().fitExtent would; null when there is nothing to fit.
 */
export function planarFrame(geometries: readonly (Polygon | MultiPolygon)[], extent: [[number, number], [number, number]]): PlanarFrame | null {
  if (geometries.length === 0) return null;
  const target = { type: 'GeometryCollection', geometries: geometries.map((g) => planarGeometry(g)) } as GeoPermissibleObjects;
  const projection = geoIdentity().reflectY(true).fitExtent(extent, target);
  const path: GeoPath = geoPath(projection).digits(2);
  const ds = new WeakMap<Geometry, string>();
  return {
    point: (p) => projection(mercator(p)) as [number, number],
    d(g) {
      let d = ds.get(g);
      if (d === undefined) ds.set(g, (d = path(planarGeometry(g) as GeoPermissibleObjects) ?? ''));
      return d;
    }
  };
}
