// Precompresses the static build for nginx's gzip_static / brotli_static (deploy/nginx.conf): writes
// FILE.gz and FILE.br next to every compressible file of build/ (wasm, JS, CSS, JSON, TopoJSON, HTML,
// SVG, text), so the server never compresses the 34 MB DuckDB wasm per request. Nothing under data/ is
// touched: current.json changes on the server when a snapshot is published (nginx compresses it on the
// fly) and .duckdb files must stay uncompressed for HTTP range reads.
//
//   node deploy/compress.mjs [DIR]     (default build/; run by `npm run build`)
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as Z } from 'node:zlib';

export const COMPRESSIBLE = /\.(wasm|js|mjs|css|json|topojson|html|svg|txt|map)$/;
const MIN_BYTES = 1024;
/** Only keep a compressed copy that saves at least this fraction. */
const MIN_SAVING = 0.1;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Compresses every eligible file under `root`; returns totals. */
export function compressDir(root) {
  const totals = { files: 0, bytes: 0, gz: 0, br: 0 };
  for (const file of walk(root)) {
    const rel = relative(root, file).split('\\').join('/');
    if (rel.startsWith('data/') || !COMPRESSIBLE.test(rel)) continue;
    const buf = readFileSync(file);
    for (const ext of ['.gz', '.br']) if (existsSync(file + ext)) rmSync(file + ext);
    if (buf.length < MIN_BYTES) continue;
    const gz = gzipSync(buf, { level: 9 });
    // Quality 5 with a 16 MB window: ~1 s for the 34 MB wasm (quality 9 is 9x slower for 5% less).
    const br = brotliCompressSync(buf, {
      params: { [Z.BROTLI_PARAM_QUALITY]: 5, [Z.BROTLI_PARAM_LGWIN]: 24, [Z.BROTLI_PARAM_SIZE_HINT]: buf.length }
    });
    let wrote = false;
    if (gz.length <= buf.length * (1 - MIN_SAVING)) (writeFileSync(file + '.gz', gz), (totals.gz += gz.length), (wrote = true));
    if (br.length <= buf.length * (1 - MIN_SAVING)) (writeFileSync(file + '.br', br), (totals.br += br.length), (wrote = true));
    if (wrote) (totals.files++, (totals.bytes += buf.length));
  }
  return totals;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'build'));
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`compress: ${root} is not a directory (build first)`);
    process.exit(1);
  }
  const t0 = performance.now();
  const t = compressDir(root);
  const mb = (n) => (n / 1e6).toFixed(1) + ' MB';
  console.log(
    `compress: ${t.files} files, ${mb(t.bytes)} -> gzip ${mb(t.gz)}, brotli ${mb(t.br)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  );
}
