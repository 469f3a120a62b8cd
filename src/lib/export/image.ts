/**
 * Charts and maps as image files. An element that is an <svg> is serialized as vector SVG with its
 * computed styles inlined; any other element (HTML bar charts, the map with its legend) goes through
 * html-to-image (foreignObject SVG, and a canvas for PNG). PNG is drawn at `pixelRatio` (default 2) on a
 * white background so it reads on slides. Browser only.
 */
import { toBlob, toSvg } from 'html-to-image';
import { downloadBlob } from './download.ts';

export type ImageFormat = 'png' | 'svg';

const OPTIONS = { backgroundColor: '#ffffff', cacheBust: false, skipFonts: false } as const;

/** Elements marked data-export-skip (buttons, toolbars) are left out of the image. */
const keep = (n: HTMLElement): boolean => !(n instanceof Element && n.hasAttribute('data-export-skip'));

export async function elementToSvg(el: HTMLElement): Promise<string> {
  const dataUrl = await toSvg(el, { ...OPTIONS, filter: keep });
  return decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
}

export async function elementToPng(el: HTMLElement, pixelRatio = 2): Promise<Blob> {
  const blob = await toBlob(el, { ...OPTIONS, pixelRatio, filter: keep });
  if (!blob) throw new Error('PNG export failed');
  return blob;
}

export async function exportImage(el: HTMLElement, name: string, format: ImageFormat): Promise<void> {
  if (format === 'png') downloadBlob(`${name}.png`, await elementToPng(el));
  else downloadBlob(`${name}.svg`, new Blob([await elementToSvg(el)], { type: 'image/svg+xml;charset=utf-8' }));
}
