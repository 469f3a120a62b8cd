// Issue 10: the production build behind Debian's nginx with deploy/nginx.conf. Checks compression, cache
// and CSP headers, 206 range reads of the snapshot, no CSP violation, a snapshot published while the page
// is open (banner, reload, new data), and that a large snapshot is read by range, not downloaded whole.
//
// The large case generates a 300,000-case snapshot (~25 s). To measure another one by hand:
//   PETA_AKS_SCALE_DIR=/path/to/snapshot-dir node --test tests/e2e/deploy.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { launch, openPage, query, root, waitForMap } from './harness.mjs';
import { startNginx, NGINX } from '../../deploy/nginx-local.mjs';
import { compressDir } from '../../deploy/compress.mjs';
import { brotliInstalled } from '../../deploy/render-nginx.mjs';
import { checkSnapshotHttp } from './snapshotHttp.mjs';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const IMMUTABLE = 'public, max-age=31536000, immutable';
const build = join(root, 'build');
const work = mkdtempSync(join(tmpdir(), 'peta-deploy-'));
const site = join(work, 'site');

/** A private copy of build/ (hard links where possible), so the test can publish into it. */
function mirror(from, to) {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [join(from, e.name), join(to, e.name)];
    if (e.isDirectory()) mirror(a, b);
    else if (a.includes(`${join(build, 'data')}`)) copyFileSync(a, b);
    else {
      try {
        linkSync(a, b);
      } catch {
        copyFileSync(a, b);
      }
    }
  }
}

/** Raw HTTP (no automatic decompression): status, headers and the number of body bytes. */
function get(url, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, bytes }));
    });
    req.on('error', fail);
    req.end();
  });
}

const duckdbHits = (log, file) => log.filter((l) => l.uri.endsWith(`/data/snapshots/${file}`));
const wasmFile = () => readdirSync(join(site, '_app/immutable/assets')).find((f) => /^duckdb-eh\..*\.wasm$/.test(f));

let nginx;
let browser;
before(async () => {
  if (!existsSync(join(build, 'index.html'))) throw new Error('build/ is missing: run `npm run build` first');
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (see .ci/run)`);
  mirror(build, site);
  // `vite build` alone does not precompress; `npm run build` does (deploy/compress.mjs).
  if (!existsSync(join(site, '_app/immutable/assets', wasmFile() + '.gz'))) compressDir(site);
  nginx = await startNginx({ root: site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the dashboard with a short snapshot poll interval and a CSP violation recorder. */
async function open(path = '/?periode=2024-1&indikator=cases') {
  const p = await openPage(browser);
  await p.page.addInitScript(() => {
    window.__PETA_AKS_SNAPSHOT_POLL_MS = 1000;
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.page.goto(nginx.url + path);
  await waitForMap(p.page, { level: 'province' });
  return p;
}

/** The map's accessible table {code: value}, once every row has its value (large snapshots answer later). */
async function tableValues(page) {
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="map-table"] [data-code]')];
    return rows.length > 0 && rows.every((r) => (r.getAttribute('data-value') ?? '') !== '');
  }, null, { timeout: 60_000 });
  return page.$$eval('[data-testid="map-table"] [data-code]', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-code'), Number(r.getAttribute('data-value'))])));
}

describe('production build behind nginx (deploy/nginx.conf)', () => {
  it('renders the map with the published data, 206 range reads and no CSP violation', async () => {
    const { page, context, external, errors } = await open();
    const values = await tableValues(page);
    const expected = await query("SELECT province_code AS code, count(*) AS n FROM cases WHERE year = 2024 AND semester = 1 GROUP BY 1");
    assert.equal(Object.keys(values).length, 38);
    for (const r of expected) assert.equal(values[r.code], r.n, `cases in ${r.code}`);

    const current = JSON.parse(readFileSync(join(site, 'data/current.json'), 'utf8'));
    const file = current.url.replace('snapshots/', '');
    const hits = duckdbHits(nginx.accessLog(), file).filter((l) => l.method === 'GET');
    assert.ok(hits.length > 0, 'the snapshot was requested');
    assert.deepEqual([...new Set(hits.map((l) => l.status))], [206], 'every snapshot GET is a 206 range response');
    assert.ok(hits.every((l) => /^bytes=\d+-\d+$/.test(l.range) && l.encoding === ''), 'ranges, never compressed');

    // the browser got compressed wasm and JS
    const wasm = nginx.accessLog().find((l) => l.uri.endsWith(wasmFile()));
    assert.ok(wasm && ['gzip', 'br'].includes(wasm.encoding), `wasm sent with ${wasm?.encoding}`);

    assert.deepEqual(external, [], 'no request leaves the origin');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), []);
    assert.ok(await page.$('head meta[http-equiv="content-security-policy"]'), 'the page carries the hashed policy');

    // the recorder works: an injected inline script is refused by the policy
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
    });
    assert.equal(await page.evaluate(() => window.__injected), undefined, 'inline script blocked');
    assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')), 'violation reported');
    await context.close();
  });

  it('sends the intended compression, cache, MIME and CSP headers', async () => {
    const u = nginx.url;
    const wasm = `/_app/immutable/assets/${wasmFile()}`;
    const html = await get(`${u}/`, { 'accept-encoding': 'gzip' });
    assert.equal(html.headers['content-security-policy'], CSP);
    assert.equal(html.headers['cache-control'], 'no-cache');
    assert.equal(html.headers['x-content-type-options'], 'nosniff');

    // brotli only with Debian's libnginx-mod-http-brotli-* (installed by .ci/run); gzip always
    for (const enc of brotliInstalled() ? ['br', 'gzip'] : ['gzip']) {
      const r = await get(u + wasm, { 'accept-encoding': enc });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'application/wasm');
      assert.equal(r.headers['content-encoding'], enc);
      assert.equal(r.headers['cache-control'], IMMUTABLE);
      assert.equal(r.headers['content-security-policy'], CSP);
      assert.equal(r.bytes, statSync(join(site, wasm + (enc === 'br' ? '.br' : '.gz'))).size, `precompressed .${enc} sent as is`);
    }
    const plain = await get(u + wasm);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.bytes, statSync(join(site, wasm)).size);

    const mjs = readdirSync(join(site, '_app/immutable/assets')).find((f) => f.endsWith('.mjs'));
    if (mjs) assert.equal((await get(`${u}/_app/immutable/assets/${mjs}`)).headers['content-type'], 'application/javascript');
    const topo = await get(`${u}/geo/idn-provinces.topojson`, { 'accept-encoding': 'gzip' });
    assert.equal(topo.headers['content-type'], 'application/json');
    assert.equal(topo.headers['content-encoding'], 'gzip');

    const cur = await get(`${u}/data/current.json`, { 'accept-encoding': 'gzip' });
    assert.equal(cur.headers['content-type'], 'application/json');
    assert.equal(cur.headers['cache-control'], 'no-cache');
    assert.equal(cur.headers['content-encoding'], 'gzip');

    const url = JSON.parse(readFileSync(join(site, 'data/current.json'), 'utf8')).url;
    const db = await get(`${u}/data/${url}`, { 'accept-encoding': 'gzip, br', range: 'bytes=4096-8191' });
    assert.equal(db.status, 206);
    assert.equal(db.headers['content-type'], 'application/octet-stream');
    assert.equal(db.headers['content-encoding'], undefined);
    assert.equal(db.headers['cache-control'], IMMUTABLE);
    assert.match(db.headers['content-range'], /^bytes 4096-8191\/\d+$/);
    assert.equal(db.bytes, 4096);
    // the same checks as for `npm start` (start.test.mjs): HEAD, bytes=0-0, suffix and open ranges
    await checkSnapshotHttp(`${u}/data/${url}`, statSync(join(site, 'data', url)).size);

    const missing = await get(`${u}/nope/`);
    assert.equal(missing.status, 404);
  });

  it('notices a snapshot published while the page is open, and reloads onto it', async () => {
    const { page, context } = await open();
    const before = JSON.parse(readFileSync(join(site, 'data/current.json'), 'utf8'));
    assert.equal(await page.$('[data-testid="snapshot-update"]'), null, 'no banner before publishing');

    // a "new" snapshot: the same database under a new version, published with the helper script
    const src = join(work, 'next');
    mkdirSync(join(src, 'snapshots'), { recursive: true });
    const version = 'feedc0de' + before.version.slice(8);
    const next = { ...before, version, dataDate: '2026-07-15', url: `snapshots/${before.name}-${version}.duckdb` };
    copyFileSync(join(site, 'data', before.url), join(src, next.url));
    writeFileSync(join(src, 'current.json'), JSON.stringify(next, null, 2) + '\n');
    execFileSync('sh', [join(root, 'deploy/publish-snapshot.sh'), src, site]);
    assert.ok(existsSync(join(site, 'data', before.url)), 'the previous snapshot stays for open tabs');

    const banner = await page.waitForSelector('[data-testid="snapshot-update"]', { timeout: 15_000 });
    assert.equal(await banner.getAttribute('data-version'), version);
    assert.match(await banner.innerText(), /Data baru tersedia/);
    assert.match(await banner.innerText(), /15 Juli 2026/);

    // keyboard: focus the reload button and press Enter
    await page.focus('[data-testid="snapshot-reload"]');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await waitForMap(page, { level: 'province' });
    assert.match(await page.innerText('[data-testid="data-date"]'), new RegExp(version));
    assert.equal(await page.$('[data-testid="snapshot-update"]'), null, 'no banner after the reload');
    assert.ok(duckdbHits(nginx.accessLog(), next.url.slice(10)).some((l) => l.status === 206), 'the new file is read');
    await context.close();
  });

  it('reads a large snapshot by range: the national view transfers a fraction of the file', { timeout: 600_000 }, async (t) => {
    let dir = process.env.PETA_AKS_SCALE_DIR;
    if (!dir) {
      dir = join(work, 'scale');
      const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/data-demo.ts', '--scale', '300000', '--out', dir, '--no-publish'], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    execFileSync('sh', [join(root, 'deploy/publish-snapshot.sh'), dir, site]);
    const manifest = JSON.parse(readFileSync(join(site, 'data/current.json'), 'utf8'));
    const file = manifest.url.slice('snapshots/'.length);
    const size = statSync(join(site, 'data', manifest.url)).size;

    const logStart = nginx.accessLog().length;
    const t0 = performance.now();
    const { page, context } = await open();
    const values = await tableValues(page);
    const ms = performance.now() - t0;
    await page.waitForTimeout(1500); // let the summary panel and views finish their queries

    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    const rows = (
      await conn.runAndReadAll(`SELECT province_code AS code, count(*)::INTEGER AS n FROM read_parquet('${join(dir, manifest.tables.cases.file)}') WHERE year = 2024 AND semester = 1 GROUP BY 1`)
    ).getRowObjectsJS();
    for (const r of rows) assert.equal(values[r.code], r.n, `cases in ${r.code}`);

    const hits = duckdbHits(nginx.accessLog().slice(logStart), file).filter((l) => l.method === 'GET');
    assert.deepEqual([...new Set(hits.map((l) => l.status))], [206]);
    const sent = hits.reduce((s, l) => s + l.bytes, 0);
    const fraction = sent / size;
    t.diagnostic(
      `${manifest.tables.cases.rows} cases, file ${(size / 1e6).toFixed(1)} MB, national view read ${(sent / 1e6).toFixed(2)} MB in ${hits.length} range requests (${(fraction * 100).toFixed(1)} %), map in ${(ms / 1000).toFixed(1)} s`
    );
    assert.ok(fraction < 0.5, `read ${(fraction * 100).toFixed(1)} % of the file`);
    await context.close();
  });
});
