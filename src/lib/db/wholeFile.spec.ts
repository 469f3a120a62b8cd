import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WholeFile } from './wholeFile.ts';

/** A real HTTP server: /fast (Content-Length), /slow (throttled), /stall, /chunked (no length), /gzip, /missing (404), /lying (HEAD plain, GET chunked). */
const BODY = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 251);
let server: Server;
let origin = '';
const aborted: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(`${req.method} ${path}`);
    if (req.method === 'HEAD') {
      const plain = ['/fast', '/slow', '/stall', '/lying'].includes(path); // /lying: the GET then differs
      res.writeHead(plain ? 200 : path === '/missing' ? 404 : 200, plain || path === '/gzip' ? { 'content-length': BODY.length, ...(path === '/gzip' ? { 'content-encoding': 'gzip' } : {}) } : {});
      return res.end();
    }
    req.on('close', () => !res.writableEnded && aborted.push(path));
    if (path === '/fast') {
      res.writeHead(200, { 'content-length': BODY.length, 'content-type': 'application/octet-stream' });
      res.end(BODY);
    } else if (path === '/slow') {
      // 4 KB every 20 ms: the 256 KB take about 1.3 s
      res.writeHead(200, { 'content-length': BODY.length });
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(BODY.subarray(at, at + 4096));
        at += 4096;
        if (at >= BODY.length) (clearInterval(timer), res.end());
      }, 20);
    } else if (path === '/chunked' || path === '/lying') {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.end(BODY);
    } else if (path === '/gzip') {
      res.writeHead(200, { 'content-length': BODY.length, 'content-encoding': 'gzip' });
      res.end(BODY);
    } else if (path === '/stall') {
      // half the file at once, then nothing
      res.writeHead(200, { 'content-length': BODY.length });
      res.write(BODY.subarray(0, BODY.length / 2));
    } else {
      res.writeHead(404, { 'content-length': 2 });
      res.end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WholeFile', () => {
  it('returns the exact bytes of a plain 200 that arrives in time', async () => {
    const file = new WholeFile(`${origin}/fast`);
    await settle(200);
    const bytes = await file.take();
    expect(file.outcome).toBe('whole');
    expect(bytes).not.toBeNull();
    expect(bytes!.length).toBe(BODY.length);
    expect(Buffer.from(bytes!).equals(Buffer.from(BODY))).toBe(true);
  });

  it('gives way when nothing has arrived yet (no rate to project)', async () => {
    const file = new WholeFile(`${origin}/fast`, { graceMs: 2000 });
    const bytes = await file.take(); // taken at once: no byte yet, so nothing can be projected
    expect(bytes).toBeNull();
    expect(file.outcome).toBe('too-slow');
  });

  it('gives way to range reads on a slow link, and aborts the download', async () => {
    const file = new WholeFile(`${origin}/slow`, { graceMs: 100 });
    await settle(200); // about 40 of 256 KB
    const t = performance.now();
    expect(await file.take()).toBeNull();
    expect(performance.now() - t).toBeLessThan(50);
    expect(file.outcome).toBe('too-slow');
    await settle(100);
    expect(aborted).toContain('/slow');
  });

  it('takes a slow file that will end within the grace period', async () => {
    const file = new WholeFile(`${origin}/slow`, { graceMs: 2000 });
    await settle(1100); // most of it has arrived; the rest is expected in a few hundred ms
    const bytes = await file.take();
    expect(file.outcome).toBe('whole');
    expect(Buffer.from(bytes!).equals(Buffer.from(BODY))).toBe(true);
  });

  it('gives up on a stall after the estimate', async () => {
    const file = new WholeFile(`${origin}/stall`, { graceMs: 100 });
    await settle(30);
    const t = performance.now();
    expect(await file.take()).toBeNull();
    expect(file.outcome).toBe('too-slow');
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('refuses a file larger than maxBytes after a HEAD, without any GET', async () => {
    requests.length = 0;
    const file = new WholeFile(`${origin}/fast`, { maxBytes: 1024 });
    await settle(100);
    expect(await file.take()).toBeNull();
    expect(file.outcome).toBe('too-large');
    expect(requests).toEqual(['HEAD /fast']);
  });

  it.each([['/missing'], ['/chunked'], ['/gzip'], ['/lying']])('refuses %s (not a plain 200 with a length)', async (path) => {
    const file = new WholeFile(`${origin}${path}`);
    await settle(100);
    expect(await file.take()).toBeNull();
    expect(file.outcome).toBe('not-plain');
  });

  it('reports a network failure as null', async () => {
    const file = new WholeFile('http://127.0.0.1:1/none');
    await settle(100);
    expect(await file.take()).toBeNull();
    expect(file.outcome).toBe('failed');
  });
});
