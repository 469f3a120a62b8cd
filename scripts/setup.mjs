// One set-up step for a fresh clone, used by `npm start` and `npm test` (node built-ins only, so it
// runs before node_modules exists):
//   1. install npm dependencies from the lock file when node_modules is missing or older than it;
//   2. install the boundary files into static/geo (from ../shared/geo or the pinned public source);
//   3. build and publish the demo snapshot when static/data/current.json is missing or stale.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || mtime(marker) < mtime(lock)) {
  console.log('setup: installing npm dependencies (npm ci)');
  run('npm ci --no-audit --no-fund');
}

run('node scripts/geo-install.mjs');

// The demo snapshot is rebuilt when the generator or the schema changed since it was published.
const current = join(root, 'static', 'data', 'current.json');
// (the first-paint files are computed with the app's queries and privacy functions: src/lib/paint)
const sources = ['src/lib/demo', 'src/lib/domain', 'src/lib/snapshot', 'src/lib/paint', 'src/lib/queries', 'src/lib/privacy', 'scripts/data-demo.ts', 'data/reference'];
const newest = (p) => {
  const abs = join(root, p);
  if (!existsSync(abs)) return 0;
  const st = statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...execSync(`find "${abs}" -type f`, { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => statSync(f).mtimeMs));
};
let stale = !existsSync(current);
if (!stale) {
  const m = JSON.parse(readFileSync(current, 'utf8'));
  const paint = join(root, 'static', 'data', String(m.url ?? '').replace(/\.duckdb$/, '.paint.json'));
  stale = m.name === 'demo' && (Math.max(...sources.map(newest)) > mtime(current) || !existsSync(paint));
  if (m.name !== 'demo') console.log(`setup: keeping the published snapshot "${m.name}" (run npm run data:demo to go back to the demo)`);
}
if (stale) {
  console.log('setup: building the demo snapshot (npm run data:demo)');
  // the generator imports the app's modules through SvelteKit's $lib alias (.svelte-kit/tsconfig.json)
  if (!existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) run('npx svelte-kit sync');
  run('npm run --silent data:demo');
} else {
  console.log('setup: demo snapshot is up to date');
}
