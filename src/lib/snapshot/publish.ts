/**
 * Publishes a built snapshot for the app: copies its snapshot.duckdb to
 * `<staticDataDir>/snapshots/<name>-<version>.duckdb` (immutable, content-versioned name, so browsers
 * may cache it forever), points `<staticDataDir>/current.json` at it (the manifest plus
 * `"url": "snapshots/<name>-<version>.duckdb"`, relative to /data/), then removes the older published
 * files of the same snapshot name. Each file appears atomically (written to a temporary name in the
 * same directory, then renamed), and current.json never points at a missing file. Node only.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotManifest } from './manifest.ts';
import { readManifest, replaceRefusal, SnapshotRefused } from './safeWrite.ts';

export interface PublishResult {
  /** Path of current.json. */
  currentJson: string;
  /** Path of the published database file. */
  file: string;
  /** The url written into current.json (relative to /data/). */
  url: string;
  /** Older published files that were removed. */
  removed: string[];
}

const NAME_RE = /^[a-z0-9][a-z0-9_-]*$/;
const VERSION_RE = /^[0-9a-f]{8,64}$/;

function atomicWrite(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } finally {
    if (existsSync(tmp)) rmSync(tmp);
  }
}

/**
 * `force: false` (the import CLI without --force) refuses, before touching anything, a snapshot with no
 * cases or with fewer cases than the published one (SnapshotRefused).
 */
export function publishSnapshot(snapshotDir: string, staticDataDir = 'static/data', { force = true } = {}): PublishResult {
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  if (!force) {
    const current = readManifest(staticDataDir, 'current.json');
    const refusal = replaceRefusal(manifest, current, `the published snapshot "${current?.name}"`, true);
    if (refusal) throw new SnapshotRefused(refusal);
  }
  if (!NAME_RE.test(manifest.name)) throw new Error(`snapshot name not usable in a file name: ${JSON.stringify(manifest.name)}`);
  if (!VERSION_RE.test(manifest.version)) throw new Error(`snapshot version is not a hex hash: ${JSON.stringify(manifest.version)}`);
  const source = join(snapshotDir, manifest.database.file);
  if (!existsSync(source)) throw new Error(`${source} is missing: build the snapshot first`);

  const dir = join(staticDataDir, 'snapshots');
  mkdirSync(dir, { recursive: true });
  const fileName = `${manifest.name}-${manifest.version}.duckdb`;
  const file = join(dir, fileName);
  atomicWrite(file, (tmp) => copyFileSync(source, tmp));

  const url = `snapshots/${fileName}`;
  const currentJson = join(staticDataDir, 'current.json');
  atomicWrite(currentJson, (tmp) => writeFileSync(tmp, JSON.stringify({ ...manifest, url }, null, 2) + '\n'));

  // Only files of exactly this snapshot name: "demo-<hex>.duckdb" never matches "demo-big-<hex>.duckdb".
  const sameName = new RegExp(`^${manifest.name}-[0-9a-f]{8,64}\\.duckdb$`);
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    if (f !== fileName && sameName.test(f)) {
      rmSync(join(dir, f));
      removed.push(f);
    }
  }
  return { currentJson, file, url, removed };
}
