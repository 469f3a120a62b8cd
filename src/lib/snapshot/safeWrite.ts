/**
 * Snapshot writes that cannot destroy good data (issue 20): a snapshot is written into a temporary
 * directory beside its target and renamed into place only when complete, so a run killed during the
 * export leaves the previous snapshot as it was (plus a `.NAME.tmp-*` directory, removed by the next
 * run); and a snapshot with no cases, or with fewer cases than the one it replaces, is refused unless
 * the caller forces it. Node only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SnapshotManifest } from './manifest.ts';

/** Thrown when a snapshot would replace a better one; nothing was changed. */
export class SnapshotRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotRefused';
  }
}

export const caseCount = (m: Pick<SnapshotManifest, 'tables'> | null | undefined): number => m?.tables?.cases?.rows ?? 0;

/**
 * Why `next` must not replace `previous` (null: it may). `what` names the replaced thing in the
 * message ("the snapshot in data/snapshots/x", "the published snapshot"). A snapshot with no cases is
 * refused when it would replace one, and always when `emptyAlways` (publishing).
 */
export function replaceRefusal(
  next: Pick<SnapshotManifest, 'tables'>, previous: Pick<SnapshotManifest, 'tables'> | null, what: string, emptyAlways = false
): string | null {
  const n = caseCount(next);
  const p = caseCount(previous);
  if (n === 0 && (previous || emptyAlways)) return `the new snapshot has no cases: ${previous ? `${what} is kept` : 'not published'} (--force overrides)`;
  if (previous && n < p) return `the new snapshot has fewer cases (${n}) than ${what} (${p}): it is kept (--force overrides)`;
  return null;
}

export function readManifest(dir: string, file = 'manifest.json'): SnapshotManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as SnapshotManifest;
  } catch {
    return null;
  }
}

const tmpPrefix = (outDir: string) => `.${basename(outDir)}.tmp-`;

/**
 * Runs `write` into a fresh temporary directory beside `outDir`, then (unless `check` refuses the
 * result against the snapshot already in `outDir`) swaps it into place: the old directory is renamed
 * aside, the new one renamed to `outDir`, the old one removed. On any failure the temporary directory
 * is removed and `outDir` is untouched.
 */
export async function writeSnapshotDir(
  outDir: string,
  write: (tmpDir: string) => Promise<SnapshotManifest>,
  check: (next: SnapshotManifest, previous: SnapshotManifest | null) => string | null = () => null
): Promise<SnapshotManifest> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  // a run killed between its two renames left the previous snapshot aside: put it back first
  const aside = readdirSync(parent).filter((f) => f.startsWith(`.${basename(outDir)}.old-`)).sort();
  if (!existsSync(outDir) && aside.length) renameSync(join(parent, aside.at(-1)!), outDir);
  // leftovers of killed runs (their process is gone: the pid in the name is not running)
  for (const f of readdirSync(parent)) {
    if (!f.startsWith(tmpPrefix(outDir)) && !f.startsWith(`.${basename(outDir)}.old-`)) continue;
    const pid = Number(/-(\d+)-/.exec(f.slice(basename(outDir).length + 1))?.[1]);
    if (pid && pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(parent, f), { recursive: true, force: true });
  }
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `${tmpPrefix(outDir)}${stamp}`);
  mkdirSync(tmp);
  try {
    const manifest = await write(tmp);
    const refusal = check(manifest, existsSync(outDir) ? readManifest(outDir) : null);
    if (refusal) throw new SnapshotRefused(refusal);
    if (existsSync(outDir)) {
      const old = join(parent, `.${basename(outDir)}.old-${stamp}`);
      renameSync(outDir, old);
      renameSync(tmp, outDir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, outDir);
    return manifest;
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
