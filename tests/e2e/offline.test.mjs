// Issue 17: offline after the first visit. The service worker keeps the app, the DuckDB bundle, fonts,
// boundaries and the current snapshot; offline (the browser offline and the server dropping every
// connection), a reload opens the dashboard with the national map, a filter change works from the
// cached snapshot, and the header says it is offline and which data date it shows. A snapshot published
// while online replaces the cached one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, query, root, waitForMap } from './harness.mjs';
import { serve } from '../../bench/server.mjs';

const demoDir = join(root, 'data', 'snapshots', 'demo');
const published = (dir) => {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return { manifest: { ...m, url: `snapshots/${m.name}-${m.version}.duckdb` }, dbPath: join(dir, 'snapshot.duckdb') };
};

/** A second snapshot: the demo's database under another version and data date (its first-paint files to match). */
function otherSnapshot(tmp) {
  const version = 'f17f17f17f17f17f';
  const m = JSON.parse(readFileSync(join(demoDir, 'manifest.json'), 'utf8'));
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify({ ...m, version, dataDate: '2026-02-20' }));
  copyFileSync(join(demoDir, 'snapshot.duckdb'), join(tmp, 'snapshot.duckdb'));
  for (const f of ['paint.json', 'paint-public.json']) {
    const p = JSON.parse(readFileSync(join(demoDir, f), 'utf8'));
    writeFileSync(join(tmp, f), JSON.stringify({ ...p, version, dataDate: '2026-02-20' }));
  }
  return published(tmp);
}

let server, browser, tmp;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'peta-offline-'));
  server = await serve(join(root, 'build'), published(demoDir));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Waits until the service worker is active, controls the page and holds the snapshot `dbUrl` whole (and no other database). */
async function waitForOfflineCopy(page, dbUrl) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await page.evaluate(async (db) => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return 'no worker yet';
      // whole copies (ranges kept before the whole file arrived have a ?range= key)
      const dbs = (await (await caches.open('peta-data')).keys()).map((k) => new URL(k.url)).filter((u) => u.search === '' && u.pathname.endsWith('.duckdb')).map((u) => u.pathname);
      return dbs.length === 1 && dbs[0] === db ? 'ok' : `cached: ${dbs.join(', ')}`;
    }, `/data/${dbUrl}`);
    if (state === 'ok') return;
    if (Date.now() > deadline) throw new Error(`no offline copy of ${dbUrl}: ${state}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function tableValues(page) {
  return page.$$eval('[data-testid="map-table"] [data-code]', (rows) => Object.fromEntries(rows.map((r) => [r.dataset.code, Number(r.dataset.value)])));
}
const casesBy = async (where) =>
  Object.fromEntries((await query(`SELECT province_code AS code, count(*)::INTEGER AS n FROM cases WHERE ${where} GROUP BY 1`)).map((r) => [r.code, r.n]));

describe('offline', () => {
  it('opens offline after the first visit, filters from the cached snapshot, and a new snapshot replaces the cached one', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const external = [];
    const errors = [];
    context.on('request', (r) => !r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url()) && external.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(server.url + '/');
      await waitForMap(page);
      await page.waitForSelector('main[data-ready="true"]');
      assert.equal(await page.getAttribute('[data-testid="offline-status"]', 'data-online'), 'true');
      assert.equal(await page.locator('[data-testid="offline-notice"]').count(), 0);
      assert.match(await page.textContent('[data-testid="header-data-date"]'), /Data per 15 Januari 2026/);
      await waitForOfflineCopy(page, published(demoDir).manifest.url);

      // offline: the browser and the server
      await context.setOffline(true);
      server.offline(true);
      await page.reload();
      await waitForMap(page);
      await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="offline-notice"]');
      assert.match(await page.textContent('[data-testid="offline-notice"]'), /Luring/);
      assert.match(await page.textContent('[data-testid="header-data-date"]'), /15 Januari 2026/);
      assert.deepEqual(await tableValues(page), await casesBy('TRUE'));
      // a filter change the first visit never ran: read from the cached database
      await page.selectOption('[data-testid="filter-period"]', '2023-2');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2023-2');
      await page.waitForFunction(() => window.__peta.coordinator.busy === 0 && window.__peta.model.mapPending === false);
      await waitForMap(page);
      assert.deepEqual(await tableValues(page), await casesBy('year = 2023 AND semester = 2'));
      await page.selectOption('[data-testid="filter-group"]', { index: 2 });
      await page.waitForFunction(() => new URL(location.href).searchParams.has('sasaran'));
      await page.waitForFunction(() => window.__peta.coordinator.busy === 0 && window.__peta.model.mapPending === false);
      assert.equal(await page.locator('[data-testid="error-panel"], [role="alert"]').count(), 0, 'no query error offline');
      // English
      await page.click('[data-testid="lang-switch"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="offline-notice"]')?.textContent === 'Offline');
      assert.match(await page.textContent('[data-testid="header-data-date"]'), /Data as of 15 January 2026/);

      // back online, a new snapshot is published: it replaces the cached one
      server.offline(false);
      await context.setOffline(false);
      const next = otherSnapshot(tmp);
      server.setSnapshot(next);
      await page.goto(server.url + '/');
      await waitForMap(page);
      await page.waitForSelector('main[data-ready="true"]');
      assert.match(await page.textContent('[data-testid="header-data-date"]'), /20 (Februari|February) 2026/);
      await waitForOfflineCopy(page, next.manifest.url);
      const paints = await page.evaluate(async () => (await (await caches.open('peta-data')).keys()).map((k) => new URL(k.url).pathname).filter((p) => p.includes('.paint')));
      assert.ok(paints.every((p) => p.includes('f17f17f17f17f17f')), paints.join(', '));
      await context.setOffline(true);
      server.offline(true);
      await page.reload();
      await waitForMap(page);
      await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="offline-notice"]');
      assert.match(await page.textContent('[data-testid="header-data-date"]'), /20 (Februari|February) 2026/);
      assert.deepEqual(await tableValues(page), await casesBy('TRUE'));
      assert.deepEqual(external, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
