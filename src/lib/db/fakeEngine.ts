/** For specs: an engine whose queries finish (or fail) only when the test says so, and a macrotask tick. */
import type { QueryEngine, Row } from './types.ts';

export class FakeEngine implements QueryEngine {
  calls: string[] = [];
  private pending = new Map<string, { resolve: (r: Row[]) => void; reject: (e: unknown) => void }[]>();
  query(sql: string): Promise<Row[]> {
    this.calls.push(sql);
    return new Promise((resolve, reject) => {
      const list = this.pending.get(sql) ?? [];
      list.push({ resolve, reject });
      this.pending.set(sql, list);
    });
  }
  finish(sql: string, rows: Row[] = [{ sql }]): void {
    const p = this.pending.get(sql)?.shift();
    if (!p) throw new Error(`not running: ${sql}`);
    p.resolve(rows);
  }
  fail(sql: string, err: unknown): void {
    this.pending.get(sql)?.shift()?.reject(err);
  }
}

export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
