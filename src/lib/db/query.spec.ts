import { describe, expect, it } from 'vitest';
import { Coordinator } from './Coordinator.ts';
import { defineQuery, querySet } from './query.svelte.ts';
import type { Row } from './types.ts';
import { FakeEngine, tick } from './fakeEngine.ts';


interface F {
  place: string;
  mode: 'a' | 'b';
}
interface CountRow {
  code: string;
  n: number;
}

describe('defineQuery', () => {
  it('is loading until the first answer, then holds typed rows and the params they answer', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<F>(e);
    const q = defineQuery<CountRow, { place: string; mode: string }, F>(c, {
      id: 'counts',
      params: (f) => ({ place: f.place, mode: f.mode }),
      query: (p) => `SELECT ${p.place} ${p.mode}`
    });
    expect([q.loading, q.rows, q.state, q.error, q.fetching]).toEqual([true, null, null, null, false]);
    c.update({ place: 'x', mode: 'a' });
    expect(q.fetching).toBe(true);
    e.finish('SELECT x a', [{ code: 'x', n: 3 }]);
    await tick();
    expect(q.loading).toBe(false);
    expect(q.fetching).toBe(false);
    const rows: CountRow[] | null = q.rows; // typed, no cast at the call site
    expect(rows).toEqual([{ code: 'x', n: 3 }]);
    expect(q.state).toEqual({ place: 'x', mode: 'a' });
  });

  it('keeps rows and state of the shown answer while a newer query runs, and drops a superseded one', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<F>(e);
    const q = defineQuery<CountRow, F, F>(c, { id: 'q', query: (f) => `Q ${f.place} ${f.mode}` });
    c.update({ place: 'x', mode: 'a' });
    e.finish('Q x a', [{ code: 'x', n: 1 }]);
    await tick();
    c.update({ place: 'y', mode: 'a' });
    c.update({ place: 'z', mode: 'b' });
    expect(q.rows).toEqual([{ code: 'x', n: 1 }]);
    expect(q.state).toEqual({ place: 'x', mode: 'a' });
    e.finish('Q z b', [{ code: 'z', n: 3 }]);
    await tick();
    e.finish('Q y a', [{ code: 'y', n: 2 }]);
    await tick();
    expect(q.rows).toEqual([{ code: 'z', n: 3 }]);
    expect(q.state).toEqual({ place: 'z', mode: 'b' });
  });

  it('runs nothing for null SQL (rows stay) and decodes rows with a decoder', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<F>(e);
    const q = defineQuery<{ year: number }, F, F>(c, {
      id: 'latest',
      query: (f) => (f.place === 'none' ? null : `L ${f.place}`),
      decode: (rows) => rows.map((r) => ({ year: Number(r.year) }))
    });
    c.update({ place: 'x', mode: 'a' });
    e.finish('L x', [{ year: '2025' }]);
    await tick();
    expect(q.rows).toEqual([{ year: 2025 }]);
    c.update({ place: 'none', mode: 'a' });
    await tick();
    expect(e.calls).toEqual(['L x']);
    expect(q.rows).toEqual([{ year: 2025 }]);
    expect(q.state).toEqual({ place: 'x', mode: 'a' });
  });

  it('reports an error (cleared by the next answer), per query and as the set\'s first error', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<F>(e);
    const a = defineQuery<Row, F, F>(c, { id: 'a', query: (f) => `A ${f.place}` });
    const b = defineQuery<Row, F, F>(c, { id: 'b', query: (f) => `B ${f.place}` });
    const set = querySet(a, b);
    c.update({ place: 'x', mode: 'a' });
    e.finish('A x', []);
    e.fail('B x', new Error('boom'));
    await tick();
    expect([a.error, b.error, set.error]).toEqual([null, 'boom', 'boom']);
    expect(b.loading).toBe(true);
    c.update({ place: 'y', mode: 'a' });
    e.finish('A y', []);
    e.finish('B y', [{ ok: 1 }]);
    await tick();
    expect([b.error, set.error, b.rows]).toEqual([null, null, [{ ok: 1 }]]);
  });

  it('is queried on connect when the coordinator has a state; destroy disconnects; no coordinator stays loading', async () => {
    const e = new FakeEngine();
    const c = new Coordinator<F>(e);
    c.update({ place: 'x', mode: 'a' });
    const q = defineQuery<Row, F, F>(c, { id: 'late', query: (f) => `Late ${f.place}` });
    expect(e.calls).toEqual(['Late x']);
    q.destroy();
    e.finish('Late x', [{ v: 1 }]);
    await tick();
    expect(q.rows).toBeNull();
    const none = defineQuery<Row, F, F>(null, { id: 'none', query: () => 'X' });
    expect([none.loading, none.rows]).toEqual([true, null]);
    none.destroy();
  });
});
