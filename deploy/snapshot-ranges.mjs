// Serves snapshot databases (`*.duckdb`) to DuckDB-WASM from Vite's own servers (`npm start` = vite
// preview, `npm run dev`) the way deploy/nginx.conf does: raw bytes (never compressed: a gzipped 206
// breaks the browser's cache on the next load with ERR_CONTENT_DECODING_FAILED), 206 with a correct
// Content-Range for every single range (also `bytes=0-0`, which sirv answers with the whole file),
// Accept-Ranges and Content-Length on HEAD, application/octet-stream. The middleware is installed
// before Vite's compression and static-file middlewares; anything that is not a `.duckdb` GET/HEAD
// passes through. Node built-ins only.
import { createReadStream, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * Parses one `Range` header against a file size: `{ start, end }` (inclusive), `'unsatisfiable'`
 * (416), or `null` (no usable single range: the whole file is sent with 200, as RFC 9110 allows).
 * @param {string | undefined} header
 * @param {number} size
 */
export function parseRange(header, size) {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null; // multiple ranges or another unit
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const n = Number(b); // suffix: the last n bytes
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || (b !== '' && Number(b) < start)) return 'unsatisfiable';
  return { start, end };
}

/**
 * The connect-style middleware over `roots` (directories searched in order for the URL's path).
 * @param {{ roots: () => string[], cacheControl?: string }} options
 */
export function snapshotRangeMiddleware({ roots, cacheControl = 'no-cache' }) {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    // the app reads `<base>/data/snapshots/NAME-VERSION.duckdb` (any base path)
    const rel = /\/(data\/.+\.duckdb)$/.exec(path)?.[1];
    if (!rel) return next();
    let file;
    let size = 0;
    let mtime = 0;
    for (const dir of roots()) {
      const abs = resolve(dir, rel);
      if (abs !== resolve(dir) && !abs.startsWith(resolve(dir) + sep)) continue; // no ../ escapes
      try {
        const st = statSync(abs);
        if (!st.isFile()) continue;
        [file, size, mtime] = [abs, st.size, st.mtimeMs];
        break;
      } catch {
        /* not in this root */
      }
    }
    if (!file) return next();

    const etag = `"${size.toString(16)}-${Math.floor(mtime).toString(16)}"`;
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', new Date(mtime).toUTCString());
    // a stale If-Range means the client's cached part belongs to another file: send it whole
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      res.setHeader('Content-Length', '0');
      return res.end();
    }
    if (!range && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return res.end();
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(size === 0 ? 0 : end - start + 1));
    if (req.method === 'HEAD' || size === 0) return res.end();
    const stream = createReadStream(file, { start, end });
    stream.on('error', (e) => res.destroy(e));
    stream.pipe(res);
  };
}

/**
 * The Vite plugin: preview serves SvelteKit's client output (where `vite build` copied static/), then
 * build/ (the adapter's copy); dev serves static/ (where the snapshot is published).
 */
export function snapshotRanges() {
  let root = process.cwd();
  return {
    name: 'peta-aks:snapshot-ranges',
    configResolved(config) {
      root = config.root;
    },
    configurePreviewServer(server) {
      server.middlewares.use(snapshotRangeMiddleware({ roots: () => [join(root, '.svelte-kit/output/client'), join(root, 'build')] }));
    },
    configureServer(server) {
      server.middlewares.use(snapshotRangeMiddleware({ roots: () => [join(root, 'static')] }));
    }
  };
}
