/**
 * The current choropleth as a standalone VECTOR image, independent of the renderer on screen
 * (MapLibre's canvas cannot be exported as vectors): region polygons projected with d3-geo (Mercator
 * fitted to the features, like SvgMap.svelte), filled with their class colour (no data = hatch
 * pattern), a title block, a legend and the boundary attribution. `mapToSvg` is pure (runs in Node);
 * `mapToPng` rasterizes in the browser.
 */
import { geoMercator, geoPath } from 'd3';
import type { RegionFeature } from './geo.ts';
import { rangeLabel, type ClassRange } from './classify.ts';
import { NO_DATA_FILL, NO_DATA_HATCH } from './palettes.ts';
import { escapeXml, FONT_STACK, SVG_NS, wrapText } from '../export/compose.ts';

export interface MapImageRow {
  code: string;
  color: string;
  /** class index, -1 = no data */
  cls: number;
  /** formatted value (or the "no data" text) */
  display: string;
  /** region name, for the <title> of its shape */
  name?: string;
  /** the value shown (already protected in public mode), written as data-value when given */
  value?: number | null;
}

export interface MapImageInput {
  features: readonly RegionFeature[];
  rows: readonly MapImageRow[];
  legend: {
    /** one colour per class */
    colors: readonly string[];
    /** one label per class (range text, or category label) */
    labels: readonly string[];
    /** legend heading (the indicator) */
    title?: string;
    /** label of the no-data entry; shown when a region has no data */
    noData?: string;
    /** a reference line's label (e.g. the national target), drawn as a dashed line entry */
    target?: string | null;
  };
  title: string;
  /** second line under the title (filters, period, data date) */
  subtitle?: string;
  /** a line above the title, e.g. the demo mark ("DATA DEMO (sintetis) …"); none when null */
  mark?: string | null;
  attribution: string;
  /** total width in px; default 1000 */
  width?: number;
  /** height of the map area in px; default from the features' shape (at most 0.9 × width) */
  height?: number;
  /** @font-face CSS to embed (fonts.ts fontCss()), optional */
  fontCss?: string;
}

export interface MapImage {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE = 18;
const SUB = 13;
const SMALL = 11;
const SWATCH_W = 22;
const SWATCH_H = 14;

/** Range labels as the on-screen legend writes them (Legend.svelte). */
export function legendLabels(ranges: readonly ClassRange[], format: (v: number) => string, fixed?: boolean): string[] {
  return ranges.map((r, i) => rangeLabel(r, i, ranges.length, fixed, format));
}

const num = (v: number) => String(Math.round(v * 10) / 10);

/** Legend entries laid out in rows that wrap at `width`; returns the markup and its height. */
function legendSvg(entries: { fill: string; label: string; line?: boolean }[], title: string | undefined, top: number, width: number) {
  let y = top;
  let out = '';
  if (title) {
    for (const line of wrapText(title, width - 2 * PAD, SUB)) {
      y += SUB + 4;
      out += `<text x="${PAD}" y="${y}" font-size="${SUB}" font-weight="600" fill="#222">${escapeXml(line)}</text>`;
    }
    y += 6;
  }
  let x = PAD;
  let rowTop = y;
  for (const e of entries) {
    const w = SWATCH_W + 6 + e.label.length * SMALL * 0.58 + 18;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      rowTop += SWATCH_H + 8;
    }
    const swatch = e.line
      ? `<line x1="${num(x + SWATCH_W / 2)}" y1="${rowTop}" x2="${num(x + SWATCH_W / 2)}" y2="${rowTop + SWATCH_H}" stroke="${escapeXml(e.fill)}" stroke-width="2.5" stroke-dasharray="3 2"/>`
      : `<rect x="${num(x)}" y="${rowTop}" width="${SWATCH_W}" height="${SWATCH_H}" fill="${escapeXml(e.fill)}" stroke="rgba(0,0,0,0.25)" stroke-width="1"/>`;
    out +=
      `<g class="legend-entry">${swatch}` +
      `<text x="${num(x + SWATCH_W + 6)}" y="${rowTop + SWATCH_H - 3}" font-size="${SMALL + 1}" fill="#222">${escapeXml(e.label)}</text></g>`;
    x += w;
  }
  const bottom = entries.length ? rowTop + SWATCH_H : y;
  return { out, height: bottom - top };
}

export function renderMap(input: MapImageInput): MapImage {
  const width = Math.max(200, Math.round(input.width ?? 1000));
  const byCode = new Map(input.rows.map((r) => [r.code, r]));
  const fc = { type: 'FeatureCollection' as const, features: input.features as RegionFeature[] };

  // header
  let y = PAD;
  let head = '';
  if (input.mark)
    for (const line of wrapText(input.mark, width - 2 * PAD, SUB)) {
      y += SUB + 5;
      head += `<text class="demo-mark" x="${PAD}" y="${y}" font-size="${SUB}" font-weight="600" fill="#b00020">${escapeXml(line)}</text>`;
    }
  for (const line of wrapText(input.title, width - 2 * PAD, TITLE)) {
    y += TITLE + 2;
    head += `<text x="${PAD}" y="${y}" font-size="${TITLE}" font-weight="600" fill="#111">${escapeXml(line)}</text>`;
  }
  if (input.subtitle)
    for (const line of wrapText(input.subtitle, width - 2 * PAD, SUB)) {
      y += SUB + 5;
      head += `<text x="${PAD}" y="${y}" font-size="${SUB}" fill="#444">${escapeXml(line)}</text>`;
    }
  const mapTop = y + 10;

  // map area: Mercator fitted to the features (the height follows their shape unless given)
  const innerW = width - 2 * PAD;
  let mapH = input.height ? Math.round(input.height) : 0;
  let paths = '';
  if (fc.features.length) {
    if (!mapH) {
      const probe = geoMercator().fitWidth(innerW, fc);
      const [[, y0], [, y1]] = geoPath(probe).bounds(fc);
      mapH = Math.min(Math.round(0.9 * width), Math.max(120, Math.ceil(y1 - y0)));
    }
    const projection = geoMercator().fitExtent(
      [
        [PAD, mapTop],
        [PAD + innerW, mapTop + mapH]
      ],
      fc
    );
    const path = geoPath(projection).digits(1);
    for (const f of fc.features) {
      const code = f.properties.code;
      const r = byCode.get(code);
      const fill = !r || r.cls < 0 ? 'url(#nodata-hatch)' : r.color;
      const title = `${r?.name ?? f.properties.name}: ${r?.display ?? input.legend.noData ?? ''}`;
      const dv = r?.value === undefined ? '' : ` data-value="${r.value === null ? '' : r.value}"`;
      paths += `<path d="${path(f) ?? ''}" fill="${escapeXml(fill)}" data-code="${escapeXml(code)}"${dv}><title>${escapeXml(title)}</title></path>`;
    }
  } else mapH = mapH || 120;

  // legend
  const entries: { fill: string; label: string; line?: boolean }[] = input.legend.labels.map((label, i) => ({ fill: input.legend.colors[i] ?? NO_DATA_FILL, label }));
  if (input.legend.target) entries.push({ fill: '#b00020', label: input.legend.target, line: true });
  const anyNoData = input.features.some((f) => (byCode.get(f.properties.code)?.cls ?? -1) < 0);
  if (anyNoData && input.legend.noData) entries.push({ fill: 'url(#nodata-hatch)', label: input.legend.noData });
  const legendTop = mapTop + mapH + 14;
  const legend = legendSvg(entries, input.legend.title, legendTop, width);

  // attribution
  let ay = legendTop + legend.height + 8;
  let attribution = '';
  for (const line of wrapText(input.attribution, width - 2 * PAD, SMALL - 1)) {
    ay += SMALL + 3;
    attribution += `<text class="attribution" x="${PAD}" y="${ay}" font-size="${SMALL - 1}" fill="#666">${escapeXml(line)}</text>`;
  }
  const height = Math.ceil(ay + PAD);

  const style = input.fontCss ? `<style>${input.fontCss}</style>` : '';
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">` +
    `${style}<defs><pattern id="nodata-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${NO_DATA_FILL}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${NO_DATA_HATCH}" stroke-width="1.5"/></pattern></defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g class="title">${head}</g>` +
    `<g class="regions" stroke="#ffffff" stroke-width="${fc.features.length > 60 ? 0.4 : 0.7}" stroke-linejoin="round">${paths}</g>` +
    `<g class="legend">${legend.out}</g><g class="attribution">${attribution}</g></svg>`;
  return { svg, width, height };
}

/** The map as a standalone vector SVG document. */
export function mapToSvg(input: MapImageInput): string {
  return renderMap(input).svg;
}

/** Size (CSS px) written on an SVG document's root. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1] ?? 0), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1] ?? 0) };
}

/** Rasterizes the map SVG to a PNG (browser): width × height CSS px at `scale` (default 2×). */
export async function mapToPng(svgString: string, width: number, height: number, scale = 2): Promise<Blob> {
  const { svgToPng } = await import('$lib/export/image.ts');
  return svgToPng(svgString, width, height, scale);
}
