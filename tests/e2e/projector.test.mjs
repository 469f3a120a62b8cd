// Projector check (issue 19, item 3): the district story at 1280 × 720 and 1920 × 1080, each of its
// five screens in public and internal mode (and in English at 1280 × 720), fits the viewport — the page
// does not scroll, no visible element reaches outside the viewport or runs from a screen's body over its
// title block or footer, nothing is clipped inside a box that hides its overflow — and no visible text
// is smaller than 20 px. Text inside an SVG counts at the size it is drawn (its computed font size times
// the SVG's scale on screen); inside an SVG only what its frame shows counts as on screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

// another regency: PROJECTOR_STORY='/cerita/?wilayah=71&kabkota=71.09' node --test tests/e2e/projector.test.mjs
const STORY = process.env.PROJECTOR_STORY ?? '/cerita/?wilayah=32&kabkota=32.05';
const MIN_PX = 20;
/** At most 15 offenders, one a line (the rest counted). */
const few = (list) => [...list.slice(0, 15), ...(list.length > 15 ? [`… and ${list.length - 15} more`] : [])].join('\n    ');
const CASES = [
  { width: 1280, height: 720, lang: 'id' },
  { width: 1920, height: 1080, lang: 'id' },
  { width: 1280, height: 720, lang: 'en' }
];

/** In the page: what does not fit on the current screen (runs in the browser). */
function measure(minPx) {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const doc = document.documentElement;
  // out of sight by design, for screen readers only: a box of at most 1 × 1 px that hides its overflow
  // or is clipped away (the visually-hidden pattern: headings, the map's table, the route announcer),
  // and the skip link until it is focused
  const hiddenCache = new Map();
  const srOnly = (el) => {
    if (!el || el === document.body) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const own = cs.clipPath.startsWith('inset(50%') || cs.clip === 'rect(0px, 0px, 0px, 0px)' ||
      (r.width <= 1 && r.height <= 1 && cs.overflow !== 'visible');
    const v = own || srOnly(el.parentElement);
    hiddenCache.set(el, v);
    return v;
  };
  const offstage = (el) => !!el.closest('.skip-link:not(:focus)') || srOnly(el);
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !offstage(el);
  const name = (el) => {
    const id = el.getAttribute('data-testid') ? `[data-testid="${el.getAttribute('data-testid')}"]` : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${id}${cls}`;
  };
  const outside = [];
  const clipped = [];
  // the screen's content stays between its title block and its footer (no overlap)
  const screen = document.querySelector('section.screen.current');
  const headBottom = screen?.querySelector('.screen-head')?.getBoundingClientRect().bottom ?? 0;
  const footTop = screen?.querySelector('.screen-foot')?.getBoundingClientRect().top ?? vh;
  const overlapping = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // inside an SVG only what its viewport shows counts (a map's neighbours run past its frame)
    const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
    if (svg && getComputedStyle(svg).overflow !== 'visible') {
      const f = svg.getBoundingClientRect();
      const left = Math.max(r.left, f.left), top = Math.max(r.top, f.top);
      r = { left, top, right: Math.max(left, Math.min(r.right, f.right)), bottom: Math.max(top, Math.min(r.bottom, f.bottom)) };
    }
    if (el.closest('section.screen.current .screen-body') && !el.closest('.tools') && (r.top < headBottom - 0.5 || r.bottom > footTop + 0.5))
      overlapping.push(`${name(el)} [${Math.round(r.top)} → ${Math.round(r.bottom)} outside ${Math.round(headBottom)} → ${Math.round(footTop)}]`);
    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)
      outside.push(`${name(el)} [${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}]`);
    const cs = getComputedStyle(el);
    if (el instanceof SVGElement) continue;
    // a box that hides (or scrolls) its overflow and has more content than room
    const ox = cs.overflowX !== 'visible';
    const oy = cs.overflowY !== 'visible';
    if ((ox && el.scrollWidth > el.clientWidth + 1) || (oy && el.scrollHeight > el.clientHeight + 1))
      clipped.push(`${name(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
  }
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || !shown(el) || el.closest('title, style, script, option')) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < minPx - 0.05) small.push(`${px.toFixed(1)}px ${name(el)} "${text.slice(0, 40)}"`);
  }
  return { vw, vh, scrollWidth: doc.scrollWidth, scrollHeight: doc.scrollHeight, outside, overlapping, clipped, small };
}

describe('the district story on a projector', () => {
  const app = useApp();

  for (const { width, height, lang } of CASES) {
    for (const publik of ['1', '0']) {
      const mode = publik === '1' ? 'public' : 'internal';
      it(`${width} × ${height}, ${lang}, ${mode} mode: five screens fit, no text below ${MIN_PX} px`, async () => {
        const { page, errors } = await app.open({ viewport: { width, height } });
        await page.goto(`${app.server.url}${STORY}&publik=${publik}&lang=${lang}`);
        await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
        assert.equal(await page.getAttribute('[data-testid="story"]', 'data-public'), publik === '1' ? 'true' : 'false');
        assert.equal(await page.getAttribute('[data-testid="story"]', 'lang'), lang);
        const failures = [];
        for (let i = 1; i <= 5; i++) {
          if (i > 1) {
            await page.keyboard.press('ArrowRight');
            await page.waitForFunction((n) => new URL(location.href).searchParams.get('layar') === String(n), i);
          }
          await page.waitForSelector(`section.screen.current[data-screen="${i}"]`);
          await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
          await page.evaluate(() => document.fonts.ready);
          const m = await page.evaluate(measure, MIN_PX);
          const at = `screen ${i}`;
          if (m.scrollWidth > m.vw || m.scrollHeight > m.vh) failures.push(`${at}: the page scrolls (${m.scrollWidth}×${m.scrollHeight} in ${m.vw}×${m.vh})`);
          if (m.outside.length) failures.push(`${at}: outside the viewport:\n    ${few(m.outside)}`);
          if (m.overlapping.length) failures.push(`${at}: content over the title block or the footer:\n    ${few(m.overlapping)}`);
          if (m.clipped.length) failures.push(`${at}: clipped:\n    ${few(m.clipped)}`);
          if (m.small.length) failures.push(`${at}: text below ${MIN_PX} px:\n    ${few(m.small)}`);
        }
        assert.deepEqual(errors, []);
        assert.equal(failures.length, 0, `${width} × ${height} ${lang} ${mode}:\n  ${failures.join('\n  ')}`);
      });
    }
  }
});
