/**
 * Boundary loading for the map: fetches the TopoJSON once (lazily, cached in this module), decodes it
 * with topojson-client and provides features per level/province, bounds, label points and the
 * province-border mesh that lines up with the regency polygons.
 */
import { base } from '$app/paths';
import { geoArea, geoBounds, geoCentroid, geoContains } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type MapLevel = 'province' | 'regency';
export interface RegionProps {
  code: string;
  name: string;
  province_code?: string;
}
export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;
/** [[west, south], [east, north]] in degrees */
export type Bounds = [[number, number], [number, number]];

export interface ProvinceGeo {
  features: RegionFeature[];
}
export interface RegencyGeo {
  features: RegionFeature[];
  /** borders between provinces, from the regency arcs (coincide with the regency polygons) */
  provinceBorders: Feature<MultiLineString>;
}

export const PROVINCES_URL = `${base}/geo/idn-provinces.topojson`;
export const REGENCIES_URL = `${base}/geo/idn-regencies.topojson`;
/** Indonesia, with a little margin */
export const INDONESIA_BOUNDS: Bounds = [
  [95.0, -11.0],
  [141.05, 6.1]
];

async function fetchTopo(url: string): Promise<Topology> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as Topology;
}

function decode(topo: Topology, name: string): RegionFeature[] {
  const obj = topo.objects[name] as GeometryCollection<RegionProps> | undefined;
  if (!obj) throw new Error(`TopoJSON object "${name}" missing`);
  const fc = feature(topo, obj) as RegionCollection;
  return fc.features.map((f) => ({ ...f, id: f.properties.code }));
}

let provincesP: Promise<ProvinceGeo> | null = null;
let regenciesP: Promise<RegencyGeo> | null = null;

export function loadProvinces(): Promise<ProvinceGeo> {
  provincesP ??= fetchTopo(PROVINCES_URL).then((t) => ({ features: decode(t, 'provinces') }));
  provincesP.catch(() => (provincesP = null));
  return provincesP;
}

export function loadRegencies(): Promise<RegencyGeo> {
  regenciesP ??= fetchTopo(REGENCIES_URL).then((t) => {
    const obj = t.objects.regencies as GeometryCollection<RegionProps>;
    const borders = mesh(
      t,
      obj,
      (a, b) =>
        a !== b && (a.properties as RegionProps).province_code !== (b.properties as RegionProps).province_code
    );
    return {
      features: decode(t, 'regencies'),
      provinceBorders: { type: 'Feature', properties: {}, geometry: borders }
    };
  });
  regenciesP.catch(() => (regenciesP = null));
  return regenciesP;
}

export interface GeoState {
  provinces: ProvinceGeo | null;
  regencies: RegencyGeo | null;
}

/** Whether the data needed for a level is there (regency level needs the regency file). */
export function needsRegencies(level: MapLevel): boolean {
  return level === 'regency';
}

/** Features shown for a level: all provinces, or the regencies of one province (all if null). */
export function featuresFor(geo: GeoState, level: MapLevel, provinceCode: string | null): RegionFeature[] {
  if (level === 'province') return geo.provinces?.features ?? [];
  const all = geo.regencies?.features ?? [];
  return provinceCode ? all.filter((f) => f.properties.province_code === provinceCode) : all;
}

/** Context features drawn in grey around a province (the regencies of the other provinces). */
export function contextFor(geo: GeoState, level: MapLevel, provinceCode: string | null): RegionFeature[] {
  if (level !== 'regency' || !provinceCode) return [];
  return (geo.regencies?.features ?? []).filter((f) => f.properties.province_code !== provinceCode);
}

const boundsCache = new WeakMap<object, Bounds>();

/** Bounds of a set of features (cached per array); Indonesia when empty. */
export function boundsOf(features: RegionFeature[]): Bounds {
  if (features.length === 0) return INDONESIA_BOUNDS;
  const hit = boundsCache.get(features);
  if (hit) return hit;
  const b = geoBounds({ type: 'FeatureCollection', features } as RegionCollection) as Bounds;
  boundsCache.set(features, b);
  return b;
}

function polygons(f: RegionFeature): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

const labelCache = new WeakMap<RegionFeature, [number, number]>();
const areaCache = new WeakMap<RegionFeature, number>();

export function areaOf(f: RegionFeature): number {
  let a = areaCache.get(f);
  if (a === undefined) areaCache.set(f, (a = geoArea(f)));
  return a;
}

/**
 * Label anchor: the centroid of the feature's largest polygon; when that falls outside the polygon
 * (crescent shapes), the middle of the widest horizontal chord through the polygon's mid-latitude.
 */
export function labelPoint(f: RegionFeature): [number, number] {
  const hit = labelCache.get(f);
  if (hit) return hit;
  let best: Polygon = { type: 'Polygon', coordinates: polygons(f)[0] };
  let bestArea = -1;
  for (const coords of polygons(f)) {
    const p: Polygon = { type: 'Polygon', coordinates: coords };
    const a = geoArea(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  let pt = geoCentroid(best) as [number, number];
  if (!geoContains(best, pt)) pt = chordMiddle(best) ?? pt;
  labelCache.set(f, pt);
  return pt;
}

function chordMiddle(p: Polygon): [number, number] | null {
  const [[, s], [, n]] = geoBounds(p);
  const y = (s + n) / 2;
  const xs: number[] = [];
  for (const ring of p.coordinates) {
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
