// The range middleware of `npm start` / `npm run dev` (deploy/snapshot-ranges.mjs) on a plain Node
// server: the same HTTP checks as nginx and vite preview (tests/e2e/snapshotHttp.mjs), traversal
// refused, other paths passed on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRange, snapshotRangeMiddleware } from '../../deploy/snapshot-ranges.mjs';
import { checkSnapshotHttp, rawRequest } from '../e2e/snapshotHttp.mjs';

let dir: string;
let server: Server;
let url: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'peta-ranges-'));
  mkdirSync(join(dir, 'data/snapshots'), { recursive: true });
  writeFileSync(join(dir, 'data/snapshots/x-0123456789abcdef.duckdb'), Buffer.alloc(20_000, 7));
  writeFileSync(join(dir, 'secret.duckdb'), 'no');
  const mw = snapshotRangeMiddleware({ roots: () => [join(dir, 'missing'), dir] });
  server = createServer((req, res) => mw(req, res, () => ((res.statusCode = 404), res.end('next'))));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('snapshot range middleware', () => {
  it('parses single ranges and refuses impossible ones', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange(undefined, 10)).toBeNull();
  });
  it('answers like nginx for the snapshot, under any base path', async () => {
    await checkSnapshotHttp(`${url}/data/snapshots/x-0123456789abcdef.duckdb`, 20_000);
    expect((await rawRequest(`${url}/peta/data/snapshots/x-0123456789abcdef.duckdb`, { headers: { range: 'bytes=0-0' } })).status).toBe(206);
  });
  it('passes other paths on and never serves outside data/', async () => {
    expect((await rawRequest(`${url}/index.html`)).status).toBe(404);
    expect((await rawRequest(`${url}/data/../secret.duckdb`)).status).toBe(404);
    expect((await rawRequest(`${url}/data/%2e%2e/secret.duckdb`)).status).toBe(404);
    expect((await rawRequest(`${url}/data/snapshots/none.duckdb`)).status).toBe(404);
  });
});
