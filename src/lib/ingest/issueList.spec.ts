import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from './csv.ts';
import { IssueList, joinIssues } from './issueList.ts';
import { ingestTables } from './validate.ts';
import type { Issue } from './types.ts';

const FX = (f: string) => fileURLToPath(new URL(`../../../tests/e2e/fixtures/${f}`, import.meta.url));
const issue = (row: number, code = 'invalid_number'): Issue => ({ file: 'a.csv', row, column: 'X', value: String(row), code: code as Issue['code'] });

describe('IssueList', () => {
  it('keeps the first issues pushed and counts them all, by reason', () => {
    const l = IssueList.keeping(3);
    for (let r = 1; r <= 5; r++) l.push(issue(r, r % 2 ? 'invalid_number' : 'invalid_date'));
    l.push(issue(6), issue(7));
    expect(l.map((i) => i.row)).toEqual([1, 2, 3]);
    expect(l.length).toBe(3);
    expect(l.total).toBe(7);
    expect(Object.fromEntries(l.byReason)).toEqual({ invalid_number: 5, invalid_date: 2 });
    expect(Array.isArray(l.slice(0, 1)) && !(l.slice(0, 1) instanceof IssueList)).toBe(true);
    expect([...l].length).toBe(3);
  });

  it('puts unshifted issues first, dropping the last kept ones when full', () => {
    const l = IssueList.keeping(2);
    l.push(issue(1), issue(2));
    l.unshift(issue(0, 'unreadable_file'));
    expect(l.map((i) => i.row)).toEqual([0, 1]);
    expect(l.total).toBe(3);
  });

  it('keeps everything without a limit', () => {
    const l = IssueList.keeping(Infinity);
    for (let r = 0; r < 1000; r++) l.push(issue(r));
    expect(l.length).toBe(1000);
    expect(l.total).toBe(1000);
  });

  it('joins lists in order: the first issues of them all and exact counts', () => {
    const a = IssueList.keeping(2);
    const b = IssueList.keeping(2);
    a.push(issue(1), issue(2), issue(3));
    b.push(issue(10, 'invalid_date'));
    expect(joinIssues([a, b])).toEqual({ issues: [issue(1), issue(2), issue(10, 'invalid_date')], total: 4, byReason: { invalid_number: 3, invalid_date: 1 } });
    expect(joinIssues([a, b], 1).issues).toEqual([issue(1)]);
  });
});

describe('IngestStream keepIssues', () => {
  it('reports the first issues of the whole report and the exact counts, whatever it keeps', () => {
    const files = ['import-messy-kasus.csv', 'worksheet-kendari-dates.csv', 'worksheet-cianjur-title.csv'];
    const tables = files.map((f) => ({ file: f, rows: parseCsvText(readFileSync(FX(f), 'utf8')) }));
    const all = ingestTables(tables);
    expect(all.issues.length).toBeGreaterThan(3);
    expect(all.issueTotal).toBe(all.issues.length);
    const byReason: Record<string, number> = {};
    for (const i of all.issues) byReason[i.code] = (byReason[i.code] ?? 0) + 1;
    expect(all.byReason).toEqual(byReason);
    for (const keep of [0, 1, 3]) {
      const some = ingestTables(tables, { keepIssues: keep });
      // each of the six lists (file, sheet, file-level, kasus, rekomendasi, kalender) keeps `keep`
      expect(some.issues.length).toBeLessThanOrEqual(keep * 6);
      expect(some.issueTotal).toBe(all.issueTotal);
      expect(some.byReason).toEqual(all.byReason);
      expect(some.issues.slice(0, keep)).toEqual(all.issues.slice(0, keep));
      expect(some.cases.length).toBe(all.cases.length);
    }
  });
});
