// Issue 15, "Done when": in public mode (publik=1, threshold 5) the same cell — one regency's audited
// cases in one semester, all target groups — shows the same published number wherever a user meets it:
// the dashboard map's tooltip (hovered) and its accessible table, the map's SVG export, the causes
// view's ranking table and its CSV, the story's big number and its locator map's SVG export. That
// number is the p-table (src/lib/privacy/ptable.ts) applied to DuckDB's true count and key sum,
// computed here on the demo snapshot with @duckdb/node-api; the true count (which differs) is not shown.
// Values are read from what the user sees: DOM text, downloaded files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvRows, publishedSql, query, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

// the SVG renderer: the regions are paths the pointer can hover (the same tooltip as over WebGL)
const app = useApp({ webgl: false });
const PROVINCE = '32';
const YEAR = 2025;
const SEMESTER = 2;
const PERIOD = `${YEAR}-${SEMESTER}`;
const fmt = new Intl.NumberFormat('id-ID');
/** The whole numbers in a text (id-ID grouping "1.234" read as 1234; decimals "12,5" left out). */
const numbersIn = (s) => [...s.matchAll(/(?<![\d,.])\d{1,3}(?:\.\d{3})*(?![\d,])/g)].map((m) => Number(m[0].replace(/\./g, '')));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** The <title> of a region's shape in an exported map SVG ("Name: value"), unescaped. */
function svgTitle(svg, code) {
  const m = new RegExp(`<path [^>]*data-code="${code.replace('.', '\\.')}"[^>]*><title>([^<]*)</title>`).exec(svg);
  assert.ok(m, `the SVG has a shape for ${code}`);
  return m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * Moves the pointer over a point where the regency's own shape is the topmost element (the middle of
 * its box can fall in an enclave: Kota Bogor inside Kabupaten Bogor).
 */
async function hoverRegion(page, code) {
  const pt = await page.evaluate((code) => {
    const path = document.querySelector(`[data-testid="map"] svg path[data-code="${code}"]`);
    const b = path.getBoundingClientRect();
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) {
        const x = b.left + (b.width * i) / 20, y = b.top + (b.height * j) / 20;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    return null;
  }, code);
  assert.ok(pt, `a point of ${code} under the pointer`);
  await page.mouse.move(pt.x, pt.y);
}

describe('public mode: one cell, one published value everywhere', () => {
  it('map tooltip, map table, map SVG, causes ranking and its CSV, story total and story map SVG agree with the p-table of DuckDB', async () => {
    // the cell, independently: true count and key sum per regency, and the p-table applied to them
    const cells = await query(`SELECT regency_code AS code, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS k,
        ${publishedSql('count(*)', 'sum(record_key)', 5)} AS p
      FROM cases WHERE province_code = '${PROVINCE}' AND year = ${YEAR} AND semester = ${SEMESTER} GROUP BY 1 ORDER BY 1`);
    // a regency whose true count is well above the threshold and whose published count differs from it
    const cell = cells.find((c) => c.n >= 10 && c.p !== null && c.p !== c.n);
    assert.ok(cell, 'the demo has a regency with a perturbed count here (else this test proves less)');
    const { code, n, p } = cell;
    assert.ok(Math.abs(p - n) <= 3, `published ${p} within ±3 of ${n}`);
    const shown = fmt.format(p);
    const places = {};

    // 1–3. the dashboard: map tooltip (pointer over the regency), accessible table, map SVG export
    const { page, errors, external } = await app.open();
    await page.goto(`${app.server.url}/?periode=${PERIOD}&wilayah=${PROVINCE}&indikator=cases&publik=1`);
    await waitForMap(page, { level: 'regency' });
    await hoverRegion(page, code);
    await page.waitForSelector('[data-testid="map-tooltip"]');
    const tip = squash(await page.textContent('[data-testid="map-tooltip"]'));
    places.tooltip = tip;
    const row = page.locator(`[data-testid="map-table"] [data-code="${code}"]`);
    places.table = squash((await row.locator('th, td').allTextContents()).join(' '));
    const mapSvg = await download(page, '[data-testid="map-svg"]');
    assert.match(mapSvg.name, /\.svg$/);
    places.mapSvg = svgTitle(mapSvg.text, code);

    // 4–5. the causes view: the ranking table's cases column, and the ranking CSV
    await page.goto(`${app.server.url}/?tampilan=penyebab&periode=${PERIOD}&wilayah=${PROVINCE}&publik=1`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const rankRow = page.locator(`[data-testid="ranking-table"] tbody tr[data-code="${code}"]`);
    places.ranking = squash(await rankRow.locator('td.num').first().textContent());
    const rankCsv = csvRows(withoutDemoMark((await download(page, '[data-testid="ranking-csv"]')).text));
    const [head, ...body] = rankCsv;
    const csvRow = body.find((r) => r[head.indexOf('kode')] === code);
    assert.ok(csvRow, `the ranking CSV has ${code}`);
    places.rankingCsv = csvRow[head.indexOf('Kasus')];

    // 6–7. the story (public by default): the cases screen's big number, and its locator map's SVG
    await page.goto(`${app.server.url}/cerita/?wilayah=${PROVINCE}&kabkota=${code}&periode=${PERIOD}`);
    await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('[data-testid="story"]', 'data-public'), 'true');
    places.story = squash(await page.textContent('[data-testid="story-total"]'));
    await page.waitForSelector('[data-testid="story-map"] [data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    const storySvg = await download(page, '[data-testid="story-map"] [data-testid="map-svg"]');
    places.storyMapSvg = svgTitle(storySvg.text, code);

    // the same published value in every place
    assert.equal(places.story, shown, `story total ${places.story} vs published ${shown}`);
    assert.equal(places.ranking, shown, `ranking ${places.ranking}`);
    assert.equal(Number(places.rankingCsv), p, `ranking CSV ${places.rankingCsv}`);
    for (const k of ['tooltip', 'table', 'mapSvg', 'storyMapSvg']) {
      assert.ok(numbersIn(places[k]).includes(p), `${k} shows ${p}: "${places[k]}"`);
      // and nowhere the true count (it differs from the published one)
      assert.ok(!numbersIn(places[k]).includes(n), `${k} does not show the true count ${n}: "${places[k]}"`);
    }
    assert.equal(await page.getAttribute(`[data-testid="story-map"] svg path[data-code="${code}"]`, 'data-value'), String(p));
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });

  it('in public mode nothing reachable from window carries a count: no engine, no cache, no model rows (dashboard and story)', async () => {
    const { page, errors, external } = await app.open();
    /** What a page script can reach through the test hook, and whether anything in it is an engine or rows. */
    const probe = () => {
      const h = window.__peta;
      const seen = new Set();
      const found = [];
      const walk = (v, path, depth) => {
        if (v === null || typeof v !== 'object' || seen.has(v) || depth > 6) return;
        seen.add(v);
        if (typeof v.query === 'function') found.push(`${path}.query()`);
        for (const k of Object.keys(v)) {
          if (/^(rows|\w*Rows|cache|engine|queryEngine|session|summary|counts|values|paint)$/.test(k)) found.push(`${path}.${k}`);
          walk(v[k], `${path}.${k}`, depth + 1);
        }
      };
      walk(h, '__peta', 0);
      return { present: h !== undefined, isPublic: h?.public, busy: h?.coordinator?.busy, found };
    };
    await page.goto(`${app.server.url}/?periode=${PERIOD}&wilayah=${PROVINCE}&indikator=cases&publik=1`);
    await waitForMap(page, { level: 'regency' });
    await page.waitForFunction(() => window.__peta?.coordinator?.busy === 0 && window.__peta.model.mapLoaded === true);
    const pub = await page.evaluate(probe);
    assert.equal(pub.isPublic, true);
    assert.equal(pub.busy, 0, 'the hook still tells when queries have finished');
    assert.deepEqual(pub.found, [], 'nothing in window.__peta can query or holds rows in public mode');
    // the same page switched to internal mode (the switch under the filters) opens the hook ...
    await page.click('[data-testid="public-toggle"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('publik') !== '1');
    assert.equal(await page.evaluate(() => typeof window.__peta.engine?.query), 'function', 'internal mode keeps the hook for tests and the bench');
    // ... and back in public mode it is closed again at once
    await page.click('[data-testid="public-toggle"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('publik') === '1');
    assert.deepEqual((await page.evaluate(probe)).found, []);
    // the story, public by default
    await page.goto(`${app.server.url}/cerita/?wilayah=${PROVINCE}&periode=${PERIOD}&kabkota=32.01`);
    await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    const story = await page.evaluate(probe);
    assert.equal(story.isPublic, true);
    assert.deepEqual(story.found, [], 'the story exposes no engine or rows in public mode');
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });
});
