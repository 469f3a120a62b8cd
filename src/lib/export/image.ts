/**
 * Charts and maps as image files, offline and under the production CSP (nothing is fetched except the
 * app's own font files; images are built from data: URLs).
 *
 * - An element that IS an <svg> (d3 charts) becomes a real vector SVG: computed styles inlined
 *   (svgSerialize.ts), with xmlns, width, height and viewBox.
 * - Any other element (HTML bar charts, tables with bars) goes through html-to-image (a foreignObject
 *   picture; its own font embedding is off: it would fetch every @font-face of the page).
 * Both are placed on a white page with an optional caption block under them (title, filters, data
 * date, attribution) and Noto Sans embedded as data URLs (compose.ts, fonts.ts). PNG is that SVG
 * drawn on a canvas at `scale` (default 2×). Browser only.
 */
import { toSvg } from 'html-to-image';
import { composeSvg, type Composed } from './compose.ts';
import { withDemoLine } from './demoMark.svelte.ts';
import { downloadBlob } from './download.ts';
import { fontCss, weightsUsed } from './fonts.ts';
import { serializeSvg } from './svgSerialize.ts';

export type ImageFormat = 'png' | 'svg';
export interface ImageOptions {
  /** lines written under the picture (title, filters, data date, attribution) */
  caption?: readonly string[];
  /** PNG pixel ratio; default 2 */
  scale?: number;
}

/** Elements marked data-export-skip (buttons, toolbars) are left out of the image. */
const keep = (n: HTMLElement): boolean => !(n instanceof Element && n.hasAttribute('data-export-skip'));

async function pictureOf(el: Element): Promise<{ svg: string; width: number; height: number }> {
  if (el instanceof SVGSVGElement) return serializeSvg(el);
  const html = el as HTMLElement;
  const { width, height } = paintedSize(html);
  const dataUrl = await toSvg(html, {
    width,
    height,
    backgroundColor: '#ffffff',
    cacheBust: false,
    // the font is embedded once, in the outer document (compose.ts); its @font-face applies to the
    // foreignObject content too, so html-to-image need not (and must not) walk the stylesheets
    skipFonts: true,
    filter: keep
  });
  return { svg: decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1)), width, height };
}

/**
 * The picture's size: the element's box grown to everything it paints (overflowing content and text of
 * charts drawn outside their box, e.g. an axis label's overhang), so the image cuts no label.
 */
function paintedSize(html: HTMLElement): { width: number; height: number } {
  const r = html.getBoundingClientRect();
  let right = Math.max(html.offsetWidth || r.width, html.scrollWidth);
  let bottom = Math.max(html.offsetHeight || r.height, html.scrollHeight);
  for (const t of html.querySelectorAll('text, span, p, li, th, td, figcaption, strong, a, button')) {
    if ((t as HTMLElement).closest?.('[data-export-skip]')) continue;
    const b = t.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    right = Math.max(right, Math.round(b.right - r.left));
    bottom = Math.max(bottom, Math.round(b.bottom - r.top));
  }
  return { width: Math.round(right), height: Math.round(bottom) };
}

/** The element (and caption) as one standalone SVG document with the font embedded. */
export async function elementToSvg(el: Element, opts: ImageOptions = {}): Promise<Composed> {
  const css = await fontCss(weightsUsed(el));
  const pic = await pictureOf(el);
  return composeSvg({ inner: pic.svg, width: pic.width, height: pic.height, caption: opts.caption, fontCss: css });
}

/** Rasterizes an SVG document of `width` × `height` CSS px to a PNG at `scale`, on white. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('the SVG could not be drawn'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  await img.decode().catch(() => undefined);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG export failed'))), 'image/png'));
}

export async function elementToPng(el: Element, opts: ImageOptions = {}): Promise<Blob> {
  const { svg, width, height } = await elementToSvg(el, opts);
  return svgToPng(svg, width, height, opts.scale ?? 2);
}

export const svgBlob = (svg: string): Blob => new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });

/** Downloads the element as an image; while the demo is shown its caption starts with the demo mark. */
export async function exportImage(el: Element, name: string, format: ImageFormat, opts: ImageOptions = {}): Promise<void> {
  opts = { ...opts, caption: withDemoLine(opts.caption) };
  if (format === 'png') downloadBlob(`${name}.png`, await elementToPng(el, opts));
  else downloadBlob(`${name}.svg`, svgBlob((await elementToSvg(el, opts)).svg));
}
