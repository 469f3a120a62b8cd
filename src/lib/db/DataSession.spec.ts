import { describe, expect, it } from 'vitest';
import { DataSession } from './DataSession.svelte.ts';
import { EngineFailure, type DuckDBEngine, type PublishedManifest } from './DuckDBEngine.ts';
import type { Coordinator } from './Coordinator.ts';
import type { Row } from './types.ts';

const manifest = { name: 'demo', version: 'v1', url: 'snapshots/demo-v1.duckdb', dataDate: '2026-01-15', source: 'demo' } as unknown as PublishedManifest;

/** An engine that opens at once (or fails) and answers every query with the source's name. */
function fakeEngine(name: string, fail = false) {
  let closed = false;
  const engine = {
    timings: {},
    open: async (onProgress: (p: unknown) => void, onManifest: (m: PublishedManifest) => void) => {
      onProgress({ stage: 'manifest', fraction: 0.5 });
      onManifest(manifest);
      if (fail) throw new EngineFailure('attach', 'no database');
      return manifest;
    },
    query: async (): Promise<Row[]> => [{ source: name }],
    close: async () => void (closed = true),
    get closed() {
      return closed;
    }
  };
  return engine as unknown as DuckDBEngine & { closed: boolean };
}

/** Records each coordinator the page's clients were connected to, and disconnects. */
function page() {
  const connected: Coordinator<unknown>[] = [];
  let disconnects = 0;
  let manifests = 0;
  return {
    connected,
    get disconnects() {
      return disconnects;
    },
    get manifests() {
      return manifests;
    },
    clients: {
      connect: (c: Coordinator<never>) => (connected.push(c as Coordinator<unknown>), () => void disconnects++),
      onManifest: () => void manifests++
    }
  };
}

describe('DataSession', () => {
  it('opens the engine, reports the manifest first, then one coordinator over the engine', async () => {
    const p = page();
    const engine = fakeEngine('snapshot');
    const s = new DataSession(p.clients, () => engine);
    expect(s.ready).toBe(false);
    await s.start();
    expect(p.manifests).toBe(1);
    expect(s.ready).toBe(true);
    expect(s.manifest?.dataDate).toBe('2026-01-15');
    expect(s.progress.stage).toBe('manifest');
    expect(p.connected).toHaveLength(1);
    expect(s.coordinator).toBe(p.connected[0]);
    expect(s.engine).toBe(engine);
  });

  it('answers from a preview engine until the engine is ready, and never after', async () => {
    const p = page();
    const s = new DataSession(p.clients, () => fakeEngine('snapshot'));
    expect(s.preview({ query: async () => [{ source: 'paint' }] })).toBe(true);
    const previewCoordinator = s.coordinator!;
    expect(await previewCoordinator.request('x', 'SELECT 1')).toEqual({ status: 'ok', rows: [{ source: 'paint' }] });
    await s.start();
    expect(s.coordinator).not.toBe(previewCoordinator);
    expect(p.disconnects).toBe(1);
    expect(await s.coordinator!.request('x', 'SELECT 1')).toEqual({ status: 'ok', rows: [{ source: 'snapshot' }] });
    expect(s.preview({ query: async () => [] })).toBe(false);
    expect(p.connected).toHaveLength(2);
  });

  it('switching data gives a fresh coordinator (nothing cached from the old data), the import date and a new data version', async () => {
    const p = page();
    const s = new DataSession(p.clients, () => fakeEngine('snapshot'));
    await s.start();
    const first = s.coordinator!;
    s.dataChanged({ kind: 'import', files: ['a.xlsx', 'b.csv'], dataDate: '2026-03-01' } as never);
    expect(s.coordinator).not.toBe(first);
    expect(s.dataVersion).toBe(1);
    expect(s.manifest).toMatchObject({ name: 'impor', source: 'a.xlsx, b.csv', dataDate: '2026-03-01' });
    expect(s.dataSource.kind).toBe('import');
    s.dataChanged({ kind: 'snapshot' });
    expect(s.manifest).toBe(manifest);
    expect(s.dataVersion).toBe(2);
    expect(p.disconnects).toBe(2);
  });

  it('an engine that fails is reported, with no coordinator, and switching data is ignored', async () => {
    const p = page();
    const s = new DataSession(p.clients, () => fakeEngine('snapshot', true));
    await s.start();
    expect(s.failure?.code).toBe('attach');
    expect(s.ready).toBe(false);
    expect(s.coordinator).toBeNull();
    s.dataChanged({ kind: 'snapshot' });
    expect(s.dataVersion).toBe(0);
  });

  it('close disconnects the clients and closes the engine', async () => {
    const p = page();
    const engine = fakeEngine('snapshot');
    const s = new DataSession(p.clients, () => engine);
    await s.start();
    s.close();
    expect(p.disconnects).toBe(1);
    expect(engine.closed).toBe(true);
  });
});
