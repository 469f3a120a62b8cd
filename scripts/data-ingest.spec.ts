// Issue 20: the import CLI never destroys good data. A good run writes and publishes a snapshot; then an
// empty file, a header-only file, a file with fewer cases and a run killed during its export each leave
// that snapshot (its manifest and files) and the published version (current.json and its database)
// exactly as they were. `--force` is the explicit way to replace a snapshot with a smaller one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const TSX = join(root, 'node_modules/.bin/tsx');
const TEMPLATES = join(root, 'data/templates');
let dir: string;
let out: string;
let site: string;

const cli = (args: string[]) => spawnSync(TSX, ['scripts/data-ingest.ts', ...args, '--out', out, '--publish', '--publish-dir', site], { cwd: root, encoding: 'utf8' });

/** Everything that must survive: the snapshot's files with their bytes' size and mtime, and the published files. */
function state() {
  const files = (d: string) => (existsSync(d) ? readdirSync(d).sort().map((f) => `${f}:${statSync(join(d, f)).size}:${statSync(join(d, f)).mtimeMs}`) : []);
  return {
    snapshot: files(out),
    manifest: readFileSync(join(out, 'manifest.json'), 'utf8'),
    current: readFileSync(join(site, 'current.json'), 'utf8'),
    published: files(join(site, 'snapshots'))
  };
}

/** A kasus worksheet of `n` cases (the example's rows repeated with new ids). */
function kasus(n: number): string {
  const [header, ...rows] = readFileSync(join(TEMPLATES, 'aks-worksheet-example-kasus.csv'), 'utf8').trim().split(/\r?\n/);
  const body = Array.from({ length: n }, (_, i) => rows[i % rows.length].replace(/^[^;]+/, `K-${i + 1}`));
  return [header, ...body].join('\n') + '\n';
}

let good: ReturnType<typeof state>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peta-ingest-cli-'));
  out = join(dir, 'snap');
  site = join(dir, 'site');
  writeFileSync(join(dir, 'good.csv'), kasus(2000));
  const r = cli([join(dir, 'good.csv')]);
  expect(r.status, r.stderr).toBe(0);
  good = state();
  expect(JSON.parse(good.manifest).tables.cases.rows).toBe(2000);
  expect(JSON.parse(good.current).tables.cases.rows).toBe(2000);
  expect(good.published).toHaveLength(1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data:ingest keeps the previous snapshot and publication', () => {
  it('an empty file: nothing written, nothing published', () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    const r = cli([join(dir, 'empty.csv')]);
    expect(r.status).not.toBe(0);
    expect(state()).toEqual(good);
  });

  it('a header-only file (the blank template): refused, exit 3, with the reason', () => {
    const r = cli([join(TEMPLATES, 'aks-worksheet-template-kasus.csv')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no cases/);
    expect(state()).toEqual(good);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('fewer cases than the snapshot it replaces: refused; --force replaces it (and publishes it)', () => {
    writeFileSync(join(dir, 'few.csv'), kasus(3));
    const r = cli([join(dir, 'few.csv')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/fewer cases \(3\) than the snapshot in .* \(2000\)/);
    expect(state()).toEqual(good);

    // into a new directory it is written, but publishing it over 2000 cases is refused
    const other = join(dir, 'other');
    const p = spawnSync(TSX, ['scripts/data-ingest.ts', join(dir, 'few.csv'), '--out', other, '--publish', '--publish-dir', site], { cwd: root, encoding: 'utf8' });
    expect(p.status).toBe(3);
    expect(p.stderr).toMatch(/--publish: the new snapshot has fewer cases \(3\) than the published snapshot/);
    expect(JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8')).tables.cases.rows).toBe(3);
    expect(state()).toEqual(good);
  });

  it('a run killed during its export leaves the previous snapshot; the next run cleans up after it', async () => {
    writeFileSync(join(dir, 'more.csv'), kasus(4000));
    const child = spawn(TSX, ['scripts/data-ingest.ts', join(dir, 'more.csv'), '--out', out, '--publish', '--publish-dir', site], { cwd: root, stdio: 'ignore', detached: true });
    let killedIn = '';
    for (let i = 0; i < 3000 && !killedIn; i++) {
      const tmp = readdirSync(dir).find((f) => f.startsWith('.snap.tmp-'));
      // killed once the export has started writing files into the temporary directory
      if (tmp && readdirSync(join(dir, tmp)).length > 0) {
        killedIn = readdirSync(join(dir, tmp)).join(',');
        process.kill(-child.pid!, 'SIGKILL');
      } else await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.on('exit', r)));
    expect(killedIn, 'the run was killed during the export').not.toBe('');
    expect(state()).toEqual(good);

    const again = cli([join(dir, 'more.csv')]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).tables.cases.rows).toBe(4000);
    const current = JSON.parse(readFileSync(join(site, 'current.json'), 'utf8'));
    expect(current.tables.cases.rows).toBe(4000);
    expect(readdirSync(join(site, 'snapshots'))).toEqual([current.url.slice('snapshots/'.length)]);
  });

  it('the rejects report written by the CLI holds no NIK-like value; a Windows-1252 file is read and named', () => {
    const lines = kasus(3).trim().split('\n');
    lines[2] = lines[2].replace(/^[^;]+/, '3201234567890123');
    lines[3] = lines[3].replace('Kabupaten Cianjur', 'Kabupaten Cianjur \u2013 Jawa Barat');
    const text = lines.join('\r\n');
    writeFileSync(join(dir, 'nik.csv'), Buffer.from([...text].map((ch) => (ch === '\u2013' ? 0x96 : ch.charCodeAt(0)))));
    const report = join(dir, 'nik-rejects.csv');
    const r = spawnSync(TSX, ['scripts/data-ingest.ts', join(dir, 'nik.csv'), '--out', join(dir, 'nik-snap'), '--report', report], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Note: nik\.csv: file is not UTF-8: read as windows-1252/);
    const csv = readFileSync(report, 'utf8');
    expect(csv).toMatch(/nik\.csv,,3,ID kasus,\*{16},"?case id is 16 digits like a NIK/);
    expect(csv).toMatch(/Kabupaten Cianjur \u2013 Jawa Barat/); // decoded, not U+FFFD
    expect(csv).not.toMatch(/\d{10}/);
  });

  it('--force writes and publishes a smaller snapshot', () => {
    const r = cli([join(dir, 'few.csv'), '--force']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(site, 'current.json'), 'utf8')).tables.cases.rows).toBe(3);
  });
});
