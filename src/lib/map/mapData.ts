/**
 * The GeoJSON the WebGL map draws for a set of regions, independent of the values (those arrive as
 * feature state): built by ChoroplethMapModel and, for the national view, by MapLibreMap's warm-up.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { areaOf, labelPoint, type RegionFeature } from './geo.ts';
import { regionLabel } from './labels.ts';

export interface LabelProps {
  code: string;
  label: string;
  rank: number;
  textColor: string;
  haloColor: string;
}

/** Geometry of the regions with `id` = code (for feature state) and their code and name. */
export function geometryCollection(features: RegionFeature[]): FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.properties.code,
      geometry: f.geometry,
      properties: { code: f.properties.code, name: f.properties.name }
    }))
  };
}

/** Label anchors, ranked by area (rank 0 = largest, placed first). */
export function labelCollection(features: RegionFeature[]): FeatureCollection<Point, LabelProps> {
  const ranked = features.map((f) => ({ f, a: areaOf(f) })).sort((x, y) => y.a - x.a);
  const feats: Feature<Point, LabelProps>[] = ranked.map(({ f }, rank) => {
    const code = f.properties.code;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(f) },
      properties: {
        code,
        label: regionLabel(code, f.properties.name),
        rank,
        // labels often sit partly on the sea or neighbours: dark text with a white halo reads everywhere
        textColor: '#1b1b1b',
        haloColor: 'rgba(255,255,255,0.9)'
      }
    };
  });
  return { type: 'FeatureCollection', features: feats };
}

/** The key of a view's geometry (ChoroplethMapModel.viewKey): same key, same GeoJSON. */
export const viewKeyOf = (level: string, provinceCode: string | null, count: number) => `${level}:${provinceCode ?? ''}:${count}`;
