import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishSnapshot } from './publish.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'peta-aks-publish-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeSnapshot(dir: string, name: string, version: string, bytes = 'db-' + version, cases?: number): string {
  const snap = join(root, dir);
  mkdirSync(snap, { recursive: true });
  writeFileSync(join(snap, 'snapshot.duckdb'), bytes);
  const manifest = {
    schemaVersion: 1, name, created: '2026-01-15T00:00:00Z', dataDate: '2026-01-15', source: 'test',
    tables: cases === undefined ? {} : { cases: { file: 'cases.parquet', rows: cases, bytes: 1, sha256: 'x' } }, database: { file: 'snapshot.duckdb', storageVersion: 'v1.4.0' }, version
  };
  writeFileSync(join(snap, 'manifest.json'), JSON.stringify(manifest));
  return snap;
}

describe('publishSnapshot', () => {
  it('copies the database under a versioned name and writes current.json with its url', () => {
    const staticData = join(root, 'static', 'data');
    const r = publishSnapshot(fakeSnapshot('s1', 'demo', 'aaaaaaaaaaaaaaaa'), staticData);
    expect(r.url).toBe('snapshots/demo-aaaaaaaaaaaaaaaa.duckdb');
    expect(readFileSync(join(staticData, r.url), 'utf8')).toBe('db-aaaaaaaaaaaaaaaa');
    const current = JSON.parse(readFileSync(join(staticData, 'current.json'), 'utf8'));
    expect(current).toMatchObject({ name: 'demo', version: 'aaaaaaaaaaaaaaaa', url: r.url, dataDate: '2026-01-15' });
    expect(current.database.file).toBe('snapshot.duckdb');
  });
  it('replaces older files of the same name only, and leaves no temporary files', () => {
    const staticData = join(root, 'static', 'data');
    publishSnapshot(fakeSnapshot('other', 'demo-big', 'cccccccccccccccc'), staticData);
    publishSnapshot(fakeSnapshot('s1', 'demo', 'aaaaaaaaaaaaaaaa'), staticData);
    const r = publishSnapshot(fakeSnapshot('s2', 'demo', 'bbbbbbbbbbbbbbbb'), staticData);
    expect(r.removed).toEqual(['demo-aaaaaaaaaaaaaaaa.duckdb']);
    expect(readdirSync(join(staticData, 'snapshots')).sort()).toEqual(['demo-bbbbbbbbbbbbbbbb.duckdb', 'demo-big-cccccccccccccccc.duckdb']);
    expect(readdirSync(staticData).sort()).toEqual(['current.json', 'snapshots']);
    expect(JSON.parse(readFileSync(join(staticData, 'current.json'), 'utf8')).url).toBe('snapshots/demo-bbbbbbbbbbbbbbbb.duckdb');
  });
  it('republishing the same version is idempotent', () => {
    const staticData = join(root, 'data');
    const snap = fakeSnapshot('s1', 'demo', 'aaaaaaaaaaaaaaaa');
    publishSnapshot(snap, staticData);
    const r = publishSnapshot(snap, staticData);
    expect(r.removed).toEqual([]);
    expect(existsSync(r.file)).toBe(true);
  });
  it('refuses a missing database, an unsafe name or a non-hash version, without touching current.json', () => {
    const staticData = join(root, 'data');
    const snap = fakeSnapshot('s1', 'demo', 'aaaaaaaaaaaaaaaa');
    rmSync(join(snap, 'snapshot.duckdb'));
    expect(() => publishSnapshot(snap, staticData)).toThrow(/missing/);
    expect(() => publishSnapshot(fakeSnapshot('s2', '../evil', 'aaaaaaaaaaaaaaaa'), staticData)).toThrow(/name/);
    expect(() => publishSnapshot(fakeSnapshot('s3', 'demo', 'v1'), staticData)).toThrow(/version/);
    expect(existsSync(join(staticData, 'current.json'))).toBe(false);
  });
  it('without force, refuses a snapshot with no cases or fewer cases than the published one, touching nothing', () => {
    const staticData = join(root, 'data');
    publishSnapshot(fakeSnapshot('s1', 'imported', 'aaaaaaaaaaaaaaaa', 'db-a', 50), staticData, { force: false });
    const before = readFileSync(join(staticData, 'current.json'), 'utf8');
    expect(() => publishSnapshot(fakeSnapshot('s2', 'imported', 'bbbbbbbbbbbbbbbb', 'db-b', 0), staticData, { force: false })).toThrow(/no cases/);
    expect(() => publishSnapshot(fakeSnapshot('s3', 'imported', 'cccccccccccccccc', 'db-c', 49), staticData, { force: false })).toThrow(/fewer cases \(49\) than the published snapshot "imported" \(50\)/);
    expect(readFileSync(join(staticData, 'current.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(staticData, 'snapshots'))).toEqual(['imported-aaaaaaaaaaaaaaaa.duckdb']);
    // more cases: published, and only then is the old file removed
    const r = publishSnapshot(fakeSnapshot('s4', 'imported', 'dddddddddddddddd', 'db-d', 51), staticData, { force: false });
    expect(r.removed).toEqual(['imported-aaaaaaaaaaaaaaaa.duckdb']);
    // a first publication with no cases is refused too
    expect(() => publishSnapshot(fakeSnapshot('s5', 'other', 'eeeeeeeeeeeeeeee', 'db-e', 0), join(root, 'fresh'), { force: false })).toThrow(/no cases/);
    expect(existsSync(join(root, 'fresh', 'current.json'))).toBe(false);
  });
});
