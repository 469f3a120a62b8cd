// Issue 3: the dashboard as a user sees it, checked against direct DuckDB queries of the same snapshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, query, startServer, waitForMap } from './harness.mjs';

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

/** The map's accessible table: {code: value} for every region shown. */
async function tableValues(page) {
  return page.$$eval('[data-testid="map-table"] [data-code]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-value')]))
  );
}
const num = (v) => (v === null || v === '' ? null : Number(v));

async function casesBy(level, where = 'TRUE') {
  const key = level === 'province' ? 'province_code' : 'regency_code';
  const rows = await query(`SELECT ${key} AS code, count(*) AS n FROM cases WHERE ${where} GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

async function clickRegion(page, code) {
  const renderer = await page.getAttribute('[data-testid="map"]', 'data-renderer');
  if (renderer === 'svg') {
    await page.click(`[data-testid="map"] path[data-code="${code}"]`);
    return;
  }
  // WebGL: click the map canvas at a point inside the province (found through the map's own projection).
  const pt = await page.evaluate((code) => {
    const map = window.__petaMap;
    const f = map.querySourceFeatures('regions').find((x) => String(x.properties.code) === code);
    const rect = map.getCanvas().getBoundingClientRect();
    // a point from the middle of the feature's own coordinates, projected to the screen
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.sort((a, b) => b[0].length - a[0].length)[0][0];
    const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length;
    const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;
    const p = map.project([lon, lat]);
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, code);
  await page.mouse.click(pt.x, pt.y);
}

for (const webgl of [true, false]) {
  describe(webgl ? 'dashboard (WebGL map)' : 'dashboard (no WebGL: SVG map)', () => {
    let browser;
    before(async () => (browser = await launch({ webgl })));
    after(() => browser?.close());

    it('shows 38 provinces with a legend, values equal to DuckDB, and drills into Jawa Barat', async () => {
      const { page, external } = await openPage(browser);
      await page.goto(`${server.url}/?periode=2024-1&indikator=cases`);
      await waitForMap(page, { level: 'province' });
      assert.equal(await page.getAttribute('[data-testid="map"]', 'data-renderer'), webgl ? 'webgl' : 'svg');
      assert.ok(await page.isVisible('[data-testid="legend"]'), 'legend visible');

      const nat = await tableValues(page);
      assert.equal(Object.keys(nat).length, 38);
      const expected = await casesBy('province', 'year = 2024 AND semester = 1');
      for (const [code, v] of Object.entries(nat)) assert.equal(num(v), expected[code] ?? null, `province ${code}`);

      await clickRegion(page, '32');
      await waitForMap(page, { level: 'regency' });
      assert.match(page.url(), /wilayah=32\b/);
      assert.match(await page.textContent('[data-testid="breadcrumb"]'), /Jawa Barat/);
      const jabar = await tableValues(page);
      assert.equal(Object.keys(jabar).length, 27);
      assert.ok(Object.keys(jabar).every((c) => c.startsWith('32.')));
      const expectedJabar = await casesBy('regency', "year = 2024 AND semester = 1 AND province_code = '32'");
      for (const [code, v] of Object.entries(jabar)) assert.equal(num(v), expectedJabar[code] ?? null, `regency ${code}`);

      // back returns to the national view
      await page.goBack();
      await waitForMap(page, { level: 'province' });
      assert.equal(Object.keys(await tableValues(page)).length, 38);
      assert.deepEqual(external, [], 'no request leaves 127.0.0.1');
    });
  });
}

describe('shareable state and language', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(() => browser?.close());

  it('a copied URL reproduces the view in a new page', async () => {
    const { page, external } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    await page.selectOption('[data-testid="filter-period"]', '2023-2');
    await page.selectOption('[data-testid="filter-group"]', 'baduta');
    await page.selectOption('[data-testid="filter-indicator"]', 'sensitive_share');
    await clickRegion(page, '53');
    await waitForMap(page, { level: 'regency' });
    const url = page.url();
    assert.match(url, /periode=2023-2/);
    const shown = await tableValues(page);

    const second = await openPage(browser);
    await second.page.goto(url);
    await waitForMap(second.page, { level: 'regency' });
    assert.deepEqual(await tableValues(second.page), shown);
    assert.equal(await second.page.inputValue('[data-testid="filter-group"]'), 'baduta');
    assert.equal(await second.page.inputValue('[data-testid="filter-indicator"]'), 'sensitive_share');

    // the share shown (percent) equals DuckDB's share of primary causes that are nutrition-sensitive
    const rows = await query(`SELECT regency_code AS code, 100 * avg(CASE WHEN primary_class = 'sensitif' THEN 1 ELSE 0 END) AS v
      FROM cases WHERE year = 2023 AND semester = 2 AND target_group = 'baduta' AND province_code = '53' AND primary_class IS NOT NULL GROUP BY 1`);
    assert.equal(rows.length, Object.values(shown).filter((v) => v !== null && v !== '').length, 'same regencies with data');
    for (const r of rows) assert.ok(Math.abs(num(shown[r.code]) - r.v) < 1e-9, `regency ${r.code}: ${shown[r.code]} vs ${r.v}`);
    assert.deepEqual([...external, ...second.external], []);
  });

  it('the language switch changes the labels', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    const before = await page.textContent('[data-testid="filter-indicator"]');
    assert.match(before, /Kasus diaudit/);
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const afterText = await page.textContent('[data-testid="filter-indicator"]');
    assert.match(afterText, /Audited cases/);
    assert.match(page.url(), /lang=en/);
  });

  it('shows the boundary attribution', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    assert.match(await page.textContent('body'), /geoBoundaries/);
    assert.match(await page.textContent('body'), /idn-area-data/);
  });
});
