import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLL_MS, parseSnapshotInfo, pollInterval, POLL_GLOBAL, POLL_STORAGE_KEY, watchSnapshot, type SnapshotInfo } from './snapshotWatcher.ts';

/** A fake server: `current` is what /data/current.json holds; every request is recorded. */
function fakeServer(initial: unknown) {
  const s = {
    current: initial as unknown,
    status: 200,
    fail: false,
    calls: [] as { url: string; init: RequestInit }[],
    fetch: async (url: string, init: RequestInit) => {
      s.calls.push({ url, init });
      if (s.fail) throw new TypeError('network down');
      const body = s.current;
      return { ok: s.status === 200, json: async () => (typeof body === 'string' ? JSON.parse(body) : body) };
    }
  };
  return s;
}

class FakeDocument extends EventTarget {
  visibilityState = 'visible';
  setVisibility(v: string) {
    this.visibilityState = v;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('watchSnapshot', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(intervalMs = 30_000) {
    const server = fakeServer({ version: 'aaa', name: 'demo', url: 'snapshots/demo-aaa.duckdb' });
    const win = new EventTarget();
    const doc = new FakeDocument();
    const seen: SnapshotInfo[] = [];
    const w = watchSnapshot({
      url: '/data/current.json',
      currentVersion: 'aaa',
      intervalMs,
      fetch: server.fetch,
      targets: { window: win, document: doc },
      onNewer: (i) => seen.push(i),
      now: () => Date.now()
    });
    return { server, win, doc, seen, w };
  }

  it('polls current.json with cache no-cache and reports a newer version once', async () => {
    const { server, seen, w } = setup();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].url).toBe('/data/current.json');
    expect(server.calls[0].init.cache).toBe('no-cache');
    expect(seen).toEqual([]);

    server.current = { version: 'bbb', name: 'demo', dataDate: '2026-07-15', url: 'snapshots/demo-bbb.duckdb' };
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen).toEqual([{ version: 'bbb', name: 'demo', dataDate: '2026-07-15', url: 'snapshots/demo-bbb.duckdb' }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(4);
    expect(seen).toHaveLength(1); // same newer version: not announced again

    server.current = { version: 'ccc' };
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen.map((s) => s.version)).toEqual(['bbb', 'ccc']);
    w.stop();
  });

  it('checks at once on focus and when the tab becomes visible, and does not poll while hidden', async () => {
    const { server, win, doc, seen, w } = setup(60_000);
    await vi.advanceTimersByTimeAsync(20_000); // past the minimum gap
    server.current = { version: 'bbb' };
    win.dispatchEvent(new Event('focus'));
    await flush();
    expect(server.calls).toHaveLength(1);
    expect(seen.map((s) => s.version)).toEqual(['bbb']);

    win.dispatchEvent(new Event('focus')); // within the minimum gap: skipped
    await flush();
    expect(server.calls).toHaveLength(1);

    doc.setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(180_000);
    expect(server.calls).toHaveLength(1);
    doc.setVisibility('visible');
    await flush();
    expect(server.calls).toHaveLength(2);
    w.stop();
  });

  it('ignores network errors, HTTP errors and invalid files, then recovers', async () => {
    const { server, seen, w } = setup(10_000);
    server.fail = true;
    await vi.advanceTimersByTimeAsync(10_000);
    server.fail = false;
    server.status = 404;
    await vi.advanceTimersByTimeAsync(10_000);
    server.status = 200;
    server.current = '{"version": "bb'; // half-written
    await vi.advanceTimersByTimeAsync(10_000);
    server.current = { version: 42 };
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toEqual([]);
    server.current = { version: 'bbb' };
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(5);
    expect(seen.map((s) => s.version)).toEqual(['bbb']);
    w.stop();
  });

  it('stops polling and listening after stop()', async () => {
    const { server, win, w } = setup(10_000);
    w.stop();
    await vi.advanceTimersByTimeAsync(100_000);
    win.dispatchEvent(new Event('focus'));
    await flush();
    expect(server.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('check() resolves with the newer snapshot or null', async () => {
    const { server, w } = setup();
    expect(await w.check()).toBeNull();
    server.current = { version: 'bbb' };
    expect(await w.check()).toMatchObject({ version: 'bbb' });
    w.stop();
  });
});

describe('pollInterval', () => {
  const storage = (v: string | null) => ({ getItem: (k: string) => (k === POLL_STORAGE_KEY ? v : null) });
  it('defaults to five minutes', () => {
    expect(pollInterval({}, null)).toBe(DEFAULT_POLL_MS);
    expect(pollInterval({}, storage('abc'))).toBe(DEFAULT_POLL_MS);
  });
  it('reads the global first, then localStorage, and clamps', () => {
    expect(pollInterval({ [POLL_GLOBAL]: 2000 }, storage('9000'))).toBe(2000);
    expect(pollInterval({}, storage('9000'))).toBe(9000);
    expect(pollInterval({ [POLL_GLOBAL]: 5 }, null)).toBe(1000);
    expect(pollInterval({ [POLL_GLOBAL]: 1e12 }, null)).toBe(24 * 3_600_000);
  });
  it('survives a storage that throws', () => {
    const bad = { getItem: () => { throw new Error('SecurityError'); } };
    expect(pollInterval({}, bad)).toBe(DEFAULT_POLL_MS);
  });
});

describe('parseSnapshotInfo', () => {
  it('accepts a manifest with a version and rejects anything else', () => {
    expect(parseSnapshotInfo({ version: '8e0a5f2508cb7a58', name: 'demo', tables: {} })).toEqual({ version: '8e0a5f2508cb7a58', name: 'demo', dataDate: undefined, url: undefined });
    for (const bad of [null, 'x', {}, { version: '' }, { version: '<script>' }, { version: 1 }]) expect(parseSnapshotInfo(bad)).toBeNull();
  });
});
