import { describe, expect, it } from 'vitest';
import { rng } from './testing.ts';
import { auditTable, FULL, hiddenLabel, parseThreshold, protectedShare, protectList, protectTable, PUBLIC, disclosure, formatCell } from './index.ts';


function randomTable(r: () => number) {
  const rows = 1 + Math.floor(r() * 6);
  const cols = 1 + Math.floor(r() * 6);
  // mostly small counts so that suppression is exercised, some large
  const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (r() < 0.5 ? Math.floor(r() * 8) : Math.floor(r() * 200))));
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = cells[0].map((_, j) => cells.reduce((a, row) => a + row[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const withRows = r() < 0.8;
  const withCols = r() < 0.8;
  return { cells, rowTotals: withRows ? rowTotals : undefined, colTotals: withCols ? colTotals : undefined, total: r() < 0.7 ? total : undefined };
}

describe('protectTable', () => {
  it('shows everything outside public mode', () => {
    const t = { cells: [[1, 2], [3, 40]], rowTotals: [3, 43], colTotals: [4, 42], total: 46 };
    expect(protectTable(t, FULL)).toEqual(t);
  });

  it('hides small counts and a second cell in the same row and column', () => {
    const p = protectTable({ cells: [[2, 30, 40], [20, 25, 50]], rowTotals: [72, 95], colTotals: [22, 55, 90], total: 167 }, PUBLIC);
    expect(p.cells[0][0]).toBeNull();
    // row 0 needs a second hidden cell: the smallest shown one (30)
    expect(p.cells[0][1]).toBeNull();
    // column 0 needs one too (20), and then row 1 (25)
    expect(p.cells[1][0]).toBeNull();
    expect(p.cells[1][1]).toBeNull();
    expect(p.cells[0][2]).toBe(40);
    expect(auditTable(p, PUBLIC)).toEqual([]);
  });

  it('hides the total when nothing else in its line can be hidden', () => {
    const p = protectList([3], 3, PUBLIC);
    expect(p.values).toEqual([null]);
    expect(p.total).toBeNull();
    const q = protectList([3, 50], 53, PUBLIC);
    expect(q.values).toEqual([null, null]);
    expect(q.total).toBe(53);
  });

  it('a total hidden by suppression is not the sum of shown members (found by review)', () => {
    const p = protectTable({ cells: [[1, 2], [20, 30]], rowTotals: [3, 50], total: 53 }, PUBLIC);
    expect(auditTable(p, PUBLIC)).toEqual([]);
    // 53 − 50 = 3 must not come back: 50 is hidden, so one of 20, 30 is too
    expect(p.rowTotals?.[1] === null ? p.cells[1].filter((v) => v === null).length : 2).toBeGreaterThanOrEqual(1);
  });

  it('hidden zeros beside a shown total are not left summing to 0 (counts are never negative)', () => {
    const p = protectTable({ cells: [[0, 0, 12]], rowTotals: [12] }, PUBLIC);
    expect(p.cells[0]).toEqual([null, null, null]);
    expect(auditTable({ cells: [[null, null, 12]], rowTotals: [12] }, PUBLIC)).toHaveLength(1);
  });

  it('hides zero: "none" and "a few" look alike', () => {
    expect(protectList([0, 10, 10], undefined, PUBLIC).values).toEqual([null, 10, 10]);
  });

  it('property: over 5,000 random tables no small count and no single hidden cell beside a shown total', () => {
    const r = rng(7);
    for (let i = 0; i < 5000; i++) {
      const t = randomTable(r);
      const d = disclosure(true, [3, 5, 10][i % 3]);
      const p = protectTable(t, d);
      const problems = auditTable(p, d);
      expect(problems, `table #${i}: ${JSON.stringify(t)} → ${JSON.stringify(p)}`).toEqual([]);
      // nothing shown differs from the input
      p.cells.forEach((row, a) => row.forEach((v, b) => v !== null && expect(v).toBe(t.cells[a][b])));
    }
  });

  it('the audit catches what suppression prevents (it can fail)', () => {
    expect(auditTable({ cells: [[2, 30]], rowTotals: [32] }, PUBLIC)).toHaveLength(1);
    expect(auditTable({ cells: [[null, 30]], rowTotals: [32] }, PUBLIC)).toEqual(['row 0: one hidden term beside its total']);
    // a hidden total beside shown members is the sum of them
    expect(auditTable({ cells: [[20, 30]], rowTotals: [null] }, PUBLIC)).toEqual(['row 0: one hidden term beside its total']);
    expect(auditTable({ cells: [[null, null]], rowTotals: [32] }, PUBLIC)).toEqual([]);
  });
});

describe('shares and labels', () => {
  it('withholds a share from a hidden count', () => {
    expect(protectedShare(null, 40)).toBeNull();
    expect(protectedShare(10, null)).toBeNull();
    expect(protectedShare(10, 40)).toBe(25);
    expect(protectedShare(0, 0)).toBeNull();
  });
  it('labels a hidden count with the threshold', () => {
    expect(hiddenLabel(PUBLIC)).toBe('<5');
    expect(formatCell(null, disclosure(true, 10), 'id')).toBe('<10');
    expect(formatCell(12345, PUBLIC, 'id')).toBe('12.345');
  });
  it('parses the threshold within its bounds', () => {
    expect(parseThreshold(null)).toBe(5);
    expect(parseThreshold('10')).toBe(10);
    expect(parseThreshold('1')).toBe(5);
    expect(parseThreshold('0')).toBe(5);
    expect(parseThreshold('abc')).toBe(5);
  });
});

describe('complementary cells', () => {
  it('are marked, so they read "×" and never "<5" (which would be false)', () => {
    const p = protectTable({ cells: [[2, 30, 40]], rowTotals: [72] }, PUBLIC);
    expect(p.cells[0]).toEqual([null, null, 40]);
    expect(p.masked?.cells[0]).toEqual([false, true, false]);
    expect(formatCell(p.cells[0][1], PUBLIC, 'id', p.masked?.cells[0][1])).toBe('×');
    expect(formatCell(p.cells[0][0], PUBLIC, 'id', p.masked?.cells[0][0])).toBe('<5');
    expect(protectTable({ cells: [[20, 30]], rowTotals: [50] }, PUBLIC).masked).toBeUndefined();
  });
});
