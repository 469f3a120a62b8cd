import { describe, expect, it } from 'vitest';
import { geoArea, geoMercator, geoPath } from 'd3';
import type { MultiPolygon, Polygon } from 'geojson';
import { lonLat, mercator, planarFrame, planarGeometry } from './planar.ts';

const java: Polygon = { type: 'Polygon', coordinates: [[[105.2, -6.8], [114.6, -8.8], [114.4, -7.7], [106.1, -5.9], [105.2, -6.8]]] };
const papua: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[131, -1], [141, -2.6], [141, -9.1], [137.6, -8.4], [131, -1]]], [[[135.2, -0.6], [136.4, -1.1], [135.9, -0.7], [135.2, -0.6]]]] };
// d3's spherical convention: exterior rings run clockwise (as in the boundary files), else they hold the rest of the globe
for (const r of [...java.coordinates, ...papua.coordinates.flat()]) if (geoArea({ type: 'Polygon', coordinates: [r] }) > 2 * Math.PI) r.reverse();
const extent: [[number, number], [number, number]] = [[12, 12], [988, 488]];

describe('planarFrame', () => {
  it('fits and projects as geoMercator().fitExtent does', () => {
    const frame = planarFrame([java, papua], extent)!;
    const ref = geoMercator().fitExtent(extent, { type: 'GeometryCollection', geometries: [java, papua] });
    for (const p of [[105.2, -6.8], [141, -9.1], [120, -3], [135.9, -0.7]]) {
      const [x, y] = frame.point(p);
      const [rx, ry] = ref(p as [number, number])!;
      expect(Math.abs(x - rx)).toBeLessThan(0.01);
      expect(Math.abs(y - ry)).toBeLessThan(0.01);
    }
    // the fitted bounds touch the extent (west edge and the wider dimension)
    expect(frame.point([105.2, -6.8])[0]).toBeCloseTo(12, 6);
    expect(frame.point([141, -2.6])[0]).toBeCloseTo(988, 6);
  });

  it('draws the vertices in the fitted frame, one subpath per ring', () => {
    const frame = planarFrame([java, papua], extent)!;
    const d = frame.d(papua);
    expect(d.match(/M/g)).toHaveLength(2);
    const [x, y] = frame.point([131, -1]);
    expect(d.startsWith(`M${+x.toFixed(2)},${+y.toFixed(2)}`)).toBe(true);
    // the same outline as d3's spherical pipeline within a pixel (the edges are short)
    const ref = geoPath(geoMercator().fitExtent(extent, { type: 'GeometryCollection', geometries: [java, papua] })).digits(2)(java)!;
    const nums = (s: string) => s.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const a = nums(frame.d(java));
    const b = nums(ref);
    expect(a.length).toBeLessThanOrEqual(b.length);
    for (let i = 0; i < 4; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1);
  });

  it('caches per geometry and is null without geometry', () => {
    expect(planarGeometry(java)).toBe(planarGeometry(java));
    const frame = planarFrame([java], extent)!;
    expect(frame.d(java)).toBe(frame.d(java));
    expect(planarFrame([], extent)).toBeNull();
  });
});

describe('lonLat', () => {
  it('inverts mercator', () => {
    for (const p of [[95, 6], [141, -11], [120.5, -3.25]]) {
      const [lon, lat] = lonLat(...mercator(p));
      expect(lon).toBeCloseTo(p[0], 9);
      expect(lat).toBeCloseTo(p[1], 9);
    }
  });
});
