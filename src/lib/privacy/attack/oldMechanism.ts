/**
 * BASELINE (issue 15): the per-table complementary suppression the cell-key method replaces, seen by
 * the attacker through the views' real query and disclosure functions. Exact shown counts, "<k" and "×".
 */
import { CAUSES, type TargetGroupCode } from '$lib/domain/index.ts';
import { disclosure } from '$lib/privacy/policy.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  causeMatrixSql, causeScopesSql, causeTrendSql, notableSql, regionRankingSql, scopesOf,
  type MatrixRow, type NotableRow, type RankingRow, type ScopeCauseRow, type TrendCauseRow
} from '$lib/queries/causes/index.ts';
import { storyCasesSql, type StoryCasesRow } from '$lib/queries/story/index.ts';
import { protectView } from '$lib/components/Causes/disclosure.ts';
import { casesScreen, causesScreen, OTHERS } from '$lib/components/Story/present.ts';
import type { CellRef, Mechanism, ShownCell, ShownValue, State } from './collect.ts';
import { semIndex } from './collect.ts';

const K = 5;
const d = disclosure(true, K);
const sv = (n: number | null, masked: boolean): ShownValue => (n !== null ? n : masked ? 'masked' : 'small');

export const oldMechanism: Mechanism = {
  name: 'per-table complementary suppression',
  interpret: (s) => (s === 'small' ? [0, K - 1] : s === 'masked' ? [K, null] : s === 'hidden' ? [0, null] : [s, s]),
  async screens(snap, s: State): Promise<ShownCell[]> {
    const f: QueryFilters = { period: s.period, group: s.group, province: s.province, regency: s.regency, indicator: 'cases', cause: 'sanitasi' };
    const [scopeRows, matrixRows, trendRows, rankingRows, notableRows, casesRows] = await Promise.all([
      snap.rows<ScopeCauseRow>(causeScopesSql(f, 'primary')),
      snap.rows<MatrixRow>(causeMatrixSql(f, 'primary')),
      snap.rows<TrendCauseRow>(causeTrendSql(f, 'primary')),
      snap.rows<RankingRow>(regionRankingSql(f)),
      snap.rows<NotableRow>(notableSql(f, 'primary')),
      snap.rows<StoryCasesRow>(storyCasesSql(f))
    ]);
    const sem = s.period ? semIndex(s.period) : null;
    const out: ShownCell[] = [];
    const add = (cell: CellRef, shown: ShownValue, where: string) => out.push({ cell, shown, where });
    const v = protectView({
      ...s, mode: 'primary', scopes: scopesOf(s), scopeNames: { regency: s.regency, province: s.province, nation: 'Indonesia' },
      scopeRows, matrixRows, trendRows, rankingRows, notableRows, compare: [], matrixSort: 'name', rankSort: 'cases', rankDesc: true,
      search: () => true, lang: 'id'
    }, d);
    const g = s.group;
    for (const sec of v.sections) for (const it of sec.items) {
      add({ sem, group: g, causes: [it.cause] }, sv(it.n, it.masked), 'causes profile');
      add({ sem, group: g, causes: 'concluded' }, sv(it.total, it.totalMasked), 'causes profile total');
    }
    for (const p of v.trend.panels) for (const ser of p.series) if (ser.scope === 'regency') for (const q of ser.points) {
      const qs = semIndex(q);
      add({ sem: qs, group: g, causes: [p.cause] }, sv(q.n, q.masked), 'causes trend');
      add({ sem: qs, group: g, causes: 'concluded' }, sv(q.total, q.totalMasked), 'causes trend total');
    }
    for (const l of v.matrix.lines) if (l.code === s.regency) {
      add({ sem, group: g, causes: 'concluded' }, sv(l.total, l.totalMasked), 'causes matrix total');
      for (const [c, x] of l.cells) add({ sem, group: g, causes: [c] }, sv(x.n, x.masked), 'causes matrix');
    }
    const story = causesScreen(scopeRows, d, 'id');
    const listed = new Set(story.lines.map((l) => l.cause));
    for (const l of story.lines)
      add({ sem, group: g, causes: l.cause === OTHERS ? CAUSES.map((c) => c.code).filter((c) => !listed.has(c)) : [l.cause] }, sv(l.n, l.masked), 'story causes');
    add({ sem, group: g, causes: 'concluded' }, story.total.regency ?? 'hidden', 'story causes total');
    const cases = casesScreen(casesRows, d, 'id');
    for (const l of cases.lines) if (g === null || l.code === g) add({ sem, group: l.code as TargetGroupCode, causes: 'cases' }, sv(l.n, l.masked), 'story cases');
    add({ sem, group: g, causes: 'cases' }, cases.total.regency ?? 'hidden', 'story cases total');
    add({ sem, group: g, causes: 'concluded' }, cases.concluded ?? 'hidden', 'story concluded');
    return out;
  }
};
