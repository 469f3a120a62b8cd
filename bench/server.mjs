// A minimal static server for the benchmark: serves build/ on 127.0.0.1 with HTTP range requests,
// swaps in a chosen snapshot (its own /data/current.json and database file) and counts bytes sent.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.topojson': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.duckdb': 'application/octet-stream', '.txt': 'text/plain'
};

/**
 * @param {string} buildDir  the production build
 * @param {{ manifest: object, dbPath: string }} snapshot  the snapshot to serve as /data/current.json
 *   (its first-paint files, paint.json and paint-public.json beside dbPath, are served under their published names)
 * @param {{ port?: number, extra?: Record<string, { type: string, body: string }> }} [opts]  extra: fixed pages (the bench's floor)
 * The result's `setSnapshot(snapshot)` publishes another snapshot; `offline(true)` drops every connection.
 */
export function serve(buildDir, snapshot, opts = {}) {
  const counters = { bytes: 0, dbBytes: 0, requests: 0 };
  let dbUrl, current, paints, down = false;
  const setSnapshot = (s) => {
    snapshot = s;
    dbUrl = `/data/${s.manifest.url}`;
    current = Buffer.from(JSON.stringify(s.manifest));
    const stem = dbUrl.replace(/\.duckdb$/, '');
    paints = new Map([
      [`${stem}.paint.json`, join(dirname(s.dbPath), 'paint.json')],
      [`${stem}.paint-public.json`, join(dirname(s.dbPath), 'paint-public.json')]
    ]);
  };
  setSnapshot(snapshot);
  const server = createServer((req, res) => {
    if (down) return req.socket.destroy();
    counters.requests++;
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const extra = opts.extra?.[path];
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-cache' });
      return res.end(extra.body);
    }
    let file;
    if (paints.has(path) && existsSync(paints.get(path))) file = paints.get(path);
    else if (path === '/data/current.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': current.length, 'cache-control': 'no-cache' });
      counters.bytes += current.length;
      return res.end(current);
    }
    if (file) {
      /* a first-paint file */
    } else if (path === dbUrl) file = snapshot.dbPath;
    else {
      file = join(buildDir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) file = join(buildDir, 'index.html');
    }
    const size = statSync(file).size;
    // caching as deploy/nginx.conf: hashed app files and versioned snapshot files are immutable
    const immutable = path.startsWith('/_app/immutable/') || path.startsWith('/data/snapshots/');
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    };
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0, end = size - 1, status = 200;
    if (m) {
      start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
      end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
    }
    const length = end - start + 1;
    headers['content-length'] = length;
    counters.bytes += req.method === 'HEAD' ? 0 : length;
    if (file === snapshot.dbPath && req.method !== 'HEAD') counters.dbBytes += length;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(opts.port ?? 0, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${server.address().port}`,
        counters,
        setSnapshot,
        offline: (v) => (down = v),
        close: () => (server.closeAllConnections?.(), server.close())
      })
    )
  );
}

/** The published-manifest shape the app reads, for a snapshot directory. */
export function manifestFor(snapshotDir, name) {
  const m = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8'));
  return { ...m, url: `snapshots/${name}-${m.version}.duckdb` };
}
