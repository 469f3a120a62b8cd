// Issue 20: `npm start` itself (set-up, build, vite preview on a free port via PORT) serves the snapshot
// so that every load reads it by range. In one browser context: the dashboard, a reload, the district
// story opened from the dashboard, and a shared link opened in a second tab each show data, and every
// request for the .duckdb file is an uncompressed 206 range read (no full-file fallback, no
// ERR_CONTENT_DECODING_FAILED). The server's HTTP answers are checked like nginx's (snapshotHttp.mjs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root } from './harness.mjs';
import { checkSnapshotHttp } from './snapshotHttp.mjs';

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

let proc;
let url;
let log = '';
let browser;

before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // its own process group, so stopping it also stops vite (npm -> sh -> node)
  proc = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 8 * 60_000; // set-up + vite build on a busy machine
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${log}`);
    try {
      if ((await fetch(url + '/')).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`npm start did not serve ${url}:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (proc?.pid && proc.exitCode === null) process.kill(-proc.pid, 'SIGTERM');
});

describe('npm start serves the snapshot by range', () => {
  it('answers HEAD, every range (also bytes=0-0) and compressed-accepting requests correctly', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'static/data/current.json'), 'utf8'));
    const size = statSync(join(root, 'static/data', manifest.url)).size;
    await checkSnapshotHttp(`${url}/data/${manifest.url}`, size);
  });

  it('reload, the story from the dashboard and a shared link in one context: data shown, range reads only', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const reads = [];
    const errors = [];
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' || /^(data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    context.on('response', async (res) => {
      if (!res.url().endsWith('.duckdb')) return;
      const req = res.request();
      reads.push({ method: req.method(), range: (await req.allHeaders()).range ?? '', status: res.status(), encoding: (await res.allHeaders())['content-encoding'] ?? '' });
    });
    context.on('requestfailed', (req) => errors.push(`${req.url()}: ${req.failure()?.errorText}`));
    const watch = (page) => {
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      return page;
    };
    const page = watch(await context.newPage());
    const mapShown = async (p) => {
      await p.waitForSelector('[data-testid="map"][data-ready="true"], [data-testid="error"]', { timeout: 90_000 });
      assert.equal(await p.locator('[data-testid="error"]').count(), 0, `no error panel: ${await p.locator('[data-testid="error"]').textContent().catch(() => '')}`);
      assert.ok((await p.locator('table tbody tr').count()) > 0, 'the table beside the map has rows');
    };
    const loads = [];
    const step = async (name, fn) => {
      const from = reads.length;
      await fn();
      loads.push({ name, reads: reads.slice(from) });
    };

    await step('first load', async () => {
      await page.goto(`${url}/?wilayah=32&kabkota=32.05`);
      await mapShown(page);
    });
    await step('reload', async () => {
      await page.reload();
      await mapShown(page);
    });
    await step('story from the dashboard', async () => {
      await page.click('[data-testid="story-open"]');
      await page.waitForSelector('[data-testid="story-deck"][data-loading="false"], [data-testid="error"]', { timeout: 90_000 });
      assert.equal(await page.locator('[data-testid="error"]').count(), 0);
      assert.match(await page.locator('section.screen.current').textContent(), /\d/, 'the story shows numbers');
    });
    await step('shared link in a second tab', async () => {
      await page.goto(`${url}/?wilayah=32&kabkota=32.05`);
      await mapShown(page);
      await page.click('[data-testid="share-open"]');
      const link = await page.inputValue('[data-testid="share-link"]');
      const second = watch(await context.newPage());
      await second.goto(link);
      await mapShown(second);
    });

    // the service worker's background copy of the database for offline use (src/service-worker.ts,
    // `?offline-copy`) may be cut off when a page navigates away (net::ERR_ABORTED): not a read of the app's
    const swCopyAborted = (e) => /\.duckdb\?offline-copy: net::ERR_ABORTED$/.test(e);
    assert.deepEqual(errors.filter((e) => !swCopyAborted(e) && /CONTENT_DECODING|tidak dapat dimuat|duckdb/i.test(e)), [], 'no decoding failure');
    for (const { name, reads: r } of loads) {
      const gets = r.filter((x) => x.method === 'GET');
      assert.ok(gets.length > 0, `${name}: the snapshot was read`);
      for (const x of gets) {
        assert.match(x.range, /^bytes=\d+-\d+$/, `${name}: every GET is a range read, not the whole file (${JSON.stringify(x)})`);
        assert.equal(x.status, 206, `${name}: answered 206 (${JSON.stringify(x)})`);
        assert.equal(x.encoding, '', `${name}: never compressed`);
      }
    }
    await context.close();
  });
});
