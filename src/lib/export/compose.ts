/**
 * Pure SVG assembly for the image exports: an inner picture (an SVG document string) placed on a white
 * page with an optional caption block under it (title, filters, data date, attribution) and an embedded
 * font (@font-face with data URLs, so the file renders the same offline and anywhere). No DOM needed.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_STACK = "'Noto Sans', system-ui, sans-serif";

/** Caption layout (CSS px). */
export const CAPTION = { pad: 10, size: 12, line: 17, charWidth: 0.56 } as const;

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Greedy word wrap to lines of about `width` px at `size` px (approximate glyph width). */
export function wrapText(text: string, width: number, size: number = CAPTION.size): string[] {
  const max = Math.max(10, Math.floor(width / (size * CAPTION.charWidth)));
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > max) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

/** Caption lines wrapped to the image width. */
export function captionLines(lines: readonly string[] | undefined, width: number): string[] {
  return (lines ?? []).map((l) => l.trim()).filter(Boolean).flatMap((l) => wrapText(l, width - 2 * CAPTION.pad));
}

/** Height in px of a caption block of `n` wrapped lines (0 when none). */
export function captionHeight(n: number): number {
  return n > 0 ? CAPTION.pad + n * CAPTION.line + CAPTION.pad / 2 : 0;
}

/** <text> elements of the caption block starting at `top`. */
export function captionSvg(wrapped: readonly string[], top: number): string {
  return wrapped
    .map(
      (l, i) =>
        `<text class="export-caption" x="${CAPTION.pad}" y="${top + CAPTION.pad + (i + 1) * CAPTION.line - 4}" font-family="${escapeXml(FONT_STACK)}" font-size="${CAPTION.size}" fill="#444">${escapeXml(l)}</text>`
    )
    .join('');
}

export interface ComposeInput {
  /** a complete <svg …>…</svg> document (vector chart, or html-to-image's foreignObject picture) */
  inner: string;
  /** its size in CSS px */
  width: number;
  height: number;
  caption?: readonly string[];
  /** @font-face CSS (data URLs) to embed */
  fontCss?: string;
}

export interface Composed {
  svg: string;
  width: number;
  height: number;
}

/** Drops an XML declaration / doctype so the document can be nested. */
function nestable(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '').trim();
}

/** The inner picture on a white page with the caption under it, as one standalone SVG document. */
export function composeSvg({ inner, width, height, caption, fontCss }: ComposeInput): Composed {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const wrapped = captionLines(caption, w);
  const total = h + captionHeight(wrapped.length);
  // the nested document keeps its own size and viewBox; positioned at the top left
  const nested = nestable(inner).replace(/^<svg\b/, `<svg x="0" y="0"`);
  const style = fontCss ? `<style>${fontCss}</style>` : '';
  const svg =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${total}" viewBox="0 0 ${w} ${total}">` +
    `${style}<rect width="${w}" height="${total}" fill="#ffffff"/>${nested}${captionSvg(wrapped, h)}</svg>`;
  return { svg, width: w, height: total };
}
