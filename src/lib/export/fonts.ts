/**
 * The app's font (Noto Sans, self-hosted by @fontsource through Vite) as @font-face CSS with data URLs,
 * for embedding in exported SVG/PNG. The woff2 files are fetched from the app's own origin (allowed by
 * the production CSP `connect-src 'self'`), never from elsewhere, and cached. Only the Latin subset is
 * embedded (Indonesian and English text, dashes, ellipsis, the minus sign), in the weights a picture uses.
 */
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin500 from '@fontsource/noto-sans/files/noto-sans-latin-500-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';

export type FontWeight = 400 | 500 | 600 | 700;
const FILES: Record<FontWeight, string> = { 400: latin400, 500: latin500, 600: latin600, 700: latin700 };
const RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/** A CSS font-weight (number or keyword) rounded to an embedded weight. */
export function nearestWeight(w: string | number): FontWeight {
  const n = w === 'bold' ? 700 : w === 'normal' ? 400 : Number(w);
  if (!Number.isFinite(n) || n < 450) return 400;
  if (n < 550) return 500;
  if (n < 650) return 600;
  return 700;
}

const cache = new Map<FontWeight, Promise<string>>();

async function dataUrlOf(url: string): Promise<string> {
  if (url.startsWith('data:')) return url; // inlined by Vite
  const u = new URL(url, location.href);
  if (u.origin !== location.origin) throw new Error(`font outside the app's origin: ${u.href}`);
  const res = await fetch(u);
  if (!res.ok) throw new Error(`${u.pathname}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(bin)}`;
}

function faceOf(weight: FontWeight): Promise<string> {
  let p = cache.get(weight);
  if (!p) {
    p = dataUrlOf(FILES[weight]).then(
      (src) =>
        `@font-face{font-family:'Noto Sans';font-style:normal;font-weight:${weight};src:url(${src}) format('woff2');unicode-range:${RANGE};}`
    );
    p.catch(() => cache.delete(weight));
    cache.set(weight, p);
  }
  return p;
}

/** @font-face CSS for the given weights (400 always included). Browser only. */
export async function fontCss(weights: Iterable<FontWeight> = [400]): Promise<string> {
  const set = new Set<FontWeight>([400, ...weights]);
  const faces = await Promise.all([...set].sort().map(faceOf));
  return faces.join('\n');
}

/** Embedded weights used by the text in `el` (computed font-weight of its elements). */
export function weightsUsed(el: Element): Set<FontWeight> {
  const out = new Set<FontWeight>();
  const all = [el, ...el.querySelectorAll('*')];
  for (const n of all) out.add(nearestWeight(getComputedStyle(n).fontWeight));
  return out;
}
