// Legend sets (issue 18): the WHO/UNICEF stunting classes colour known provinces as their published
// prevalence says (values from DuckDB), with the national 14 % target in the legend; fixed 0–100 %
// classes for shares; both in the URL. Runs without WebGL, so the SVG map's own fills are checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { query, useApp, waitForMap } from './harness.mjs';

const app = useApp({ webgl: false });
const PREV = '/?indikator=prevalence&survei=SSGI-2022';

/** Per region of the map: class index, the table swatch colour and the SVG path fill. */
async function drawn(page) {
  return page.evaluate(() => {
    const out = {};
    for (const tr of document.querySelectorAll('[data-testid="map-table"] tr[data-code]')) {
      const code = tr.getAttribute('data-code');
      const path = document.querySelector(`svg path[data-code="${code}"]`);
      out[code] = {
        cls: Number(tr.getAttribute('data-class')),
        value: tr.getAttribute('data-value') === '' ? null : Number(tr.getAttribute('data-value')),
        swatch: getComputedStyle(tr.querySelector('.sw')).backgroundColor,
        fill: path ? getComputedStyle(path).fill : null
      };
    }
    const legend = [...document.querySelectorAll('[data-testid="legend"] li[data-class]')]
      .filter((li) => li.dataset.class !== 'none')
      .map((li) => ({ label: li.querySelector('.label').textContent.trim(), color: getComputedStyle(li.querySelector('.swatch')).backgroundColor }));
    return { regions: out, legend };
  });
}

describe('legend sets', () => {
  it('WHO/UNICEF classes by default for stunting prevalence: NTT ≥ 30 %, Bali 2,5–< 10 %, target line 14 %', async () => {
    const { page, external } = await app.open();
    await page.goto(app.server.url + PREV);
    await waitForMap(page, { level: 'province' });
    await page.waitForFunction(() => document.querySelectorAll('svg path[data-code]').length === 38);
    const { regions, legend } = await drawn(page);
    assert.deepEqual(legend.map((l) => l.label), ['< 2,5%', '2,5% – < 10%', '10% – < 20%', '20% – < 30%', '≥ 30%']);
    assert.match(await page.textContent('[data-testid="legend-target"]'), /Target nasional 14 %/);
    assert.equal(await page.inputValue('[data-testid="filter-classification"]'), 'auto');

    const figures = await query(`SELECT region_code AS code, prevalence_pct AS v FROM prevalence WHERE level = 'province' AND survey = 'SSGI' AND year = 2022`);
    const who = (v) => (v < 2.5 ? 0 : v < 10 ? 1 : v < 20 ? 2 : v < 30 ? 3 : 4);
    let checked = 0;
    for (const f of figures) {
      const r = regions[f.code];
      if (!r) continue;
      assert.ok(Math.abs(r.value - f.v) < 1e-9, `value ${f.code}`);
      assert.equal(r.cls, who(f.v), `class of ${f.code} (${f.v} %)`);
      assert.equal(r.swatch, legend[r.cls].color, `table colour of ${f.code}`);
      assert.equal(r.fill, legend[r.cls].color, `map fill of ${f.code}`);
      checked++;
    }
    assert.ok(checked >= 34, `provinces with a 2022 figure: ${checked}`);
    assert.equal(regions['53'].cls, 4, 'NTT 35,3 % is very high');
    assert.equal(regions['51'].cls, 1, 'Bali 8,0 % is low');

    // quantiles on request: Bali falls into the lowest class, and no target line
    await page.selectOption('[data-testid="filter-classification"]', 'quantile');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kelas') === 'quantile');
    await page.waitForFunction(() => document.querySelector('[data-testid="map-table"] tr[data-code="51"]')?.getAttribute('data-class') === '0');
    assert.equal(await page.locator('[data-testid="legend-target"]').count(), 0);
    assert.deepEqual(external, []);
  });

  it('fixed 0–100 % classes for a share, from the URL: the legend lists all five and each region sits in its class', async () => {
    const { page } = await app.open();
    await page.goto(app.server.url + '/?indikator=sensitive_share&periode=2024-1&kelas=fixed');
    await waitForMap(page, { level: 'province' });
    await page.waitForFunction(() => document.querySelectorAll('svg path[data-code]').length === 38);
    const { regions, legend } = await drawn(page);
    assert.deepEqual(legend.map((l) => l.label), ['< 20%', '20% – < 40%', '40% – < 60%', '60% – < 80%', '≥ 80%']);
    assert.equal(await page.inputValue('[data-testid="filter-classification"]'), 'fixed');
    const who = await page.$$eval('[data-testid="filter-classification"] option', (o) => o.map((x) => x.value));
    assert.ok(!who.includes('who'), 'no WHO classes for a share');
    for (const [code, r] of Object.entries(regions)) {
      if (r.value === null) continue;
      assert.equal(r.cls, Math.min(4, Math.floor(r.value / 20)), `class of ${code} (${r.value})`);
      assert.equal(r.fill, legend[r.cls].color, `map fill of ${code}`);
    }
  });
});
