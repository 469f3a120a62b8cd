// The raw floor of a cold start (bundled by bench/paint.mjs, served at /__floor/): a bare page that
// instantiates the app's own DuckDB-WASM bundle (the build's worker and wasm), attaches the same
// published database over HTTP and answers one GROUP BY. Records performance.now() (ms since
// navigation) in window.__floorMs.
import * as duckdb from '@duckdb/duckdb-wasm';

const { worker: workerUrl, wasm } = window.__floorBundle;
const worker = new Worker(workerUrl);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(wasm);
await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
const m = await (await fetch('/data/current.json', { cache: 'no-cache' })).json();
await db.registerFileURL('snap.duckdb', new URL(`/data/${m.url}`, location.href).href, duckdb.DuckDBDataProtocol.HTTP, false);
const c = await db.connect();
await c.query(`ATTACH 'snap.duckdb' AS snap (READ_ONLY)`);
const r = await c.query('SELECT province_code, sum(n)::INTEGER AS n FROM snap.agg_cases GROUP BY 1');
window.__floorRows = r.numRows;
window.__floorMs = performance.now();
