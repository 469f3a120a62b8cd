// Issue 19: layouts on a phone (390 × 844), a laptop/projector (1280 × 720) and a desktop (1440 × 900).
// The view navigation, the current view and region, and the whole map are in the first screen; nothing
// overflows the viewport sideways (a wide table scrolls in its own box, its first column kept); on the
// phone the filters are one summary line that opens a sheet (a modal dialog) where a filter applies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForMap } from './harness.mjs';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 }
];
const PAGES = [
  ['', '?periode=2025-2', 'Peta & ringkasan', 'Indonesia'],
  ['intervensi', '?periode=2025-2&tampilan=intervensi&wilayah=32', 'Intervensi', 'Jawa Barat'],
  ['penyebab', '?periode=2025-2&tampilan=penyebab&wilayah=32&kabkota=32.05', 'Penyebab', 'Garut'],
  ['kalender', '?periode=2025-2&tampilan=kalender&indikator=calendar_on_track', 'Kalender audit', 'Indonesia']
];

/** Elements sticking out of the viewport sideways, unless inside a box that scrolls or clips them. */
function overflowing() {
  const W = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const bad = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.right <= W + 0.5 && r.left >= -0.5)) continue;
    if (el.closest('.visually-hidden') || clipped(el)) continue;
    bad.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, width: W, bad: bad.slice(0, 8) };
}

const rectOf = (page, selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON());
function assertOnFirstScreen(r, vp, what) {
  assert.ok(r.top >= 0 && r.bottom <= vp.height + 0.5, `${what} is in the first screen (${Math.round(r.top)}–${Math.round(r.bottom)} of ${vp.height})`);
  assert.ok(r.left >= -0.5 && r.right <= vp.width + 0.5, `${what} is within the width`);
}

describe('layouts: first screen and no sideways overflow', () => {
  const app = useApp();

  for (const vp of VIEWPORTS) {
    it(`${vp.width} × ${vp.height}: navigation, current view, region and map in the first screen; no overflow`, async () => {
      const { page, errors } = await app.open({ viewport: vp });
      const phone = vp.width <= 480;
      for (const [code, search, label, place] of PAGES) {
        await page.goto(`${app.server.url}/${search}`);
        await waitForMap(page);
        if (code) await page.waitForSelector(`[data-testid="view-${code}"]`);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => window.scrollTo(0, 0));
        const ctx = `${vp.width}×${vp.height} ${code || 'peta'}`;

        assertOnFirstScreen(await rectOf(page, '[data-testid="view-tabs"]'), vp, `${ctx}: view navigation`);
        assertOnFirstScreen(await rectOf(page, '[data-testid="map"] .stage'), vp, `${ctx}: map`);
        // the current view is named at the top: the marked link, or on phones the menu button
        const current = phone ? page.locator('[data-testid="view-menu"]') : page.locator('[data-testid="view-tabs"] a[aria-current="page"]');
        assert.ok(await current.isVisible(), `${ctx}: current view shown`);
        assert.match(await current.innerText(), new RegExp(label.replace('&', '\\&')));
        assertOnFirstScreen(await current.evaluate((el) => el.getBoundingClientRect().toJSON()), vp, `${ctx}: current view`);
        assert.ok(await page.isVisible('[data-testid="nav-place"]'), `${ctx}: region shown`);
        assert.match(await page.innerText('[data-testid="nav-place"]'), new RegExp(place));
        // every view is reachable from the top: on phones through the menu
        const links = page.locator('[data-testid="view-tabs"] a');
        assert.equal(await links.count(), 5);
        assert.equal(await links.first().isVisible(), !phone, `${ctx}: links ${phone ? 'folded in the menu' : 'shown'}`);

        const o = await page.evaluate(overflowing);
        assert.deepEqual(o.bad, [], `${ctx}: elements overflowing the viewport`);
        assert.ok(o.scrollWidth <= o.width, `${ctx}: page scrolls sideways (${o.scrollWidth} > ${o.width})`);

        // scrolled down to the view, the navigation and the region stay on screen
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const nav = await rectOf(page, '[data-testid="view-tabs"]');
        assert.ok(nav.top >= -0.5 && nav.top < 2, `${ctx}: navigation sticks to the top when scrolled (top ${nav.top})`);
        assert.ok(await page.isVisible('[data-testid="nav-place"]'));
      }
      // the phone's filter summary only on phones; the bar elsewhere
      assert.equal(await page.isVisible('[data-testid="filter-summary"]'), phone);
      assert.equal(await page.isVisible('[data-testid="filter-period"]'), !phone);
      assert.deepEqual(errors, []);
    });
  }

  it('390 × 844: the filter summary opens a sheet in which a filter applies; Escape closes it, focus stays inside', async () => {
    const vp = VIEWPORTS[0];
    const { page } = await app.open({ viewport: vp });
    await page.goto(`${app.server.url}/?periode=2025-2`);
    await waitForMap(page);
    const summary = page.locator('[data-testid="filter-summary"]');
    assert.equal(await page.innerText('[data-testid="filter-summary-text"]'), '2025-II · Semua sasaran · Kasus diaudit');
    assertOnFirstScreen(await summary.evaluate((el) => el.getBoundingClientRect().toJSON()), vp, 'filter summary');
    // the filter bar itself is not on the phone's page
    assert.equal(await page.locator('[data-testid="filter-period"]').count(), 0);

    await summary.click();
    const sheet = page.locator('[data-testid="filter-sheet"]');
    await page.waitForSelector('[data-testid="filter-sheet"][open] [data-testid="filter-period"]');
    assert.equal(await sheet.evaluate((d) => d.matches(':modal')), true, 'a modal dialog');
    assert.equal(await sheet.getAttribute('aria-labelledby').then((id) => page.innerText(`#${id}`)), 'Filter');
    assertOnFirstScreen(await rectOf(page, '[data-testid="filter-sheet"]'), vp, 'sheet');

    // a filter applies: the semester and the target group change the URL, the summary and the map
    await sheet.locator('[data-testid="filter-period"]').selectOption('2024-1');
    await page.waitForURL(/periode=2024-1/);
    await sheet.locator('[data-testid="filter-group"]').selectOption('baduta');
    await page.waitForURL(/sasaran=baduta/);
    await waitForMap(page);
    assert.match(await sheet.innerText(), /2024-I · Baduta/);

    // focus is trapped: Tab and Shift+Tab cycle inside the sheet
    await sheet.locator('[data-testid="filter-period"]').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="filter-sheet"]')), `focus left the sheet after ${i + 1} presses`);
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="filter-sheet"]:not([open])', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'filter-summary', 'focus back on the summary');
    assert.equal(await page.innerText('[data-testid="filter-summary-text"]'), '2024-I · Baduta (0–23 bulan) · Kasus diaudit');

    // the "Selesai" button closes it too
    await summary.click();
    await page.click('[data-testid="filter-sheet-done"]');
    await page.waitForSelector('[data-testid="filter-sheet"]:not([open])', { state: 'attached' });
  });

  it('390 × 844: the views menu names the current view, opens with the keyboard and moves to the view', async () => {
    const { page } = await app.open({ viewport: VIEWPORTS[0] });
    await page.goto(`${app.server.url}/?periode=2025-2&wilayah=32`);
    await waitForMap(page);
    const menu = page.locator('[data-testid="view-menu"]');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    const link = page.getByRole('link', { name: 'Penyebab' });
    assert.ok(await link.isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'view-menu');
    await menu.click();
    await link.click();
    await page.waitForURL(/tampilan=penyebab/);
    await page.waitForSelector('[data-testid="view-penyebab"]');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.match(await menu.innerText(), /Penyebab/);
    // the view was scrolled to, under the sticky navigation
    await page.waitForFunction(() => {
      const v = document.getElementById('view')?.getBoundingClientRect();
      return v && v.top >= 0 && v.top < window.innerHeight / 2;
    });
  });

  it('390 × 844: a wide table scrolls in its own box with its first column kept in place', async () => {
    const { page } = await app.open({ viewport: VIEWPORTS[0] });
    await page.goto(`${app.server.url}/?periode=2025-2&tampilan=intervensi&wilayah=32`);
    await waitForMap(page);
    const table = page.locator('[data-testid="coverage-table"]');
    await table.waitFor();
    const box = await table.evaluate((t) => {
      let p = t.parentElement;
      while (p && !/auto|scroll/.test(getComputedStyle(p).overflowX)) p = p.parentElement;
      return p ? { sw: p.scrollWidth, cw: p.clientWidth } : null;
    });
    assert.ok(box && box.sw > box.cw, `the table is wider than its scroll box (${JSON.stringify(box)})`);
    const firstCell = table.locator('tbody tr').first().locator('th, td').first();
    const secondCell = table.locator('tbody tr').first().locator('th, td').nth(1);
    const before = [await firstCell.boundingBox(), await secondCell.boundingBox()];
    await table.evaluate((t) => {
      let p = t.parentElement;
      while (p && !/auto|scroll/.test(getComputedStyle(p).overflowX)) p = p.parentElement;
      p.scrollLeft = 150;
    });
    const after = [await firstCell.boundingBox(), await secondCell.boundingBox()];
    assert.ok(Math.abs(after[0].x - before[0].x) < 1, 'the first column stays');
    assert.ok(before[1].x - after[1].x > 100, 'the other columns scroll');
  });
});

describe('the story on a phone', () => {
  const app = useApp();
  const STORY = '/cerita/?wilayah=32&kabkota=32.05&periode=2025-2';
  const layar = (page) => new URL(page.url()).searchParams.get('layar') ?? '1';

  /** A finger stroke across the deck through Chromium's touch input (pointer events follow from it). */
  async function stroke(page, cdp, from, to) {
    const steps = 8;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= steps; i++) {
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  it('390 × 844: one screen at a time, nothing wider than the phone, swipe and keys move between screens', async () => {
    const { page, context } = await app.open({ viewport: VIEWPORTS[0] });
    await page.goto(app.server.url + STORY);
    await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    assert.equal(await page.locator('section.screen:visible').count(), 1, 'one screen shown');
    for (let i = 1; i <= 5; i++) {
      if (i > 1) {
        await page.keyboard.press('ArrowRight');
        await page.waitForSelector(`section.screen.current[data-screen="${i}"]`);
      }
      const o = await page.evaluate(overflowing);
      assert.deepEqual(o.bad, [], `screen ${i}: elements overflowing the phone`);
      assert.ok(o.scrollWidth <= o.width, `screen ${i}: page scrolls sideways (${o.scrollWidth} > ${o.width})`);
    }
    await page.keyboard.press('Home');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('layar'));

    const cdp = await context.newCDPSession(page);
    const deck = await rectOf(page, 'section.screen.current .screen-head');
    const y = deck.top + deck.height / 2;
    await stroke(page, cdp, { x: 330, y }, { x: 60, y: y + 10 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '2');
    await stroke(page, cdp, { x: 330, y }, { x: 60, y });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '3');
    await stroke(page, cdp, { x: 60, y }, { x: 330, y });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '2');
    // a vertical stroke (scrolling) or a short one does not change the screen
    await stroke(page, cdp, { x: 200, y: y + 200 }, { x: 190, y: y - 100 });
    await stroke(page, cdp, { x: 200, y }, { x: 170, y });
    await page.waitForTimeout(300);
    assert.equal(layar(page), '2');
    assert.match(await page.innerText('[data-testid="story-position"]'), /2/);
  });
});
