/**
 * A live <svg> element (d3 chart) as a standalone vector SVG document: a deep clone with the computed
 * presentation styles that matter inlined (CSS classes of the app do not travel with the file), the
 * elements marked data-export-skip removed, and xmlns, width, height and viewBox set. Browser only.
 */
import { SVG_NS } from './compose.ts';

/** Computed properties copied onto every element, as CSS declarations. */
const PROPS = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'text-decoration',
  'paint-order',
  'visibility',
  'color',
  'shape-rendering'
] as const;

/** Values that are the initial value anyway and need not be written. */
const DEFAULTS: Partial<Record<(typeof PROPS)[number], string>> = {
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  'font-style': 'normal',
  'letter-spacing': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'alignment-baseline': 'auto',
  visibility: 'visible',
  'paint-order': 'normal',
  'shape-rendering': 'auto'
};

function inline(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  const decl: string[] = [];
  if (cs.display === 'none') decl.push('display:none');
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v && v !== DEFAULTS[p]) decl.push(`${p}:${v}`);
  }
  const own = dst.getAttribute('style');
  dst.setAttribute('style', decl.join(';') + (own ? `;${own}` : ''));
  // the element's CSS transform (not the SVG attribute) would be lost
  if (cs.transform && cs.transform !== 'none' && !dst.hasAttribute('transform')) dst.setAttribute('transform', cs.transform);
}

export interface SerializedSvg {
  svg: string;
  width: number;
  height: number;
}

export function serializeSvg(el: SVGSVGElement): SerializedSvg {
  const box = el.getBoundingClientRect();
  const width = Math.round(box.width || Number(el.getAttribute('width')) || 300);
  const height = Math.round(box.height || Number(el.getAttribute('height')) || 150);
  const clone = el.cloneNode(true) as SVGSVGElement;
  const src = [el, ...el.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < src.length; i++) if (!(src[i] instanceof SVGStyleElement)) inline(src[i], dst[i]);
  for (const n of clone.querySelectorAll('[data-export-skip]')) n.remove();
  // interaction-only attributes have no meaning in a file
  for (const n of [clone, ...clone.querySelectorAll('*')]) {
    for (const a of [...n.attributes]) if (a.name.startsWith('on') || a.name === 'tabindex') n.removeAttribute(a.name);
  }
  clone.setAttribute('xmlns', SVG_NS);
  // the file's box holds everything drawn: labels outside the chart's viewBox (an axis label's overhang)
  // would be cut, so the viewBox grows to the drawing's bounding box and the size with it
  const vb = el.viewBox.baseVal && el.viewBox.baseVal.width > 0 ? el.viewBox.baseVal : { x: 0, y: 0, width, height };
  const k = width / vb.width;
  const grown = grow(vb, contentBox(el));
  const outW = Math.ceil(grown.width * k);
  const outH = Math.ceil(grown.height * k);
  clone.setAttribute('width', String(outW));
  clone.setAttribute('height', String(outH));
  clone.setAttribute('viewBox', `${grown.x} ${grown.y} ${grown.width} ${grown.height}`);
  clone.setAttribute('overflow', 'visible');
  clone.removeAttribute('x');
  clone.removeAttribute('y');
  // the CSS background of the chart, if any, as a rectangle behind it
  const bg = getComputedStyle(el).backgroundColor;
  let markup = new XMLSerializer().serializeToString(clone);
  if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
    const vb = clone.getAttribute('viewBox')!.split(/[\s,]+/).map(Number);
    markup = markup.replace(/^(<svg[^>]*>)/, `$1<rect x="${vb[0]}" y="${vb[1]}" width="${vb[2]}" height="${vb[3]}" fill="${bg}"/>`);
  }
  return { svg: markup, width: outW, height: outH };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The drawing's bounding box in the svg's user units (text included), or null when it has none. */
function contentBox(el: SVGSVGElement): Box | null {
  try {
    const b = el.getBBox();
    return b.width > 0 || b.height > 0 ? b : null;
  } catch {
    return null;
  }
}

/** The union of a box with another (a little margin for glyph overhang), rounded outwards. */
export function grow(a: Box, b: Box | null, margin = 0): Box {
  if (!b) return a;
  const x0 = Math.floor(Math.min(a.x, b.x - margin));
  const y0 = Math.floor(Math.min(a.y, b.y - margin));
  const x1 = Math.ceil(Math.max(a.x + a.width, b.x + b.width + margin));
  const y1 = Math.ceil(Math.max(a.y + a.height, b.y + b.height + margin));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
