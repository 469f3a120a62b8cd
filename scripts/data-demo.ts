// Deterministic demo snapshot generator (see data/README.md, "Demo snapshot").
//
//   npm run data:demo                          -> data/snapshots/demo/, published to static/data
//   npm run data:demo -- --seed 7              -> another demo (still published)
//   npm run data:demo -- --scale 5000000       -> data/snapshots/scale-5000000/, not published
//   options: --out DIR, --publish / --no-publish
import { parseArgs } from 'node:util';
import { buildDemoSnapshot } from '../src/lib/demo/build.ts';
import { DEFAULT_SEED } from '../src/lib/demo/config.ts';
import { publishSnapshot } from '../src/lib/snapshot/publish.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scale: { type: 'string' },
    out: { type: 'string' },
    publish: { type: 'boolean' },
    'no-publish': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
  }
});
if (values.help) {
  console.log('usage: npm run data:demo -- [--seed N] [--scale N] [--out DIR] [--publish | --no-publish]');
  process.exit(0);
}
const int = (s: string | undefined, what: string): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${what} must be a non-negative integer, got ${s}`);
  return n;
};
const seed = int(values.seed, 'seed') ?? DEFAULT_SEED;
const scale = int(values.scale, 'scale');
if (scale === 0) throw new Error('--scale must be at least 1');
const outDir = values.out ?? (scale === undefined ? 'data/snapshots/demo' : `data/snapshots/scale-${scale}`);
const publish = values['no-publish'] ? false : values.publish ?? scale === undefined;

const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1) + ' s';
const mb = (bytes: number) => (bytes / 1e6).toFixed(1) + ' MB';
console.log(`data:demo seed ${seed}${scale === undefined ? '' : `, scale ${scale.toLocaleString('en')}`} -> ${outDir}`);

const { manifest, stats } = await buildDemoSnapshot({
  outDir,
  seed,
  scale,
  onPhase: (phase) => console.log(`  [${secs()}] ${phase}`),
  onProgress: (done, total) => {
    if (scale !== undefined) console.log(`  [${secs()}] ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
  }
});

let parquetBytes = 0;
for (const [name, t] of Object.entries(manifest.tables)) {
  parquetBytes += t.bytes;
  console.log(`  ${name.padEnd(16)} ${String(t.rows).padStart(11)} rows ${mb(t.bytes).padStart(10)}`);
}
const { statSync } = await import('node:fs');
const dbBytes = statSync(`${outDir}/${manifest.database.file}`).size;
console.log(`  Parquet total ${mb(parquetBytes)}, ${manifest.database.file} ${mb(dbBytes)}, version ${manifest.version}`);
console.log(`  generated: ${JSON.stringify(stats)}`);

if (publish) {
  const r = publishSnapshot(outDir);
  console.log(`  published ${r.file} (current.json -> ${r.url})${r.removed.length ? `, removed ${r.removed.join(', ')}` : ''}`);
}
// maxRSS is in kilobytes.
console.log(`done in ${secs()}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
