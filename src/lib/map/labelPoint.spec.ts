import { describe, expect, it } from 'vitest';
import { geoArea, geoContains } from 'd3';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaOf, labelPoint } from './labelPoint.ts';

// exterior rings clockwise, as d3 and the boundary files have them
const square = (x: number, y: number, s: number): number[][] => [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]];
const shape = (geometry: Polygon | MultiPolygon) => ({ geometry });

describe('labelPoint', () => {
  it('puts the label at the centroid of the largest polygon', () => {
    const f = shape({ type: 'MultiPolygon', coordinates: [[square(110, -8, 0.5)], [square(120, -4, 2)]] });
    const [lon, lat] = labelPoint(f);
    expect(lon).toBeCloseTo(121, 6);
    expect(lat).toBeCloseTo(-3, 2);
    expect(labelPoint(f)).toBe(labelPoint(f));
  });

  it('keeps a crescent’s label inside it', () => {
    // a C open to the east: the centroid falls in the opening
    const c: Polygon = { type: 'Polygon', coordinates: [[[120, -5], [120, -1], [124, -1], [124, -1.5], [120.5, -1.5], [120.5, -4.5], [124, -4.5], [124, -5], [120, -5]]] };
    const p = labelPoint(shape(c));
    expect(geoContains(c, p)).toBe(true);
  });

  it('does not place it in a hole', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [square(100, -6, 4), [...square(100.5, -5.5, 3)].reverse()] };
    expect(geoContains(donut, labelPoint(shape(donut)))).toBe(true);
  });
});

describe('areaOf', () => {
  it('is the spherical area within a fraction of a percent at Indonesia’s latitudes, holes removed', () => {
    for (const g of [
      { type: 'Polygon', coordinates: [square(95, 3, 3)] },
      { type: 'Polygon', coordinates: [square(130, -10, 1)] },
      { type: 'Polygon', coordinates: [square(100, -6, 4), [...square(100.5, -5.5, 3)].reverse()] }
    ] as Polygon[]) {
      expect(Math.abs(areaOf(shape(g)) / geoArea(g) - 1)).toBeLessThan(0.005);
    }
  });
});
