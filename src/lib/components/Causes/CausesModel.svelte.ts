/**
 * State and data of the root-cause view. Connects five query clients to the dashboard's Coordinator
 * (profiles at the comparison scopes, matrix, trend, ranking, notable regions); SQL comes from
 * src/lib/queries/causes. Its own URL parameters (params.ts) arrive in `model.state.extras`.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE } from '$lib/domain/index.ts';
import type { Row } from '$lib/db/types.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  CAUSE_COUNTS, RANKING_COUNTS, causeMatrixSql, causeScopesSql, causeTrendSql, notableSql, regionRankingSql, scopesOf, MIN_CASES,
  type CauseMode, type MatrixRow, type NotableRow, type RankingRow, type Scope, type ScopeCauseRow, type TrendCauseRow
} from '$lib/queries/causes/index.ts';
import type { DashboardModel } from '../Dashboard/DashboardModel.svelte.ts';
import { causeTranslator } from './messages.ts';
import { nextSort, paramsPatch, parseParams, toggleCompare, type CauseParams, type RankKey } from './params.ts';
import { matches, scopeRows, scopeTotal } from './present.ts';
import { protectView, type CauseView } from './disclosure.ts';
import { discloseSql } from '$lib/privacy/ptable.ts';
import * as csv from './csv.ts';

const modeOf = (f: QueryFilters, _province: string | null): CauseMode => f.causeMode ?? 'primary';

export class CausesModel {
  readonly model: DashboardModel;
  readonly params: CauseParams = $derived.by(() => parseParams(this.model.state.extras, this.model.state.province));
  readonly t = $derived.by(() => causeTranslator(this.model.lang));

  scopeData: ScopeCauseRow[] | null = $state.raw(null);
  matrixRows: MatrixRow[] | null = $state.raw(null);
  trendRows: TrendCauseRow[] | null = $state.raw(null);
  rankingRows: RankingRow[] | null = $state.raw(null);
  notableRows: NotableRow[] | null = $state.raw(null);
  /** The mode the profile rows were queried with (they may lag a toggle). */
  shownMode: CauseMode = $state('primary');
  error: string | null = $state(null);

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
  readonly profile = $derived(scopeRows(this.scopeData ?? [], this.scopes[0]));
  readonly concluded = $derived(scopeTotal(this.profile));
  /** What the view shows: every table protected under the page's disclosure policy (disclosure.ts). */
  readonly view: CauseView = $derived.by(() => {
    const s = this.model.state;
    const p = this.params;
    return protectView(
      {
        province: s.province, regency: s.regency ?? null, period: s.period, mode: this.shownMode, scopes: this.scopes, scopeNames: this.scopeNames,
        scopeRows: this.scopeData ?? [], matrixRows: this.matrixRows ?? [], trendRows: this.trendRows ?? [], rankingRows: this.rankingRows ?? [],
        notableRows: this.notableRows, compare: p.compare, matrixSort: p.matrixSort, rankSort: p.sort, rankDesc: p.desc,
        search: (name) => !p.search || matches(name, p.search), lang: this.model.lang
      },
      this.model.disclosure
    );
  });
  readonly parentName: string = $derived.by(() => (this.model.state.province ? this.scopeNames.province : this.t('parentNation')));
  readonly minCases = MIN_CASES;
  readonly loading = $derived(this.scopeData === null || this.matrixRows === null);
  readonly empty = $derived(this.scopeData !== null && this.concluded === 0);

  private disconnect: () => void = () => {};

  constructor(model: DashboardModel) {
    this.model = model;
    const c = model.coordinator;
    if (!c) return;
    let mode: CauseMode = 'primary';
    this.disconnect = c.connectAll(
      [
        {
          id: 'causes-scopes',
          query: (f) => discloseSql(causeScopesSql(f, (mode = modeOf(f, f.province))), CAUSE_COUNTS, this.model.disclosure),
          update: (rows: Row[]) => {
            this.scopeData = rows as unknown as ScopeCauseRow[];
            this.shownMode = mode;
            this.error = null;
          }
        },
        {
          id: 'causes-matrix',
          query: (f) => discloseSql(causeMatrixSql(f, modeOf(f, f.province)), CAUSE_COUNTS, this.model.disclosure),
          update: (rows: Row[]) => (this.matrixRows = rows as unknown as MatrixRow[])
        },
        {
          id: 'causes-trend',
          query: (f) => discloseSql(causeTrendSql(f, modeOf(f, f.province)), CAUSE_COUNTS, this.model.disclosure),
          update: (rows: Row[]) => (this.trendRows = rows as unknown as TrendCauseRow[])
        },
        {
          id: 'causes-ranking',
          query: (f) => discloseSql(regionRankingSql(f), RANKING_COUNTS, this.model.disclosure, { drop: ['coverage'] }),
          update: (rows: Row[]) => (this.rankingRows = rows as unknown as RankingRow[])
        },
        {
          id: 'causes-notable',
          // public mode: not shown (its scores come from true counts)
          query: (f) => (this.model.disclosure.public ? null : notableSql(f, modeOf(f, f.province))),
          update: (rows: Row[]) => (this.notableRows = rows as unknown as NotableRow[])
        }
      ],
      (message) => (this.error = message)
    );
  }

  destroy(): void {
    this.disconnect();
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
