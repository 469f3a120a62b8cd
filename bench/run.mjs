// `npm run bench` (run with tsx: it imports src/lib/domain): builds the app, serves it on 127.0.0.1 and measures it in headless Chromium for
// snapshots of several sizes (the generator's --scale). Prints a table and writes
// bench/results/latest.json. Options: --sizes 100000,1000000,5000000 (default), --changes 30,
// --drills 15, --no-build. A missing scale snapshot is generated first (5M rows take ~7 minutes).
// First, on the demo snapshot: first paint vs the raw floor (bench/paint.mjs; --paint-rounds 3);
// `--paint-only` runs just that part (about a minute); `--no-paint` skips it.
// Public mode's cost: every size's filter changes run side by side on an internal and a public
// (`publik=1`) dashboard (measurePublicCost); both and the difference are printed. A scale snapshot
// without record_key (generated before the cell-key method) is generated again.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { manifestFor, serve } from './server.mjs';
import { changePlan, measureColdStart, measureDrills, measurePublicCost } from './measure.mjs';
import { MemorySampler } from './memory.mjs';
import { floorRoutes, measurePaint, printPaint } from './paint.mjs';
import { recompileIfOutdated } from '../src/lib/snapshot/compileDatabase.ts';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('sizes', '100000,1000000,5000000').split(',').map(Number);
const changes = Number(arg('changes', 30));
const drills = Number(arg('drills', 15));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!process.argv.includes('--no-build')) run('node scripts/setup.mjs && npx vite build --logLevel warn');

/** Whether a snapshot's cases carry record_key (public mode's cell keys). */
async function hasRecordKey(dir) {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const sql = `SELECT count(*)::INTEGER AS n FROM (DESCRIBE SELECT * FROM read_parquet('${join(dir, 'cases.parquet')}')) WHERE column_name = 'record_key'`;
  const [[n]] = (await conn.runAndReadAll(sql)).getRows();
  conn.closeSync();
  return n > 0;
}

async function snapshotFor(size) {
  if (size === 0) return { dir: join(root, 'data/snapshots/demo'), name: 'demo' };
  const dir = join(root, `data/snapshots/scale-${size}`);
  const fresh = existsSync(join(dir, 'manifest.json')) && (await hasRecordKey(dir));
  if (!fresh) {
    if (existsSync(join(dir, 'manifest.json'))) console.log(`scale-${size} has no record_key: generating it again`);
    run(`npm run --silent data:demo -- --scale ${size} --no-publish`);
  }
  return { dir, name: `scale-${size}` };
}
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const loadAtStart = load();

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null;
};
const stats = (xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });

const paintOnly = process.argv.includes('--paint-only');
let paint;
if (!process.argv.includes('--no-paint')) {
  const snap = await snapshotFor(0);
  if (await recompileIfOutdated(snap.dir)) console.log(`recompiled ${snap.name}/snapshot.duckdb`);
  const server = await serve(join(root, 'build'), { manifest: manifestFor(snap.dir, snap.name), dbPath: join(snap.dir, 'snapshot.duckdb') }, { extra: await floorRoutes() });
  const browser = await launch();
  try {
    paint = await measurePaint(browser, server.url, Number(arg('paint-rounds', 3)));
  } finally {
    await browser.close();
    server.close();
  }
  printPaint(paint);
}

const results = [];
for (const size of paintOnly ? [] : [0, ...sizes]) {
  const snap = await snapshotFor(size);
  // a snapshot generated before the current database format (pre-aggregates): recompile from its Parquet
  if (await recompileIfOutdated(snap.dir)) console.log(`recompiled ${snap.name}/snapshot.duckdb`);
  const manifest = manifestFor(snap.dir, snap.name);
  const server = await serve(join(root, 'build'), { manifest, dbPath: join(snap.dir, 'snapshot.duckdb') });
  const browser = await launch();
  const memory = await MemorySampler.start(browser);
  try {
    const cold = [];
    for (let i = 0; i < 3; i++) cold.push(await measureColdStart(browser, server.url));
    const entry = { rows: manifest.tables.cases.rows, snapshot: snap.name, coldStart: pct(cold, 50) };
    const bytesBefore = server.counters.bytes;
    const f = await measurePublicCost(browser, server.url, changePlan(changes));
    entry.filter = stats(f.internal.total);
    entry.query = stats(f.internal.floor);
    entry.publicFilter = stats(f.public.total);
    entry.publicQuery = stats(f.public.floor);
    // public − internal at each percentile, and the median of the per-change differences
    entry.publicCost = {
      p50: Math.round((entry.publicFilter.p50 - entry.filter.p50) * 10) / 10,
      p95: Math.round((entry.publicFilter.p95 - entry.filter.p95) * 10) / 10,
      pairedP50: pct(f.diff, 50),
      queryP50: Math.round((entry.publicQuery.p50 - entry.query.p50) * 10) / 10
    };
    entry.load = load();
    if (size > 0) {
      const d = await measureDrills(browser, server.url, drills);
      entry.drill = stats(d.total);
      entry.floorRatio = entry.filter.p50 && entry.query.p50 ? Math.round((entry.filter.p50 / entry.query.p50) * 100) / 100 : null;
      entry.transferMB = Math.round(((server.counters.bytes - bytesBefore) / 1e6) * 10) / 10;
      entry.dbReadMB = Math.round((server.counters.dbBytes / 1e6) * 10) / 10;
      entry.dbFileMB = Math.round((readFileSync(join(snap.dir, 'snapshot.duckdb')).length / 1e6) * 10) / 10;
    }
    entry.memoryMB = memory.peakRendererMB();
    entry.browserMemoryMB = memory.peakTotalMB();
    results.push(entry);
    console.log(JSON.stringify(entry));
  } finally {
    await memory.stop();
    await browser.close();
    server.close();
  }
}

const out = {
  date: new Date().toISOString(),
  load: { start: loadAtStart, end: load() },
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, headless Chromium (SwiftShader WebGL)`,
  paint,
  results
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${paintOnly ? 'paint' : 'latest'}.json`), JSON.stringify(out, null, 2) + '\n');
if (paintOnly) process.exit(0);
const row = (r) => ({
  rows: r.rows.toLocaleString('en'),
  'cold start ms': r.coldStart,
  'filter p50/p95 ms': r.filter ? `${r.filter.p50} / ${r.filter.p95}` : '',
  'queries p50/p95 ms': r.query ? `${r.query.p50} / ${r.query.p95}` : '',
  'drill p50/p95 ms': r.drill ? `${r.drill.p50} / ${r.drill.p95}` : '',
  'overhead ×': r.floorRatio ?? '',
  'tab MB': r.memoryMB,
  'transfer MB': r.transferMB ?? '',
  'db read / file MB': r.dbReadMB !== undefined ? `${r.dbReadMB} / ${r.dbFileMB}` : ''
});
console.log(`\n${out.machine}, ${out.date}, load average ${out.load.start.join(' ')} at the start, ${out.load.end.join(' ')} at the end`);
console.table(results.map(row));
const costRow = (r) => ({
  rows: r.rows.toLocaleString('en'),
  'internal filter p50/p95 ms': `${r.filter.p50} / ${r.filter.p95}`,
  'public filter p50/p95 ms': `${r.publicFilter.p50} / ${r.publicFilter.p95}`,
  'public − internal p50/p95 ms': `${r.publicCost.p50} / ${r.publicCost.p95}`,
  'paired diff p50 ms': r.publicCost.pairedP50,
  'queries internal/public p50 ms': `${r.query.p50} / ${r.publicQuery.p50}`,
  load: r.load.join(' ')
});
console.log('\nPublic mode (publik=1) on a filter change, the same plan side by side:');
console.table(results.map(costRow));
