// Issue 19: an accessibility audit with axe-core (@axe-core/playwright on playwright-core and Debian's
// Chromium) over every route and view, in Bahasa Indonesia and English, with the WebGL map and with the
// SVG fallback, on a desktop and a phone screen: no serious or critical violation may remain. The
// summary of every page audited is written to test-results/axe-summary.json (the README quotes it).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { root, useApp, waitForMap } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DASHBOARD = [
  ['peta', '?periode=2025-2'],
  ['peta-kabupaten', '?periode=2025-2&wilayah=32&kabkota=32.05&indikator=coverage'],
  ['peta-publik', '?periode=2025-2&wilayah=53&publik=1'],
  ['intervensi', '?periode=2025-2&tampilan=intervensi&wilayah=32'],
  ['penyebab', '?periode=2025-2&tampilan=penyebab&wilayah=32'],
  ['kalender', '?periode=2025-2&tampilan=kalender&indikator=calendar_on_track']
];
const STORY = '/cerita/?wilayah=32&kabkota=32.05&periode=2025-2';
const summary = [];

/** Runs axe on the page as it is; returns the serious and critical violations, one line each. */
async function audit(page, name) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const count = (impact) => r.violations.filter((v) => v.impact === impact).reduce((s, v) => s + v.nodes.length, 0);
  summary.push({
    page: name,
    rules: r.passes.length + r.violations.length,
    passes: r.passes.length,
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
    other: r.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => v.id)
  });
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${name}: ${v.impact} ${v.id} at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

after(() => {
  const dir = join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'axe-summary.json'), JSON.stringify(summary, null, 1));
});

for (const webgl of [true, false]) {
  describe(`axe audit (${webgl ? 'WebGL map' : 'no WebGL: SVG map'})`, () => {
    const app = useApp({ webgl });
    const tag = webgl ? 'webgl' : 'svg';

    for (const lang of ['id', 'en']) {
      it(`dashboard: every view, ${lang}`, async () => {
        const { page } = await app.open({ viewport: DESKTOP });
        const found = [];
        for (const [name, search] of DASHBOARD) {
          await page.goto(`${app.server.url}/${search}&lang=${lang}`);
          await waitForMap(page);
          if (name.startsWith('peta')) {
            // the map's region table too
            await page.click('[data-testid="map-table-toggle"]');
          } else {
            await page.waitForSelector(`[data-testid="view-${name}"]`);
            await page.waitForLoadState('networkidle');
          }
          found.push(...(await audit(page, `${tag}/${lang}/${name}`)));
        }
        assert.deepEqual(found, []);
      });

      it(`story: picker and its five screens, ${lang}`, async () => {
        const { page } = await app.open({ viewport: DESKTOP });
        const found = [];
        await page.goto(`${app.server.url}/cerita/?lang=${lang}`);
        await page.waitForSelector('[data-testid="story-picker"]', { timeout: 60_000 });
        found.push(...(await audit(page, `${tag}/${lang}/cerita-pilih`)));
        await page.goto(`${app.server.url}${STORY}&lang=${lang}`);
        await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
        for (let i = 1; i <= 5; i++) {
          if (i > 1) {
            await page.keyboard.press('ArrowRight');
            await page.waitForSelector(`section.screen.current[data-screen="${i}"]`);
          }
          found.push(...(await audit(page, `${tag}/${lang}/cerita-${i}`)));
        }
        assert.deepEqual(found, []);
      });
    }

    it('phone: the map first, the views menu and the filter sheet open', async () => {
      const { page } = await app.open({ viewport: PHONE });
      const found = [];
      await page.goto(`${app.server.url}/?periode=2025-2&tampilan=penyebab&wilayah=32`);
      await waitForMap(page);
      found.push(...(await audit(page, `${tag}/phone/penyebab`)));
      await page.click('[data-testid="view-menu"]');
      found.push(...(await audit(page, `${tag}/phone/menu`)));
      await page.keyboard.press('Escape');
      await page.click('[data-testid="filter-summary"]');
      await page.waitForSelector('[data-testid="filter-sheet"][open] [data-testid="filter-period"]');
      found.push(...(await audit(page, `${tag}/phone/filter-sheet`)));
      await page.keyboard.press('Escape');
      await page.goto(`${app.server.url}${STORY}`);
      await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
      found.push(...(await audit(page, `${tag}/phone/cerita-1`)));
      assert.deepEqual(found, []);
    });
  });
}

describe('keyboard paths', () => {
  const app = useApp();

  /** The focused element: a name to check the order by, and whether its focus is drawn. */
  const focused = (page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-testid') ?? el.getAttribute('data-view') ?? el.className.split(' ')[0] ?? el.tagName,
        text: (el.textContent ?? '').trim().slice(0, 40),
        inMain: !!el.closest('#main'),
        inNav: !!el.closest('[data-testid="view-tabs"]'),
        ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
        onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
      };
    });

  it('skip link first, then header, view navigation, filters and the map, each with a visible focus ring', async () => {
    const { page } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.server.url}/?periode=2025-2`);
    await waitForMap(page);
    const stops = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    assert.equal(stops[0].id, 'skip-link');
    for (const s of stops) {
      assert.ok(s.ring, `focus ring drawn on ${s.id}`);
      assert.ok(s.onScreen, `focused ${s.id} is on screen`);
    }
    const at = (pred, what) => {
      const i = stops.findIndex(pred);
      assert.ok(i >= 0, `${what} reached by Tab: ${stops.map((s) => s.id).join(', ')}`);
      return i;
    };
    const lang = at((s) => s.id === 'lang-switch', 'language switch');
    const nav = at((s) => s.inNav, 'view navigation');
    const views = stops.filter((s) => s.inNav).map((s) => s.text);
    assert.deepEqual(views.slice(0, 5), ['Peta & ringkasan', 'Intervensi', 'Penyebab', 'Kalender audit', 'Cerita kabupaten']);
    const filters = at((s) => s.id === 'filter-period', 'filters');
    const map = at((s) => s.inMain, 'the map column');
    assert.ok(lang < nav && nav < filters && filters < map, 'header → navigation → filters → map');

    // the skip link jumps over all of it
    await page.goto(`${app.server.url}/?periode=2025-2`);
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).inMain, true, 'after the skip link, Tab lands in the main content');
  });

  it('map ↔ table: the table toggle opens the regions table, a row drills in, the toggle closes it', async () => {
    const { page } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.server.url}/?periode=2025-2`);
    await waitForMap(page, { level: 'province' });
    await page.focus('[data-testid="map-table-toggle"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('[data-testid="map-table-toggle"]', 'aria-expanded'), 'true');
    // Tab into the table: its sort buttons, then its rows
    let inRow = false;
    for (let i = 0; i < 8 && !inRow; i++) {
      await page.keyboard.press('Tab');
      inRow = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="map-table"] tbody [data-code]'));
    }
    assert.ok(inRow, 'Tab reaches the rows of the table');
    const code = await page.evaluate(() => document.activeElement?.closest('[data-code]')?.getAttribute('data-code'));
    assert.ok(code, 'a region row has the focus');
    await page.keyboard.press('Enter');
    await waitForMap(page, { level: 'regency' });
    assert.match(page.url(), new RegExp(`wilayah=${code}\\b`));
    await page.focus('[data-testid="map-table-toggle"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('[data-testid="map-table-toggle"]', 'aria-expanded'), 'false');
  });
});
