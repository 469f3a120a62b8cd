/**
 * Public-safe mode as the attacker sees it (test-only): the views' real queries, run as public mode runs
 * them (discloseSql: counts published inside the database), and their real disclosure functions (the
 * root-cause view's protectView, the story's screens). A shown count p means the true count is in
 * possibleTrue(p) (the p-table's exact inverse), "<k" likewise.
 */
import { typedRows } from '$lib/db/typedRows.ts';
import { CAUSES, type TargetGroupCode } from '$lib/domain/index.ts';
import { disclosure } from '$lib/privacy/policy.ts';
import { discloseSql, possibleTrue } from '$lib/privacy/ptable.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  CAUSE_COUNTS, RANKING_COUNTS, causeMatrixSql, causeScopesSql, causeTrendSql, regionRankingSql, scopesOf,
  type MatrixRow, type RankingRow, type ScopeCauseRow, type TrendCauseRow
} from '$lib/queries/causes/index.ts';
import { STORY_CASES_COUNTS, storyCasesSql } from '$lib/queries/story/index.ts';
import { protectView } from '$lib/components/Causes/disclosure.ts';
import { casesScreen, causesScreen, OTHERS, type ScopeCauseIn, type StoryCasesIn } from '$lib/components/Story/disclosure.ts';
import type { CellRef, Mechanism, ShownCell, ShownValue, State } from './collect.ts';
import { semIndex } from './collect.ts';

export function publicMechanism(k: number): Mechanism {
  const d = disclosure(true, k);
  const sv = (n: number | null): ShownValue => (n === null ? 'small' : n);
  return {
    name: 'cell-key perturbation',
    interpret: (s) => (s === 'small' ? possibleTrue(null, k) : typeof s === 'number' ? possibleTrue(s, k) : [0, null]),
    async screens(snap, s: State): Promise<ShownCell[]> {
      const f: QueryFilters = { period: s.period, group: s.group, province: s.province, regency: s.regency, indicator: 'cases', cause: 'sanitasi' };
      const [scopeRows, matrixRows, trendRows, rankingRows, casesRows] = await Promise.all([
        snap.rows<ScopeCauseRow>(discloseSql(causeScopesSql(f, 'primary'), CAUSE_COUNTS, d)),
        snap.rows<MatrixRow>(discloseSql(causeMatrixSql(f, 'primary'), CAUSE_COUNTS, d)),
        snap.rows<TrendCauseRow>(discloseSql(causeTrendSql(f, 'primary'), CAUSE_COUNTS, d)),
        snap.rows<RankingRow>(discloseSql(regionRankingSql(f), RANKING_COUNTS, d, { drop: ['coverage'] })),
        snap.rows<StoryCasesIn>(discloseSql(storyCasesSql(f), STORY_CASES_COUNTS, d))
      ]);
      const sem = s.period ? semIndex(s.period) : null;
      const out: ShownCell[] = [];
      const add = (cell: CellRef, shown: ShownValue, where: string) => out.push({ cell, shown, where });
      const v = protectView({
        ...s, mode: 'primary', scopes: scopesOf(s), scopeNames: { regency: s.regency, province: s.province, nation: 'Indonesia' },
        scopeRows, matrixRows, trendRows, rankingRows, notableRows: null, compare: [], matrixSort: 'name', rankSort: 'cases', rankDesc: true,
        search: () => true, lang: 'id'
      }, d);
      const g = s.group;
      for (const sec of v.sections) for (const it of sec.items) {
        add({ sem, group: g, causes: [it.cause] }, sv(it.n), 'causes profile');
        add({ sem, group: g, causes: 'concluded' }, sv(it.total), 'causes profile total');
      }
      for (const p of v.trend.panels) for (const ser of p.series) if (ser.scope === 'regency') for (const q of ser.points) {
        const qs = semIndex(q);
        add({ sem: qs, group: g, causes: [p.cause] }, sv(q.n), 'causes trend');
        add({ sem: qs, group: g, causes: 'concluded' }, sv(q.total), 'causes trend total');
      }
      for (const l of v.matrix.lines) if (l.code === s.regency) {
        add({ sem, group: g, causes: 'concluded' }, sv(l.total), 'causes matrix total');
        for (const [c, x] of l.cells) add({ sem, group: g, causes: [c] }, sv(x.n), 'causes matrix');
      }
      for (const r of v.ranking) if (r.code === s.regency) {
        add({ sem, group: g, causes: 'cases' }, sv(r.cases), 'causes ranking cases');
        add({ sem, group: g, causes: 'concluded' }, sv(r.concluded), 'causes ranking concluded');
      }
      const story = causesScreen(typedRows<ScopeCauseIn>(scopeRows), d, 'id');
      const listed = new Set(story.lines.map((l) => l.cause));
      for (const l of story.lines)
        add({ sem, group: g, causes: l.cause === OTHERS ? CAUSES.map((c) => c.code).filter((c) => !listed.has(c)) : [l.cause] }, sv(l.n), 'story causes');
      add({ sem, group: g, causes: 'concluded' }, sv(story.total.regency), 'story causes total');
      const cases = casesScreen(casesRows, d, 'id');
      for (const l of cases.lines) if (g === null || l.code === g) add({ sem, group: l.code as TargetGroupCode, causes: 'cases' }, sv(l.n), 'story cases');
      add({ sem, group: g, causes: 'cases' }, sv(cases.total.regency), 'story cases total');
      add({ sem, group: g, causes: 'concluded' }, sv(cases.concluded), 'story concluded');
      return out;
    }
  };
}
