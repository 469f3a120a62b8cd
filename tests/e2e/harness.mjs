// Shared set-up for the end-to-end tests: serve the production build on 127.0.0.1, drive Debian's
// Chromium with playwright-core, watch every request, and query the same snapshot with DuckDB.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import Papa from 'papaparse';


export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--enable-unsafe-swiftshader'
];
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-3d-apis'];

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Starts `vite preview` over build/ and resolves with its base URL. */
export async function startServer() {
  if (!existsSync(join(root, 'build', 'index.html'))) throw new Error('build/ is missing: run `npm run build` first');
  const port = await freePort();
  const proc = spawn(join(root, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url + '/');
      if (r.ok) return { url, stop: () => proc.kill('SIGTERM') };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGTERM');
  throw new Error(`vite preview did not start on ${url}:\n${log}`);
}

/** Launches Chromium; `webgl: false` starts it with WebGL disabled (the SVG fallback). */
export async function launch({ webgl = true } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, args: webgl ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS] });
}

/**
 * A new page that records every request leaving 127.0.0.1 (they are also aborted, so the test sees
 * the app work offline) and every console error.
 */
export async function openPage(browser, { viewport = { width: 1366, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const external = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, external, errors };
}

/**
 * Waits until the dashboard has loaded its data and the map has painted. The map may paint from the
 * snapshot's first-paint file before the engine is ready (issue 17): this waits for the engine too
 * (the dashboard's main[data-ready]), so tests see the live data.
 */
export async function waitForMap(page, { level } = {}) {
  const sel = level ? `[data-testid="map"][data-ready="true"][data-level="${level}"]` : '[data-testid="map"][data-ready="true"]';
  await page.waitForSelector(sel, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('main[data-ready]')?.getAttribute('data-ready') !== 'false', null, { timeout: 60_000 });
  // and the map's own renderer has taken over from the SVG preview (src/lib/map/ChoroplethMap.svelte)
  await page.waitForSelector(`${sel}[data-preview="false"]`, { timeout: 60_000 });
}

/** The demo mark's line that opens every CSV export of the demo snapshot (src/lib/export/demoMark.svelte.ts). */
export const DEMO_CSV_LINE = /^\uFEFF(DATA DEMO \(sintetis\)|DEMO DATA \(synthetic\))[^\r\n]*\r\n/;
/** A CSV export of the demo: asserts its first line is the demo mark and returns the text without it (BOM kept). */
export function withoutDemoMark(text) {
  if (!DEMO_CSV_LINE.test(text)) throw new Error(`the CSV does not start with the demo mark: ${JSON.stringify(text.slice(0, 80))}`);
  return '\uFEFF' + text.replace(DEMO_CSV_LINE, '');
}

const pubSql = new Map();
/**
 * The SQL of public mode's published count (src/lib/privacy/ptable.ts, the app's own module, printed by
 * tsx) for a true-count and a key-sum expression: tests compare the page with the p-table applied to
 * DuckDB's true count and key.
 */
export function publishedSql(n, key, k = 5) {
  const id = `${n}|${key}|${k}`;
  if (!pubSql.has(id)) {
    const code = `import { publishedSql } from './src/lib/privacy/ptable.ts'; process.stdout.write(publishedSql(${JSON.stringify(n)}, ${JSON.stringify(key)}, ${k}));`;
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['-e', code], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    pubSql.set(id, r.stdout);
  }
  return pubSql.get(id);
}

let db;
/** Runs SQL against the published demo snapshot's Parquet files (views named like the tables). */
export async function query(sql) {
  if (!db) {
    const manifest = JSON.parse(readFileSync(join(root, 'static', 'data', 'current.json'), 'utf8'));
    const dir = join(root, 'data', 'snapshots', manifest.name);
    const inst = await DuckDBInstance.create(':memory:');
    db = await inst.connect();
    for (const [name, t] of Object.entries(manifest.tables)) {
      await db.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${join(dir, t.file)}')`);
    }
  }
  const rows = (await db.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/**
 * One server and one browser for a test file (registered as before/after hooks). Pages come from
 * `app.open()` (openPage on that browser) and their contexts are closed after each test, also when it fails.
 */
export function useApp(options) {
  const contexts = [];
  const app = {
    server: null,
    browser: null,
    async open(pageOptions) {
      const opened = await openPage(app.browser, pageOptions);
      contexts.push(opened.context);
      return opened;
    }
  };
  before(async () => {
    app.server = await startServer();
    app.browser = await launch(options);
  });
  after(async () => {
    await app.browser?.close();
    app.server?.stop();
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop().close();
  });
  return app;
}

/**
 * A downloaded CSV as rows of fields (header first). Checks the BOM and the dialect of the UI language
 * (src/lib/export/csv.ts): Indonesian `;` with decimal commas, English `,` with dots. Numbers come back
 * with a dot ("12,5" → "12.5"), so the tests compare them with Number() in either language.
 */
export function csvRows(text, lang = 'id') {
  assert.ok(text.startsWith('\uFEFF'), 'CSV starts with a UTF-8 BOM');
  const separator = lang === 'id' ? ';' : ',';
  const body = text.slice(1);
  const header = body.slice(0, body.indexOf('\r\n'));
  assert.ok(header.includes(separator), `CSV header uses "${separator}": ${header}`);
  const { data } = Papa.parse(body, { delimiter: separator, newline: '\r\n', skipEmptyLines: true });
  return lang === 'id' ? data.map((r) => r.map((v) => (/^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v))) : data;
}
