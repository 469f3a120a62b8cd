/**
 * Public-safe mode of the root-cause view on the REAL demo snapshot with the view's REAL queries, run as
 * public mode runs them (discloseSql: counts published in the database by their cell keys): over many
 * random filter states (seeded, so a failure replays) no table or CSV shows a count below the
 * threshold, every shown count is the p-table's value of DuckDB's true count and key, and one cell
 * reads the same in every table. Outside public mode the view shows the query's values unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import type { Period } from '$lib/domain/index.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  CAUSE_COUNTS, RANKING_COUNTS, causeMatrixSql, causeScopesSql, causeTrendSql, notableSql, regionRankingSql, scopesOf,
  type CauseMode, type MatrixRow, type NotableRow, type RankingRow, type ScopeCauseRow, type TrendCauseRow
} from '$lib/queries/causes/index.ts';
import { disclosure, FULL, type Disclosure } from '$lib/privacy/index.ts';
import { discloseSql, published } from '$lib/privacy/ptable.ts';
import { buildMatrix, profileSections, rankItems, scopeRows, sideBySide, sortRank, trendPanels } from './present.ts';
import { protectView, type CauseInputs } from './disclosure.ts';
import * as csv from './exports.ts';
import { typedRows } from '$lib/db/typedRows.ts';
import { pick, randomPlace, rng } from '$lib/privacy/testing.ts';
import { causeTranslator } from './messages.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());


interface State {
  period: Period | null;
  group: QueryFilters['group'];
  province: string | null;
  regency: string | null;
  mode: CauseMode;
}
function randomState(r: () => number): State {
  return { ...randomPlace(r, { period: 0.3, group: 0.4, province: 0.3, regency: 0.5 }), mode: r() < 0.7 ? 'primary' : 'any' };
}

async function inputs(s: State, r: () => number, d: Disclosure = FULL): Promise<CauseInputs> {
  const f: QueryFilters = { period: s.period, group: s.group, province: s.province, regency: s.regency, indicator: 'cases', cause: 'sanitasi' };
  const [scopeData, matrixRows, trendRows, rankingRows, notableRows] = await Promise.all([
    snap.rows<ScopeCauseRow>(discloseSql(causeScopesSql(f, s.mode), CAUSE_COUNTS, d)),
    snap.rows<MatrixRow>(discloseSql(causeMatrixSql(f, s.mode), CAUSE_COUNTS, d)),
    snap.rows<TrendCauseRow>(discloseSql(causeTrendSql(f, s.mode), CAUSE_COUNTS, d)),
    snap.rows<RankingRow>(discloseSql(regionRankingSql(f), RANKING_COUNTS, d, { drop: ['coverage'] })),
    d.public ? Promise.resolve(null) : snap.rows<NotableRow>(notableSql(f, s.mode))
  ]);
  const codes = [...new Set(matrixRows.map((m) => m.code))];
  const compare = codes.length >= 2 && r() < 0.6 ? [pick(r, codes), pick(r, codes)].filter((c, i, a) => a.indexOf(c) === i) : [];
  return {
    ...s, scopes: scopesOf(s), scopeNames: { regency: s.regency ?? '', province: s.province ?? '', nation: 'Indonesia' },
    scopeRows: scopeData, matrixRows, trendRows, rankingRows, notableRows, compare,
    matrixSort: pick(r, ['name', 'cases', 'sanitasi', 'anemia']), rankSort: pick(r, ['cases', 'concluded', 'coverage', 'name'] as const),
    rankDesc: r() < 0.5, search: () => true, lang: 'id'
  };
}

const t = causeTranslator('id');
/** RFC 4180 fields of one CSV line. */
const fields = (line: string) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
const COUNT_HEADER = (h: string) => h.endsWith('(n)') || h === 'n' || [t('cases'), t('concluded'), t('total')].includes(h) || h.endsWith(` ${t('total')}`);

/** Every count column of every CSV: "<k" or a number ≥ k. Returns the problems. */
function csvProblems(text: string, d: Disclosure, name: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const head = fields(lines[0]);
  const problems: string[] = [];
  for (const line of lines.slice(1)) {
    fields(line).forEach((v, j) => {
      if (!COUNT_HEADER(head[j]) || v === '' || v === `<${d.threshold}`) return;
      if (!(Number(v) >= d.threshold)) problems.push(`${name}: ${head[j]} = ${v}`);
    });
  }
  return problems;
}

function allCsv(x: CauseInputs, d: Disclosure): Record<string, string> {
  const v = protectView(x, d);
  return {
    profile: csv.profileCsv(v.sections, 'tempat', t, d),
    matrix: csv.matrixCsv(v.matrix, x.province ? 'regency' : 'province', t, d),
    trend: csv.trendCsv(v.trend, x.scopes, x.scopeNames, t, d),
    ranking: csv.rankingCsv(v.ranking, x.province ? 'regency' : 'province', t, 'id', d),
    notable: csv.notableCsv(v.notable ?? [], x.province ? 'regency' : 'province', t, 'id'),
    side: csv.sideCsv(v.side, t, d)
  };
}

describe('causes view in public-safe mode (demo snapshot)', () => {
  it('property: over 48 random filter states no table or CSV shows a count below k; shown counts are the p-table’s', async () => {
    const r = rng(20261123);
    let hiddenSeen = 0;
    for (let i = 0; i < 48; i++) {
      const state = randomState(r);
      const seed = r();
      const truth = await inputs(state, rng(Math.floor(seed * 1e9)));
      for (const k of [5, 10]) {
        const d = disclosure(true, k);
        const x = await inputs(state, rng(Math.floor(seed * 1e9)), d);
        const v = protectView(x, d);
        const label = `state #${i} ${JSON.stringify(state)} k=${k}`;
        for (const { table } of v.tables) hiddenSeen += table.cells.flat().filter((c) => c === null).length;
        // every matrix cell and total is the p-table applied to DuckDB's true count and key
        for (const m of typedRows<Record<string, number & string>>(truth.matrixRows)) {
          const line = v.matrix.lines.find((l) => l.code === m.code)!;
          expect(line.total, label).toBe(published(m.total, m.total_key, k));
          expect(line.cells.get(m.cause)?.n, label).toBe(published(m.n, m.n_key, k));
        }
        expect(v.notable, label).toBeNull();
        for (const [name, text] of Object.entries(allCsv(x, d))) expect(csvProblems(text, d, name), label).toEqual([]);
        // every count shown on screen is ≥ k
        const shown = [
          v.concluded, ...v.sections.flatMap((s) => s.items.flatMap((it) => [it.n, it.total])),
          ...v.matrix.lines.flatMap((l) => [l.total, ...[...l.cells.values()].map((c) => c.n)]),
          ...v.trend.panels.flatMap((p) => p.series.flatMap((s) => s.points.flatMap((q) => [q.n, q.total]))),
          ...v.ranking.flatMap((x) => [x.cases, x.concluded, ...x.top.map((y) => y.n)]),
          ...v.side.columns.map((c) => c.total), ...v.side.rows.flatMap((x) => x.cells.map((c) => c?.n ?? null)),
          ...(v.notable ?? []).flatMap((n) => [n.observed, n.total])
        ];
        expect(shown.filter((n) => n !== null && n < k), label).toEqual([]);
        // what is hidden does not depend on the selection (sort, search, regions compared)
        const other = protectView({ ...x, matrixSort: 'cases', compare: [], search: (name) => name.length % 2 === 0, rankSort: 'name' }, d);
        const cellsOf = (w: typeof v) => new Map(w.matrix.lines.map((l) => [l.code, [l.total, ...[...l.cells.values()].map((c) => c.n)]]));
        expect(cellsOf(other), label).toEqual(cellsOf(v));
        for (const q of other.ranking) expect([q.cases, q.concluded, q.coverage]).toEqual(((r) => [r?.cases, r?.concluded, r?.coverage])(v.ranking.find((y) => y.code === q.code)));
        // a share is withheld exactly when its count is hidden
        for (const l of v.matrix.lines) for (const c of l.cells.values()) if (c.n === null) expect(c.share).toBeNull();
      }
    }
    expect(hiddenSeen, 'the property test exercised suppression').toBeGreaterThan(100);
  }, 180_000);

  it('the check can fail: the unprotected view of a small place has counts below 5', async () => {
    const x = await inputs({ period: { year: 2024, semester: 1 }, group: 'baduta', province: '53', regency: '53.01', mode: 'primary' }, rng(2));
    const v = protectView(x, FULL);
    expect(v.matrix.lines.flatMap((l) => [...l.cells.values()].map((c) => c.n)).some((n) => n !== null && n < 5)).toBe(true);
    expect(csvProblems(allCsv(x, FULL).matrix, disclosure(true, 5), 'matrix').length).toBeGreaterThan(0);
  });

  it('outside public mode every value is the query’s', async () => {
    const r = rng(99);
    for (let i = 0; i < 8; i++) {
      const x = await inputs(randomState(r), r);
      const v = protectView(x, FULL);
      const place = x.scopes[0];
      const raw = profileSections(scopeRows(x.scopeRows, place), 'id');
      expect(v.sections.map((s) => s.items.map((it) => [it.cause, it.n, it.total, it.share]))).toEqual(raw.map((s) => s.items.map((it) => [it.cause, it.n, it.total, it.share])));
      expect(v.concluded).toBe(scopeRows(x.scopeRows, place)[0]?.total ?? 0);
      const m = buildMatrix(x.matrixRows, x.matrixSort, 'id');
      expect(v.matrix.lines.map((l) => [l.code, l.total])).toEqual(m.lines.map((l) => [l.code, l.total]));
      for (const l of m.lines) for (const [c, cell] of l.cells) expect(v.matrix.lines.find((y) => y.code === l.code)!.cells.get(c)).toEqual(cell);
      expect(v.matrix.max).toBe(m.max);
      const tr = trendPanels(x.trendRows, x.scopes, 'id');
      expect(v.trend.panels.map((p) => p.series.map((s) => s.points.map((q) => [q.key, q.n, q.total, q.share])))).toEqual(
        tr.panels.map((p) => p.series.map((s) => s.points.map((q) => [q.key, q.n, q.total, q.share]))));
      const rk = sortRank(rankItems(x.rankingRows, m), x.rankSort, x.rankDesc, 'id');
      expect(v.ranking.map((q) => [q.code, q.cases, q.concluded, q.coverage, q.evalShare, q.top.map((y) => [y.cause, y.n, y.share])])).toEqual(
        rk.map((q) => [q.code, q.cases, q.concluded, q.coverage, q.evalShare, q.top.map((y) => [y.cause, y.n, y.share])]));
      const sd = sideBySide(x.compare, m, x.scopes.filter((s) => s !== 'regency').map((s) => ({ scope: s, name: x.scopeNames[s], rows: scopeRows(x.scopeRows, s) })), 'id');
      expect(v.side.columns.map((c) => c.total)).toEqual(sd.columns.map((c) => c.total));
      expect(v.side.rows.map((q) => q.cells)).toEqual(sd.rows.map((q) => q.cells));
      expect(v.notable).toEqual(x.notableRows);
    }
  }, 60_000);
});
