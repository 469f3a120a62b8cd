// Issue 17: the national map and the summary are painted from the snapshot's first-paint file before
// DuckDB-WASM is ready (its wasm is held back here), and the live data then takes over with the same
// values, classes and colours. A public page fetches only the public file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publishedSql, query, useApp } from './harness.mjs';

const app = useApp();

/** Holds every .wasm request until `release()` (the engine cannot start before). */
async function holdWasm(context) {
  let release;
  const gate = new Promise((r) => (release = r));
  await context.route('**/*.wasm', async (route) => {
    await gate;
    await route.fallback();
  });
  return () => release();
}

/** What the map shows: the legend's classes and colours, each region's value, colour and text, and the summary. */
async function shown(page) {
  return page.evaluate(() => {
    const legend = [...document.querySelectorAll('[data-testid="legend"] li')].map((li) => [
      li.querySelector('.label')?.textContent?.trim(),
      getComputedStyle(li.querySelector('.swatch')).backgroundColor
    ]);
    const rows = [...document.querySelectorAll('[data-testid="map-table"] tr[data-code]')].map((tr) => [
      tr.dataset.code,
      tr.dataset.value,
      getComputedStyle(tr.querySelector('.sw')).backgroundColor,
      tr.innerText.replace(/\s+/g, ' ').trim()
    ]);
    const summary = document.querySelector('[data-testid="summary"]')?.innerText.replace(/\s+/g, ' ').trim();
    return { legend, rows, summary };
  });
}

async function paintedThenLive(path) {
  const { page, context, external, errors } = await app.open();
  const release = await holdWasm(context);
  const data = [];
  page.on('request', (r) => r.url().includes('/data/') && data.push(new URL(r.url()).pathname));
  await page.goto(app.server.url + path);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('.map', 'data-source'), 'paint', 'painted before the engine');
  assert.equal(await page.getAttribute('main', 'data-ready'), 'false', 'the engine is still held back');
  // the first frame is the SVG renderer's: MapLibre's code is not even loaded while the engine starts;
  // WebGL is tested once that frame is drawn (src/lib/map/ChoroplethMapModel.svelte.ts, probeWebgl)
  await page.waitForSelector('[data-testid="map"][data-renderer="webgl"]', { timeout: 10_000 });
  assert.equal(await page.getAttribute('main', 'data-ready'), 'false', 'the engine is still held back');
  assert.equal(await page.getAttribute('[data-testid="map"]', 'data-preview'), 'true');
  assert.equal(await page.$$eval('[data-testid="map"] svg .regions path', (ps) => ps.length), 38, 'the SVG map is drawn');
  assert.equal(await page.$('[data-testid="map"] canvas'), null, 'no MapLibre canvas yet');
  const painted = await shown(page);
  release();
  await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => window.__peta?.coordinator?.busy === 0 && window.__peta.model.mapLoaded);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('.map', 'data-source'), 'live');
  // then MapLibre takes over once it has drawn the current data, and the SVG preview is gone
  await page.waitForSelector('[data-testid="map"][data-ready="true"][data-preview="false"] canvas', { timeout: 60_000 });
  assert.equal(await page.$('[data-testid="map"] svg .regions'), null, 'the SVG preview is removed');
  const live = await shown(page);
  assert.deepEqual(external, []);
  assert.deepEqual(errors, []);
  return { page, painted, live, data };
}

describe('first paint', () => {
  it('paints the national map and summary from the first-paint file, identical to the live values', async () => {
    const { painted, live, data } = await paintedThenLive('/');
    assert.ok(data.some((p) => p.endsWith('.paint.json')), 'the internal file is fetched');
    assert.equal(painted.rows.length, 38);
    assert.ok(painted.legend.length >= 5);
    assert.deepEqual(painted, live, 'same classes, colours, values and summary before and after the engine');
    // and those are the snapshot's counts (DuckDB on the Parquet files)
    const truth = await query('SELECT province_code AS code, count(*)::INTEGER AS n FROM cases GROUP BY 1');
    for (const { code, n } of truth) assert.equal(Number(painted.rows.find((r) => r[0] === code)?.[1]), n, code);
    const total = truth.reduce((a, r) => a + r.n, 0);
    assert.match(painted.summary, new RegExp(total.toLocaleString('id-ID').replace('.', '\\.')));
  });

  it('paints another period and indicator from the file too', async () => {
    const { painted, live } = await paintedThenLive('/?periode=2024-1&indikator=sensitive_share');
    assert.equal(painted.rows.filter((r) => r[1] !== '').length, 38);
    assert.deepEqual(painted, live);
  });

  it('a repeat visit paints from the snapshot this browser opened last, before current.json is read', async () => {
    const { page, context, errors } = await app.open();
    await page.goto(app.server.url + '/');
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    const first = await shown(page);
    // the second visit: neither current.json nor the engine's wasm is answered yet (without the service
    // worker, so the holds below see every request; what this browser remembers is in local storage)
    await page.evaluate(async () => {
      for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
    });
    let releaseManifest;
    const manifestGate = new Promise((r) => (releaseManifest = r));
    let manifestAsked = false;
    await context.route('**/data/current.json', async (route) => {
      manifestAsked = true;
      await manifestGate;
      await route.fallback();
    });
    const releaseWasm = await holdWasm(context);
    await page.reload();
    await page.waitForSelector('.map[data-source="paint"] [data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('main', 'data-ready'), 'false', 'the engine has not started');
    assert.ok(manifestAsked, 'current.json was asked for, and is still unanswered');
    assert.deepEqual(await shown(page), first, 'the same map and summary as the last visit showed live');
    releaseManifest();
    releaseWasm();
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('.map[data-source="live"] [data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    assert.deepEqual(await shown(page), first);
    assert.deepEqual(errors, []);
  });

  it('a state the file does not hold waits for the engine (no stale colours under new filters)', async () => {
    const { page, context, errors } = await app.open();
    const release = await holdWasm(context);
    await page.goto(app.server.url + '/');
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    await page.selectOption('[data-testid="filter-group"]', { index: 1 });
    await page.waitForFunction(() => new URL(location.href).searchParams.has('sasaran'));
    await page.waitForSelector('[data-testid="map"][data-ready="false"]');
    assert.equal(await page.getAttribute('main', 'data-ready'), 'false');
    release();
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    const group = new URL(page.url()).searchParams.get('sasaran');
    const truth = await query(`SELECT province_code AS code, count(*)::INTEGER AS n FROM cases WHERE target_group = '${group}' GROUP BY 1`);
    const shownRows = (await shown(page)).rows;
    for (const { code, n } of truth) assert.equal(Number(shownRows.find((r) => r[0] === code)?.[1]), n, code);
    assert.deepEqual(errors, []);
  });

  it('a public page fetches only the public file, which holds no counts, and paints what public mode shows', async () => {
    const { page, painted, live, data } = await paintedThenLive('/?publik=1');
    const files = data.filter((p) => p.includes('.paint'));
    assert.ok(files.length >= 1 && files.every((p) => p.endsWith('.paint-public.json')), files.join(', '));
    assert.deepEqual(painted, live, 'same values and colours before and after the engine');
    const file = await page.evaluate((u) => fetch(u).then((r) => r.json()), files[0]);
    assert.equal(file.variant, 'public');
    // it holds published counts only: no key sums, nothing below the threshold, and the national map's
    // cases are DuckDB's true counts put through the p-table (src/lib/privacy/ptable.ts)
    for (const r of Object.values(file.results)) assert.ok(!r.c.some((c) => c.endsWith('_key')), `no key sums: ${r.c}`);
    const published = await query(`SELECT province_code AS code, ${publishedSql('count(*)', 'sum(record_key)')} AS n FROM cases GROUP BY 1`);
    // the national map of cases over all semesters: of the count maps of 38 provinces, the largest
    const total = (r) => r.r.reduce((a, x) => a + (x[2] ?? 0), 0);
    const map = Object.values(file.results)
      .filter((r) => r.c.join(',') === 'code,value,n' && r.r.length === 38 && r.r.every((x) => x[1] === x[2]))
      .sort((a, b) => total(b) - total(a))[0];
    assert.ok(map, 'the national cases map is in the file');
    for (const [code, , n] of map.r) assert.equal(n, published.find((p) => p.code === code)?.n ?? null, code);
    for (const [, , n] of map.r) assert.ok(n === null || n >= 5, `published ${n}`);
  });
});
