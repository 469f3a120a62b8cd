/**
 * State and data of the root-cause view. Five typed queries on the page's Coordinator (profiles at the
 * comparison scopes, matrix, trend, ranking, notable regions; src/lib/db/query.svelte.ts); SQL comes
 * from src/lib/queries/causes. Its own URL parameters are parsed once (params.ts, `this.params`), and
 * the queries read them from there.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import { defineQuery, querySet, type Query, type QuerySet } from '$lib/db/query.svelte.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  CAUSE_COUNTS, RANKING_COUNTS, causeMatrixSql, causeScopesSql, causeTrendSql, notableSql, regionRankingSql, scopesOf, MIN_CASES,
  type CauseMode, type MatrixRow, type NotableRow, type RankingRow, type Scope, type ScopeCauseRow, type TrendCauseRow
} from '$lib/queries/causes/index.ts';
import type { ViewContext } from '../ViewContext.ts';
import { causeTranslator } from './messages.ts';
import { nextSort, paramsPatch, parseParams, toggleCompare, type CauseParams, type RankKey } from './params.ts';
import { matches, scopeRows, scopeTotal } from './present.ts';
import { protectView, type CauseView } from './disclosure.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';
import * as csv from './exports.ts';

export class CausesModel {
  readonly model: ViewContext;
  readonly params: CauseParams = $derived.by(() => parseParams(this.model.state.extras, this.model.state.province));
  readonly t = $derived.by(() => causeTranslator(this.model.lang));

  readonly scopeQuery: Query<ScopeCauseRow, { f: QueryFilters; mode: CauseMode }>;
  readonly matrixQuery: Query<MatrixRow, QueryFilters>;
  readonly trendQuery: Query<TrendCauseRow, QueryFilters>;
  readonly rankingQuery: Query<RankingRow, QueryFilters>;
  readonly notableQuery: Query<NotableRow, QueryFilters>;
  private readonly queries: QuerySet;
  readonly error = $derived.by(() => this.queries.error);
  /** The mode the profile rows were queried with (they may lag a toggle). */
  readonly shownMode: CauseMode = $derived.by(() => this.scopeQuery.state?.mode ?? 'primary');

  readonly scopes: Scope[] = $derived.by(() => scopesOf(this.model.state));
  readonly scopeNames: Record<Scope, string> = $derived.by(() => {
    const s = this.model.state;
    return {
      regency: s.regency ? (REGENCY_BY_CODE.get(s.regency)?.name ?? s.regency) : '',
      province: s.province ? (PROVINCE_BY_CODE.get(s.province)?.name ?? s.province) : '',
      nation: this.t('nation')
    };
  });
  readonly place: string = $derived(this.scopeNames[this.scopes[0]]);
  readonly profile = $derived.by(() => scopeRows(this.scopeQuery.rows ?? [], this.scopes[0]));
  readonly concluded = $derived(scopeTotal(this.profile));
  /** What the view shows: every table protected under the page's disclosure policy (disclosure.ts). */
  readonly view: CauseView = $derived.by(() => {
    const s = this.model.state;
    const p = this.params;
    return protectView(
      {
        province: s.province, regency: s.regency ?? null, period: s.period, mode: this.shownMode, scopes: this.scopes, scopeNames: this.scopeNames,
        scopeRows: this.scopeQuery.rows ?? [], matrixRows: this.matrixQuery.rows ?? [], trendRows: this.trendQuery.rows ?? [],
        rankingRows: this.rankingQuery.rows ?? [], notableRows: this.notableQuery.rows, compare: p.compare, matrixSort: p.matrixSort, rankSort: p.sort, rankDesc: p.desc,
        search: (name) => !p.search || matches(name, p.search), lang: this.model.lang
      },
      this.model.disclosure
    );
  });
  readonly parentName: string = $derived.by(() => (this.model.state.province ? this.scopeNames.province : this.t('parentNation')));
  readonly minCases = MIN_CASES;
  readonly loading = $derived.by(() => this.scopeQuery.loading || this.matrixQuery.loading);
  readonly empty = $derived.by(() => !this.scopeQuery.loading && this.concluded === 0);

  constructor(model: ViewContext) {
    this.model = model;
    const c = model.coordinator;
    // the profiles at the comparison scopes, with the cause mode they were queried in (they may lag a toggle)
    this.scopeQuery = defineQuery<ScopeCauseRow, { f: QueryFilters; mode: CauseMode }>(c, {
      id: 'causes-scopes',
      params: (f) => ({ f, mode: this.params.mode }),
      query: ({ f, mode }) => discloseSql(causeScopesSql(f, mode), CAUSE_COUNTS, this.model.disclosure)
    });
    this.matrixQuery = defineQuery<MatrixRow>(c, {
      id: 'causes-matrix',
      query: (f) => discloseSql(causeMatrixSql(f, this.params.mode), CAUSE_COUNTS, this.model.disclosure)
    });
    this.trendQuery = defineQuery<TrendCauseRow>(c, {
      id: 'causes-trend',
      query: (f) => discloseSql(causeTrendSql(f, this.params.mode), CAUSE_COUNTS, this.model.disclosure)
    });
    this.rankingQuery = defineQuery<RankingRow>(c, {
      id: 'causes-ranking',
      query: (f) => discloseSql(regionRankingSql(f), RANKING_COUNTS, this.model.disclosure, { drop: ['coverage'] })
    });
    this.notableQuery = defineQuery<NotableRow>(c, {
      id: 'causes-notable',
      // public mode: not shown (its scores come from true counts)
      query: (f) => (this.model.disclosure.public ? null : notableSql(f, this.params.mode))
    });
    this.queries = querySet(this.scopeQuery, this.matrixQuery, this.trendQuery, this.rankingQuery, this.notableQuery);
  }

  destroy(): void {
    this.queries.destroy();
  }

  private set(p: CauseParams): void {
    void this.model.setExtras(paramsPatch(p), true);
  }
  setMode(mode: CauseMode): void {
    this.set({ ...this.params, mode });
  }
  sortRanking(key: RankKey): void {
    this.set(nextSort(this.params, key));
  }
  search(text: string): void {
    this.set({ ...this.params, search: text.slice(0, 60) });
  }
  toggleCompare(code: string): void {
    this.set(toggleCompare(this.params, code));
  }
  clearCompare(): void {
    this.set({ ...this.params, compare: [] });
  }
  sortMatrix(sort: string): void {
    this.set({ ...this.params, matrixSort: sort });
  }
  /** Cause heading: colour the map by the cause's share and sort the matrix by it. */
  showCause(cause: string): void {
    const extras = { ...this.model.state.extras };
    const patch = paramsPatch({ ...this.params, matrixSort: cause });
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete extras[k];
      else extras[k] = v;
    }
    void this.model.navigate({ indicator: 'cause_share', cause, extras });
  }
  /** A region's link: provinces drill in; a regency toggles the selection. */
  hrefFor = (code: string): string => {
    const m = this.model;
    return m.level === 'province' ? m.href({ province: code }) : m.href({ regency: m.state.regency === code ? null : code });
  };

  fileName(what: string): string {
    const s = this.model.state;
    const parts = [what, s.province ?? 'indonesia'];
    if (s.period) parts.push(`${s.period.year}-${s.period.semester}`);
    if (s.group) parts.push(s.group);
    if (this.params.mode === 'any') parts.push('semua');
    return parts.join('_');
  }
  /** Lines under an image export: the title, how causes are counted, then filters, data date, source. */
  caption(title: string): string[] {
    return this.model.exportCaption(title, [this.t(this.params.mode === 'any' ? 'modeAny' : 'modePrimary')]);
  }
  rankingCsv(): string {
    return csv.rankingCsv(this.view.ranking, this.model.level, this.t, this.model.lang, this.model.disclosure);
  }
  matrixCsv(): string {
    return csv.matrixCsv(this.view.matrix, this.model.level, this.t, this.model.disclosure);
  }
  notableCsv(): string {
    return csv.notableCsv(this.view.notable ?? [], this.model.level, this.t, this.model.lang);
  }
  profileCsv(): string {
    return csv.profileCsv(this.view.sections, this.place, this.t, this.model.disclosure);
  }
  trendCsv(): string {
    return csv.trendCsv(this.view.trend, this.scopes, this.scopeNames, this.t, this.model.disclosure);
  }
  sideCsv(): string {
    return csv.sideCsv(this.view.side, this.t, this.model.disclosure);
  }
}
