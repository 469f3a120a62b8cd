import { afterEach, describe, expect, it } from 'vitest';
import { installTestHook, type HookSource } from './testHook.ts';
import { Coordinator } from './Coordinator.ts';
import type { DuckDBEngine } from './DuckDBEngine.ts';

const g = globalThis as unknown as { window?: Record<string, unknown> };
afterEach(() => delete g.window);

function source(mode: { public: boolean }): HookSource {
  const engine = { query: async () => [{ n: 3 }] } as unknown as DuckDBEngine;
  const coordinator = new Coordinator<unknown>(engine);
  const model = { mapRows: [{ code: '32.01', n: 3 }] };
  return {
    isPublic: () => mode.public,
    engine: () => engine,
    coordinator: () => coordinator,
    owner: { name: 'model', value: model },
    mapLoaded: () => true,
    mapPending: () => false
  };
}

describe('window.__peta', () => {
  it('in public mode holds progress only: no engine, no coordinator with a cache, no model rows', async () => {
    g.window = {};
    const mode = { public: true };
    const src = source(mode);
    await src.coordinator()!.request('map', 'SELECT 3 AS n');
    installTestHook(src);
    const hook = g.window.__peta as Record<string, Record<string, unknown>>;
    expect(hook.public).toBe(true);
    expect(hook.engine).toBeUndefined();
    expect(hook.coordinator.busy).toBe(0);
    expect(hook.coordinator.log).toEqual([expect.objectContaining({ sql: 'SELECT 3 AS n' })]);
    expect(hook.coordinator.request).toBeUndefined();
    expect(hook.model).toEqual({ mapLoaded: true, mapPending: false });
    expect(JSON.stringify(hook)).not.toContain('"n":3');
  });

  it('follows the mode on every access: internal mode has the engine, public mode closes it again', () => {
    g.window = {};
    const mode = { public: false };
    installTestHook(source(mode));
    expect(typeof (g.window.__peta as { engine: DuckDBEngine }).engine.query).toBe('function');
    mode.public = true;
    expect((g.window.__peta as { engine?: unknown }).engine).toBeUndefined();
  });
});
