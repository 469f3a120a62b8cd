import { describe, expect, it, vi } from 'vitest';
import { Coordinator, type QueryClient } from './Coordinator.ts';
import type { Row } from './types.ts';
import { FakeEngine, tick } from './fakeEngine.ts';


describe('Coordinator', () => {
  it('dedupes identical SQL in flight across clients', async () => {
    const e = new FakeEngine();
    const c = new Coordinator(e);
    const a = c.request('a', 'SELECT 1');
    const b = c.request('b', 'SELECT 1');
    expect(e.calls).toEqual(['SELECT 1']);
    e.finish('SELECT 1', [{ x: 1 }]);
    expect(await a).toEqual({ status: 'ok', rows: [{ x: 1 }] });
    expect(await b).toEqual({ status: 'ok', rows: [{ x: 1 }] });
    expect(c.stats.deduped).toBe(1);
  });

  it('answers repeated SQL from the cache, and evicts the least recently used', async () => {
    const e = new FakeEngine();
    const c = new Coordinator(e, 2);
    for (const q of ['A', 'B']) {
      const p = c.request('v', q);
      e.finish(q);
      await p;
    }
    expect(await c.request('v', 'A')).toMatchObject({ status: 'ok' }); // hit: A becomes most recent
    expect(e.calls).toEqual(['A', 'B']);
    const p = c.request('v', 'C');
    e.finish('C');
    await p;
    expect(c.isCached('A')).toBe(true);
    expect(c.isCached('B')).toBe(false);
    expect(c.isCached('C')).toBe(true);
    expect(c.stats.cacheHits).toBe(1);
  });

  it('drops a superseded result: the newer request of the same client wins even if it finishes first', async () => {
    const e = new FakeEngine();
    const c = new Coordinator(e);
    const old = c.request('map', 'OLD');
    const nu = c.request('map', 'NEW');
    e.finish('NEW');
    e.finish('OLD');
    expect(await nu).toEqual({ status: 'ok', rows: [{ sql: 'NEW' }] });
    expect(await old).toEqual({ status: 'stale' });
    expect(c.isCached('OLD')).toBe(true); // still useful to others
    expect(c.stats.dropped).toBe(1);
  });

  it('does not let one client supersede another', async () => {
    const e = new FakeEngine();
    const c = new Coordinator(e);
    const a = c.request('map', 'X');
    const b = c.request('summary', 'Y');
    e.finish('Y');
    e.finish('X');
    expect((await a).status).toBe('ok');
    expect((await b).status).toBe('ok');
  });

  it('reports errors, does not cache them, and retries next time', async () => {
    const e = new FakeEngine();
    const c = new Coordinator(e);
    const p = c.request('v', 'BAD');
    e.fail('BAD', new Error('boom'));
    expect(await p).toMatchObject({ status: 'error' });
    expect(c.isCached('BAD')).toBe(false);
    const q = c.request('v', 'BAD');
    expect(e.calls).toEqual(['BAD', 'BAD']);
    e.finish('BAD');
    expect((await q).status).toBe('ok');
  });

  it('clients: SQL is a pure function of state; unchanged SQL is not re-run; stale results never reach the view', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<{ p: string }>(e);
    const seen: Row[][] = [];
    const pending = vi.fn();
    const client: QueryClient<{ p: string }> = { id: 'map', query: (s) => `Q ${s.p}`, update: (r) => seen.push(r), pending };
    const off = c.connect(client);
    c.update({ p: '1' });
    c.update({ p: '1' }); // same SQL: nothing new
    expect(e.calls).toEqual(['Q 1']);
    c.update({ p: '2' });
    e.finish('Q 2', [{ v: 2 }]);
    e.finish('Q 1', [{ v: 1 }]);
    await tick();
    expect(seen).toEqual([[{ v: 2 }]]);
    expect(pending).toHaveBeenCalledTimes(2);
    c.update({ p: '1' }); // cached now: delivered without the engine and without "pending"
    await tick();
    expect(seen).toEqual([[{ v: 2 }], [{ v: 1 }]]);
    expect(e.calls).toEqual(['Q 1', 'Q 2']);
    expect(pending).toHaveBeenCalledTimes(2);
    c.update({ p: '3' });
    off();
    e.finish('Q 3');
    await tick();
    expect(seen).toHaveLength(2); // disconnected: nothing delivered
  });

  it('clients: a null query is skipped and a throwing query reports an error', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<{ ok: boolean | null }>(e);
    const errors: unknown[] = [];
    c.connect({
      id: 'v',
      query: (s) => {
        if (s.ok === null) return null;
        if (!s.ok) throw new Error('invalid');
        return 'SQL';
      },
      update: () => {},
      error: (err) => errors.push(err)
    });
    c.update({ ok: null });
    c.update({ ok: false });
    expect(e.calls).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

describe('Coordinator late clients', () => {
  it('queries a client connected after the first update on the current state', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<number>(e);
    c.update(7);
    const seen: Row[][] = [];
    c.connect({ id: 'late', query: (n) => `SELECT ${n}`, update: (rows) => seen.push(rows) });
    expect(e.calls).toEqual(['SELECT 7']);
    e.finish('SELECT 7', [{ v: 7 }]);
    await tick();
    expect(seen).toEqual([[{ v: 7 }]]);
  });
});

describe('Coordinator.connectAll', () => {
  it('reports errors of clients without a handler, and disconnects them all at once', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<number>(e);
    const errors: string[] = [];
    const seen: Row[][] = [];
    const off = c.connectAll(
      [
        { id: 'a', query: (n) => `SELECT ${n}`, update: (rows) => seen.push(rows) },
        { id: 'b', query: (n) => `SELECT ${n} + 1`, update: () => {} }
      ],
      (m) => errors.push(m)
    );
    c.update(1);
    e.fail('SELECT 1 + 1', new Error('boom'));
    await tick();
    expect(errors).toEqual(['boom']);
    off();
    e.finish('SELECT 1', [{ v: 1 }]);
    await tick();
    expect(seen).toEqual([]); // disconnected before the answer came
  });
});
