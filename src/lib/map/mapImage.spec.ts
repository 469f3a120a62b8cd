import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { RegionFeature, RegionProps } from './geo.ts';
import { legendLabels, mapToSvg, renderMap, svgSize, type MapImageInput } from './mapImage.ts';
import { GEO_ATTRIBUTION } from './options.ts';
import { classify, classIndex } from './classify.ts';
import { paletteColors } from './palettes.ts';

function load(file: string, name: string): RegionFeature[] {
  const topo = JSON.parse(readFileSync(new URL(`../../../static/geo/${file}`, import.meta.url), 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[name] as GeometryCollection<RegionProps>) as unknown as { features: RegionFeature[] };
  return fc.features;
}
const provinces = load('idn-provinces.topojson', 'provinces');

/** A province map with made-up values (every 7th province without data). */
function input(features: RegionFeature[], extra: Partial<MapImageInput> = {}): MapImageInput {
  const values = features.map((f, i) => (i % 7 === 3 ? null : (i * 37) % 100));
  const c = classify(values, 'quantile', 5);
  const colors = paletteColors('YlGnBu', c.classCount);
  const fmt = (v: number) => `${v.toFixed(0)}%`;
  return {
    features,
    rows: features.map((f, i) => {
      const cls = classIndex(c, values[i]);
      return { code: f.properties.code, name: f.properties.name, cls, color: cls >= 0 ? colors[cls] : '#eee', display: values[i] === null ? 'Tidak ada data' : fmt(values[i]!) };
    }),
    legend: { colors, labels: legendLabels(c.ranges, fmt), title: 'Prevalensi <stunting> & "uji"', noData: 'Tidak ada data' },
    title: 'Peta AKS — prevalensi',
    subtitle: 'Semester 1 2025 · data per 31 Maret 2025',
    attribution: GEO_ATTRIBUTION,
    ...extra
  };
}

/** Parses the SVG with a strict XML check (balanced tags, escaped text) and returns tag counts. */
function parse(svg: string) {
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(svg))) {
    if (m.index !== pos) throw new Error(`unparsable at ${pos}: ${svg.slice(pos, pos + 40)}`);
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) throw new Error(`bad entity in ${m[5]}`);
      continue;
    }
    const [, close, tag, , self] = m;
    if (close) {
      if (stack.pop() !== tag) throw new Error(`unbalanced </${tag}>`);
    } else {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      if (!self) stack.push(tag);
    }
  }
  if (pos !== svg.length || stack.length) throw new Error('truncated document');
  return counts;
}
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('mapToSvg', () => {
  it('draws one path per region, a legend entry per class and the attribution', () => {
    const inp = input(provinces);
    const svg = mapToSvg(inp);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    const counts = parse(svg);
    expect(provinces.length).toBe(38);
    expect(counts.get('path')).toBe(38);
    // every region once, coloured with its class colour or the hatch
    for (const r of inp.rows) {
      const m = new RegExp(`<path d="M[^"]+" fill="([^"]+)" data-code="${r.code.replace('.', '\\.')}"`).exec(svg);
      expect(m, r.code).not.toBeNull();
      expect(m![1]).toBe(r.cls < 0 ? 'url(#nodata-hatch)' : r.color);
    }
    // legend: one swatch per class plus no data, labels in order
    const entries = [...svg.matchAll(/<g class="legend-entry"><rect [^>]*fill="([^"]+)"[^>]*\/><text[^>]*>([^<]*)<\/text><\/g>/g)];
    expect(entries.map((e) => e[2])).toEqual([...inp.legend.labels, 'Tidak ada data']);
    expect(entries.map((e) => e[1])).toEqual([...inp.legend.colors, 'url(#nodata-hatch)']);
    expect(svg).toContain('<pattern id="nodata-hatch"');
    // escaped text: title, legend heading and the attribution (wrapped over lines)
    const t = texts(svg);
    expect(t[0]).toBe('Peta AKS — prevalensi');
    expect(t).toContain('Prevalensi &lt;stunting&gt; &amp; &quot;uji&quot;');
    const attr = [...svg.matchAll(/<text class="attribution"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(attr).toBe(GEO_ATTRIBUTION.replace(/–/g, '–'));
  });

  it('keeps everything inside the canvas and honours width/height', () => {
    const { svg, width, height } = renderMap(input(provinces, { width: 800, height: 300 }));
    expect(width).toBe(800);
    expect(svgSize(svg)).toEqual({ width, height });
    const ys = [...svg.matchAll(/<text[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeLessThan(height);
    const xs = [...svg.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(xs.length).toBeGreaterThan(100);
    for (const [x, y] of xs) {
      expect(x).toBeGreaterThanOrEqual(15);
      expect(x).toBeLessThanOrEqual(785);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height);
    }
  });

  it('draws a province\'s regencies, categorical legends and no hatch entry when all regions have data', () => {
    const regencies = load('idn-regencies.topojson', 'regencies').filter((f) => f.properties.code.startsWith('53.'));
    expect(regencies.length).toBeGreaterThan(5);
    const colors = ['#d73027', '#fee08b', '#1a9850'];
    const labels = ['Terlambat', 'Sesuai jadwal', 'Selesai'];
    const svg = mapToSvg({
      features: regencies,
      rows: regencies.map((f, i) => ({ code: f.properties.code, cls: i % 3, color: colors[i % 3], display: labels[i % 3] })),
      legend: { colors, labels, noData: 'Tidak ada data' },
      title: 'Status jadwal audit',
      attribution: GEO_ATTRIBUTION
    });
    expect(parse(svg).get('path')).toBe(regencies.length);
    expect(svg).not.toContain('fill="url(#nodata-hatch)"');
    for (const l of labels) expect(texts(svg)).toContain(l);
  });

  it('embeds the given font CSS and survives an empty map', () => {
    const svg = mapToSvg({ ...input([]), fontCss: "@font-face{font-family:'Noto Sans';src:url(data:font/woff2;base64,AAAA)}" });
    expect(parse(svg).get('path') ?? 0).toBe(0);
    expect(svg).toContain('<style>@font-face');
  });
});
