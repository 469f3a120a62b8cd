// Installs the boundary files into static/geo/ (git-ignored; they must never be committed).
//  1. If ../shared/geo holds them with the expected sha256, copy them.
//  2. Otherwise download the pinned geoBoundaries source (sha256-checked) and rebuild them with
//     scripts/geo/build.sh, the steps documented in the boundary README; check the results' sha256.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'static', 'geo');
const shared = process.env.PETA_AKS_SHARED_GEO ?? resolve(root, '..', 'shared', 'geo');

export const GEO_FILES = {
  'idn-provinces.topojson': '18bc50e78cc3a67dec44cea4f95a217a03cb5e060b9da90b379f8c748a3e6e01',
  'idn-regencies.topojson': '881e74f12fa64f3536b768259e67f0e383596f08954461878999f6ae9af81161'
};
export const ATTRIBUTION =
  'Boundaries: geoBoundaries (www.geoboundaries.org), Indonesia ADM2 IDN-ADM2-22746128, from BPS – Statistics Indonesia, WFP and OCHA ROAP via HDX, CC BY 3.0 IGO; modified (regrouped into 38 provinces, repaired, simplified). Codes and names: idn-area-data (ODbL 1.0).';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const ok = (dir) => Object.entries(GEO_FILES).every(([f, h]) => existsSync(join(dir, f)) && sha256(join(dir, f)) === h);

function install() {
  mkdirSync(out, { recursive: true });
  if (ok(out)) return 'present';
  if (ok(shared)) {
    for (const f of Object.keys(GEO_FILES)) {
      copyFileSync(join(shared, f), join(out, f));
      chmodSync(join(out, f), 0o644);
    }
    return `copied from ${shared}`;
  }
  // Rebuild from the pinned public source (needs internet the first time; cached in data/cache/geo).
  const cache = join(root, 'data', 'cache', 'geo');
  mkdirSync(join(cache, 'source'), { recursive: true });
  console.log('geo: ../shared/geo not found; downloading the pinned geoBoundaries source and rebuilding');
  execFileSync('bash', [join(root, 'scripts', 'geo', 'build.sh')], {
    stdio: 'inherit',
    env: { ...process.env, GEO: cache, OUT: out }
  });
  for (const [f, h] of Object.entries(GEO_FILES)) {
    const got = sha256(join(out, f));
    if (got !== h) throw new Error(`geo: rebuilt ${f} has sha256 ${got}, expected ${h}`);
  }
  return 'rebuilt from the pinned source';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const how = install();
    writeFileSync(join(out, 'ATTRIBUTION.txt'), ATTRIBUTION + '\n');
    console.log(`geo: boundaries ${how} (static/geo/)`);
  } catch (e) {
    console.error(`geo: could not install the boundary files: ${e.message}`);
    process.exit(1);
  }
}
