/**
 * Boundary loading for the map: fetches the TopoJSON once (lazily, cached in this module), decodes it
 * with topojson-client and provides features per level/province, bounds, label points and the
 * province-border mesh that lines up with the regency polygons.
 */
import { base } from '$app/paths';
import { geoBounds } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
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

export { areaOf, labelPoint } from './labelPoint.ts';
