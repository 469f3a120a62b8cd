/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after the first visit (SvelteKit's service worker, registered by src/lib/offline/register.ts
 * once the dashboard is ready, so it never competes with the first load). Same origin only.
 *
 * - The app shell (pages, scripts, styles), the DuckDB-WASM bundle the browser uses, the fonts (woff2)
 *   and the boundaries are precached per build (`version`); old builds' caches are deleted on activate.
 * - /data/current.json: network first (a new snapshot is seen at once), the cached copy offline.
 * - The current snapshot's database: when the worker activates or the file is first read, the whole file
 *   (up to MAX_OFFLINE_DB) is fetched once in the background into the data cache; range requests (206 +
 *   Content-Range, 416 outside the file) and HEAD are then answered by slicing it, so every query works
 *   offline, not only the ranges already read. Until then the network answers, and each range read is
 *   kept under its own key (all a larger database gets: offline, ranges read before are served again).
 *   When current.json names a new version, the old database and first-paint files are dropped.
 * - First-paint files (versioned, immutable): cache first.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = globalThis as typeof globalThis & ServiceWorkerGlobalScope;
const SHELL = `peta-shell-${version}`;
const DATA = 'peta-data';
/** The header of a current.json answered from the offline copy (src/lib/db/DuckDBEngine.ts reads it). */
const OFFLINE_COPY_HEADER = 'x-peta-offline-copy';
/** Larger snapshots are read from the network only (not kept offline). */
const MAX_OFFLINE_DB = 256 * 1024 * 1024;

const shellFiles = [
  ...prerendered,
  ...build.filter((f) => !f.endsWith('.wasm') && !/\.woff$/.test(f)),
  // the exception-handling bundle is the one Chromium, Firefox and Safari select
  ...build.filter((f) => /duckdb-eh\.[^/]*\.wasm$/.test(f)),
  ...files.filter((f) => !f.includes('/data/'))
];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(shellFiles)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('peta-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim())
      // the current snapshot is kept for offline use at once (the first visit read it before this worker existed)
      .then(() => fetch('/data/current.json', { cache: 'no-cache' }).then((r) => currentJson(r)))
      .then((m) => m?.url && startKeeping(`/data/${m.url}`))
      .catch(() => {})
  );
});

// the page hands over the first-paint file it read before this worker existed
sw.addEventListener('message', (event) => {
  const d = event.data as { type?: string; paths?: unknown } | null;
  if (d?.type !== 'keep' || !Array.isArray(d.paths)) return;
  const paths = d.paths.filter((p): p is string => typeof p === 'string' && isPaint(p));
  event.waitUntil(Promise.all(paths.map((p) => paintFile(new Request(p)).catch(() => undefined))));
});

const isDb = (p: string) => /\/data\/snapshots\/[^/]+\.duckdb$/.test(p);
const isPaint = (p: string) => /\/data\/snapshots\/[^/]+\.paint(-public)?\.json$/.test(p);

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== location.origin || (req.method !== 'GET' && req.method !== 'HEAD')) return;
  const p = url.pathname;
  if (p.endsWith('/data/current.json')) event.respondWith(currentJsonRequest(req));
  else if (isDb(p)) event.respondWith(database(req, url));
  else if (isPaint(p)) event.respondWith(paintFile(req));
  else if (req.mode === 'navigate') event.respondWith(page(req));
  else if (req.method === 'GET') event.respondWith(cacheFirst(req, SHELL));
});

/**
 * First-paint files: cache first, and kept only while they belong to the snapshot current.json names (a
 * page may still read the paint of the snapshot it opened last, src/lib/paint/lastManifest.ts, after a
 * new one was published: that file is served but not kept, so the new version replaces the old one).
 */
async function paintFile(req: Request): Promise<Response> {
  const hit = await caches.match(req, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.status === 200 && (await ofCurrentSnapshot(new URL(req.url).pathname))) (await caches.open(DATA)).put(req, res.clone()).catch(() => {});
  return res;
}

/** Whether a snapshot file belongs to the snapshot the cached current.json names (true when none is cached yet). */
async function ofCurrentSnapshot(path: string): Promise<boolean> {
  const current = await (await caches.open(DATA)).match('/data/current.json');
  if (!current) return true;
  const url = ((await current.json()) as { url?: string }).url;
  return !url || path.startsWith(`/data/${url.replace(/\.duckdb$/, '')}.`);
}

async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
  const hit = await caches.match(req, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.status === 200) (await caches.open(cacheName)).put(req, res.clone()).catch(() => {});
  return res;
}

/** Pages: the network (fresh app), else the cached page, else the cached dashboard shell. */
async function page(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (e) {
    const url = new URL(req.url);
    const hit = (await caches.match(url.pathname, { ignoreSearch: true })) ?? (await caches.match(url.pathname.replace(/\/$/, '') || '/', { ignoreSearch: true }));
    if (hit) return hit;
    const shell = await caches.match('/', { ignoreSearch: true });
    if (shell) return shell;
    throw e;
  }
}

/** current.json: the network when online (and a new version replaces the old data), else the cached copy. */
async function currentJsonRequest(req: Request): Promise<Response> {
  try {
    const res = await fetch(req);
    await currentJson(res.clone());
    return res;
  } catch (e) {
    const hit = await (await caches.open(DATA)).match('/data/current.json');
    // marked, so the page can say it shows the offline copy even when navigator.onLine is true
    // (the server or the network unreachable behind a working link)
    if (hit) return new Response(hit.body, { headers: { 'content-type': 'application/json', [OFFLINE_COPY_HEADER]: '1' } });
    throw e;
  }
}

/** Keeps a fetched current.json and drops the data of other snapshot versions; returns the manifest. */
async function currentJson(res: Response): Promise<{ url?: string } | null> {
  if (!res.ok) return null;
  const text = await res.text();
  const m = JSON.parse(text) as { url?: string };
  await (await caches.open(DATA)).put('/data/current.json', new Response(text, { headers: { 'content-type': 'application/json' } }));
  await dropOtherVersions(m);
  return m;
}

/** Deletes cached databases and first-paint files that are not of the snapshot current.json names. */
async function dropOtherVersions(current: { url?: string }): Promise<void> {
  if (!current.url) return;
  const stem = `/data/${current.url.replace(/\.duckdb$/, '')}.`;
  const cache = await caches.open(DATA);
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if ((isDb(path) || isPaint(path)) && !path.endsWith(`${stem}duckdb`) && !path.startsWith(stem)) await cache.delete(key);
  }
}

const downloading = new Map<string, Promise<void>>();

/** Larger databases: each range read is kept under its own key (served again offline when read again). */
const rangeKey = (path: string, range: string) => `${path}?range=${encodeURIComponent(range.trim())}`;

/**
 * The database: slices of the cached full file; else the network (the full file is fetched in the
 * background), and for a database too large to keep whole, the ranges as they are read.
 */
async function database(req: Request, url: URL): Promise<Response> {
  const key = url.pathname;
  const cache = await caches.open(DATA);
  const full = await cache.match(key);
  if (full) return slice(req, await full.blob());
  startKeeping(key);
  const range = req.headers.get('range');
  try {
    const res = await fetch(req);
    // (the Cache API refuses 206 responses: the slice is kept as a 200 with its Content-Range)
    if (range && req.method === 'GET' && res.status === 206 && !(await cache.match(key)))
      await cache.put(rangeKey(key, range), new Response(await res.clone().arrayBuffer(), { status: 200, headers: res.headers })).catch(() => {});
    if (req.method === 'HEAD' && res.ok) await cache.put(`${key}?head`, new Response(null, { status: 200, headers: res.headers })).catch(() => {});
    return res;
  } catch (e) {
    const hit = range && req.method === 'GET' ? await cache.match(rangeKey(key, range)) : req.method === 'HEAD' ? await cache.match(`${key}?head`) : undefined;
    if (hit) return new Response(hit.body, { status: req.method === 'HEAD' ? 200 : 206, headers: hit.headers });
    throw e;
  }
}

function startKeeping(key: string): void {
  if (downloading.has(key)) return;
  downloading.set(key, keepOffline(key).finally(() => downloading.delete(key)));
}

async function keepOffline(key: string): Promise<void> {
  try {
    if (await (await caches.open(DATA)).match(key)) return;
    // `?offline-copy` tells the whole-file copy apart from DuckDB's range reads in server logs
    const head = await fetch(`${key}?offline-copy`, { method: 'HEAD' });
    const size = Number(head.headers.get('content-length') ?? 'NaN');
    if (!head.ok || !(size <= MAX_OFFLINE_DB)) return;
    const res = await fetch(`${key}?offline-copy`, { cache: 'no-store' });
    if (res.status !== 200) return;
    const blob = await res.blob();
    const current = await (await caches.open(DATA)).match('/data/current.json');
    const named = current ? ((await current.json()) as { url?: string }).url : undefined;
    // only the snapshot current.json still names (a newer one may have been published meanwhile)
    if (named && !key.endsWith(`/data/${named}`)) return;
    const cache = await caches.open(DATA);
    await cache.put(key, new Response(blob, { headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) } }));
    // the whole file now answers every range
    for (const k of await cache.keys()) if (k.url.includes(`${key}?`)) await cache.delete(k);
  } catch {
    /* offline or aborted: the network answers next time */
  }
}

/** A 200, 206 or 416 response for a request from a whole file, as a range-capable server sends them. */
function slice(req: Request, blob: Blob): Response {
  const size = blob.size;
  const base = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
  const range = req.headers.get('range');
  const head = req.method === 'HEAD';
  if (!range) return new Response(head ? null : blob, { status: 200, headers: { ...base, 'content-length': String(size) } });
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let start = m && m[1] !== '' ? Number(m[1]) : m && m[2] !== '' ? Math.max(0, size - Number(m[2])) : NaN;
  let end = m && m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (!m || !(start <= end) || start >= size) return new Response(null, { status: 416, headers: { ...base, 'content-range': `bytes */${size}` } });
  const part = blob.slice(start, end + 1);
  return new Response(head ? null : part, {
    status: 206,
    headers: { ...base, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) }
  });
}
