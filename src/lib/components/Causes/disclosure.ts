/**
 * Public-safe mode of the root-cause view (src/lib/privacy): from the view's query rows and a
 * Disclosure to the protected structures the components render and the CSV writes (one source, so
 * screen and export agree). Outside public mode every value is the query's.
 *
 * The view shows the same counts in several tables (the place's profile is the matrix's column totals
 * or one of its rows; a trend semester is the profile when a period is chosen; the side-by-side table
 * repeats matrix rows and profiles; the ranking's "concluded" is the matrix's row total). So every
 * count has one identity (a key: scope × period × cause) in a Registry (registry.ts); in public mode
 * its value arrives published by the cell-key method (src/lib/privacy/ptable.ts, in the database), so
 * a count reads the same in every table. The lists never depend on what the user selected (search,
 * sort, regions compared).
 */
import { protectedShare, type Cell, type Disclosure, type ProtectedTable } from '$lib/privacy/index.ts';
import { Registry, type Spec } from './registry.ts';
import type { Lang } from '$lib/domain/label.ts';
import type { CauseMode, MatrixRow, NotableRow, RankingRow, Scope, ScopeCauseRow, TrendCauseRow } from '$lib/queries/causes/index.ts';
import type { Period } from '$lib/domain/index.ts';
import type { MatrixSort, RankKey } from './params.ts';
import {
  buildMatrix, causesIn, profileSections, rankItems, scopeRows, sideBySide, sortRank, trendPanels,
  type CauseItem, type Matrix, type ProfileSection, type RankItem, type TrendPanel
} from './present.ts';

export interface CauseInputs {
  province: string | null;
  regency: string | null;
  period: Period | null;
  mode: CauseMode;
  scopes: Scope[];
  scopeNames: Record<Scope, string>;
  scopeRows: readonly ScopeCauseRow[];
  matrixRows: readonly MatrixRow[];
  trendRows: readonly TrendCauseRow[];
  rankingRows: readonly RankingRow[];
  notableRows: readonly NotableRow[] | null;
  compare: readonly string[];
  matrixSort: MatrixSort;
  rankSort: RankKey;
  rankDesc: boolean;
  search: (name: string) => boolean;
  lang: Lang;
}

/** A count as shown (null = hidden, "<5") and its share (null = withheld, "–"). */
export interface Shown {
  n: Cell;
  share: number | null;
}
export interface ShownItem extends Omit<CauseItem, 'n' | 'total' | 'share'>, Shown {
  total: Cell;
}
export interface ShownSection extends Omit<ProfileSection, 'n' | 'items'> {
  /** the class's share of the concluded cases (primary mode), withheld when one of its causes is hidden */
  share: number | null;
  items: ShownItem[];
}
export interface ShownLine {
  code: string;
  name: string;
  total: Cell;
  cells: Map<string, Shown>;
}
export interface ShownMatrix {
  causes: Matrix['causes'];
  lines: ShownLine[];
  max: number;
}
export interface ShownPoint extends Shown {
  key: string;
  year: number;
  semester: number;
  total: Cell;
}
export interface ShownPanel extends Omit<TrendPanel, 'series'> {
  series: { scope: Scope; points: ShownPoint[] }[];
}
export interface ShownRank extends Omit<RankItem, 'cases' | 'concluded' | 'coverage' | 'top' | 'evalShare'> {
  cases: Cell;
  concluded: Cell;
  coverage: number | null;
  top: ({ cause: string } & Shown)[];
  evalShare: number | null;
}
export interface ShownSide {
  columns: { code: string; name: string; total: Cell; reference: boolean }[];
  rows: { cause: string; label: string; cells: (Shown | null)[] }[];
}
export type ShownNotable = NotableRow;

export interface CauseView {
  /** concluded cases of the place (intro) */
  concluded: Cell;
  sections: ShownSection[];
  matrix: ShownMatrix;
  trend: { periods: string[]; panels: ShownPanel[] };
  ranking: ShownRank[];
  side: ShownSide;
  notable: ShownNotable[] | null;
  /** every table shown, protected (for the audit in tests) */
  tables: { name: string; table: ProtectedTable }[];
}

const periodKey = (p: Period | null) => (p ? `${p.year}-${p.semester}` : 'all');
const nKey = (scope: string, p: string, cause: string) => `n|${scope}|${p}|${cause}`;
const tKey = (scope: string, p: string) => `t|${scope}|${p}`;

const byShare = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);

/** Everything the view shows, protected under `d`. */
export function protectView(x: CauseInputs, d: Disclosure): CauseView {
  const P = periodKey(x.period);
  const scopeKey = (s: Scope): string => (s === 'nation' ? 'nation' : s === 'province' ? x.province! : x.regency!);
  const parent = x.province ?? 'nation';
  const reg = new Registry(d);
  for (const r of x.scopeRows) {
    reg.values.set(nKey(scopeKey(r.scope), P, r.cause), r.n);
    reg.values.set(tKey(scopeKey(r.scope), P), r.total);
  }
  for (const r of x.matrixRows) {
    reg.values.set(nKey(r.code, P, r.cause), r.n);
    reg.values.set(tKey(r.code, P), r.total);
  }
  for (const r of x.trendRows) {
    reg.values.set(nKey(scopeKey(r.scope), `${r.year}-${r.semester}`, r.cause), r.n);
    reg.values.set(tKey(scopeKey(r.scope), `${r.year}-${r.semester}`), r.total);
  }

  const rawMatrix = buildMatrix(x.matrixRows, x.matrixSort, x.lang);
  const trend = trendPanels(x.trendRows, x.scopes, x.lang);
  const trendCauses = trend.panels.map((p) => p.cause);
  // Public mode: one set of causes for every list and line (a cause listed here but not there would
  // tell "none" from "a few", and lines must not depend on what the user selected).
  const allCauses = causesIn([...x.matrixRows, ...x.scopeRows, ...x.trendRows].map((r) => r.cause));
  const C = allCauses.map((c) => c.code);
  const matrixCauses = d.public ? C : rawMatrix.causes.map((c) => c.code);
  const profileCauses = (s: Scope) => (d.public ? C : causesIn(scopeRows(x.scopeRows, s).map((r) => r.cause)).map((c) => c.code));

  const specs: Spec[] = [];
  // rows in code order, not the display order: the solver must see the same system whatever the sort
  const codes = rawMatrix.lines.map((l) => l.code).sort();
  specs.push({
    name: 'matrix',
    cells: codes.map((code) => matrixCauses.map((c) => nKey(code, P, c))),
    rowTotals: codes.map((code) => tKey(code, P)),
    colTotals: matrixCauses.map((c) => nKey(parent, P, c)),
    total: tKey(parent, P)
  });
  for (const s of x.scopes) {
    const sk = scopeKey(s);
    specs.push({ name: `profile ${s}`, cells: [profileCauses(s).map((c) => nKey(sk, P, c))], total: tKey(sk, P) });
  }
  for (const s of x.scopes) {
    const sk = scopeKey(s);
    const periods = trend.periods.filter((q) => reg.value(tKey(sk, q)) > 0);
    if (!periods.length || !trendCauses.length) continue;
    specs.push({
      name: `trend ${s}`,
      cells: periods.map((q) => trendCauses.map((c) => nKey(sk, q, c))),
      rowTotals: periods.map((q) => tKey(sk, q)),
      // without a period filter the profile shows the sums over the semesters
      ...(x.period ? {} : { colTotals: trendCauses.map((c) => nKey(sk, 'all', c)), total: tKey(sk, 'all') })
    });
  }
  // the ranking (all its rows, whatever the search)
  for (const r of x.rankingRows) {
    reg.values.set(`cases|${r.code}`, r.cases);
    reg.values.set(`rec|${r.code}`, r.recommended);
    reg.values.set(`del|${r.code}`, r.delivered);
    if (!reg.values.has(tKey(r.code, P))) reg.values.set(tKey(r.code, P), r.concluded);
  }
  const tables = specs.map((s) => ({ name: s.name, table: reg.shown(s) }));
  const shown = (scope: string, p: string, cause: string): Shown => {
    const n = reg.get(nKey(scope, p, cause));
    return { n, share: protectedShare(n, reg.get(tKey(scope, p))) };
  };

  // profile of the place
  const place = x.scopes[0];
  const pk = scopeKey(place);
  const placeTotal = reg.get(tKey(pk, P));
  const placeRows = scopeRows(x.scopeRows, place);
  const present = new Set(placeRows.map((r) => r.cause));
  const padded = profileSections(
    [...placeRows, ...profileCauses(place).filter((c) => !present.has(c)).map((cause) => ({ scope: place, cause, cls: 'spesifik' as const, n: 0, total: reg.value(tKey(pk, P)) }))],
    x.lang
  );
  const sections: ShownSection[] = padded.map((s) => {
    const items = s.items.map((i): ShownItem => ({ ...i, ...shown(pk, P, i.cause), total: placeTotal }));
    if (d.public) items.sort((a, b) => byShare(a.share, b.share) || a.cause.localeCompare(b.cause));
    const all = items.every((i) => i.n !== null);
    return { cls: s.cls, label: s.label, items, share: all && x.mode === 'primary' ? protectedShare(s.n, placeTotal) : null };
  });

  // matrix
  const lines: ShownLine[] = rawMatrix.lines.map((l) => ({
    code: l.code,
    name: l.name,
    total: reg.get(tKey(l.code, P)),
    cells: new Map(matrixCauses.map((c) => [c, shown(l.code, P, c)]))
  }));
  if (d.public) {
    // sort on what is shown: the order must not rank hidden values
    const cmp = new Intl.Collator(x.lang === 'id' ? 'id-ID' : 'en-GB');
    const s = x.matrixSort;
    lines.sort((a, b) =>
      s === 'name' ? cmp.compare(a.name, b.name)
        : s === 'cases' ? (b.total ?? -1) - (a.total ?? -1) || cmp.compare(a.name, b.name)
          : byShare(a.cells.get(s)?.share ?? null, b.cells.get(s)?.share ?? null) || cmp.compare(a.name, b.name)
    );
  }
  let max = 0;
  for (const l of lines) for (const c of l.cells.values()) max = Math.max(max, c.share ?? 0);
  const matrix: ShownMatrix = {
    causes: d.public ? allCauses.map((c) => ({ code: c.code, label: c.label[x.lang], cls: c.class })) : rawMatrix.causes,
    lines,
    max
  };

  // trend
  const panels: ShownPanel[] = trend.panels.map((p) => {
    let pmax = 0;
    const series = p.series.map((s) => ({
      scope: s.scope,
      points: s.points.map((q): ShownPoint => {
        const sk = scopeKey(s.scope);
        const v = shown(sk, q.key, p.cause);
        pmax = Math.max(pmax, v.share ?? 0);
        return { key: q.key, year: q.year, semester: q.semester, ...v, total: reg.get(tKey(sk, q.key)) };
      })
    }));
    return { cause: p.cause, label: p.label, series, max: pmax };
  });

  // ranking
  const rawRank = rankItems(x.rankingRows, rawMatrix).filter((r) => x.search(r.name));
  const ranked = d.public ? rawRank : sortRank(rawRank, x.rankSort, x.rankDesc, x.lang);
  const ranking: ShownRank[] = ranked.map((r) => {
    const concluded = reg.get(tKey(r.code, P));
    const cases = reg.get(`cases|${r.code}`);
    const rec = reg.get(`rec|${r.code}`);
    const del = reg.get(`del|${r.code}`);
    const line = lines.find((l) => l.code === r.code);
    return {
      ...r, cases, concluded,
      // public: from the published counts (the query's coverage, from true counts, is dropped in the database)
      coverage: !d.public ? r.coverage : protectedShare(del, rec),
      top: r.top.map((t) => ({ cause: t.cause, ...(line?.cells.get(t.cause) ?? { n: null, share: null }) }))
    };
  });
  if (d.public) sortShown(ranking, x.rankSort, x.rankDesc, x.lang);

  // side by side: chosen matrix rows, then the references (province, nation)
  const refs = x.scopes.filter((s) => s !== 'regency');
  const rawSide = sideBySide(x.compare, rawMatrix, refs.map((s) => ({ scope: s, name: x.scopeNames[s], rows: scopeRows(x.scopeRows, s) })), x.lang);
  const colKey = (c: { code: string; reference: boolean }) => (c.reference ? scopeKey(c.code as Scope) : c.code);
  const sideRows = d.public
    ? allCauses.map((c) => ({ cause: c.code, label: c.label[x.lang], cells: rawSide.columns.map((col) => (col.reference || lines.some((l) => l.code === col.code) ? {} : null)) }))
    : rawSide.rows;
  const side: ShownSide = {
    columns: rawSide.columns.map((c) => ({ ...c, total: reg.get(tKey(colKey(c), P)) })),
    rows: sideRows.map((r) => ({ cause: r.cause, label: r.label, cells: r.cells.map((cell, i) => (cell ? shown(colKey(rawSide.columns[i]), P, r.cause) : null)) }))
  };
  if (d.public) {
    const last = side.columns.length - 1;
    side.rows.sort((a, b) => byShare(a.cells[last]?.share ?? null, b.cells[last]?.share ?? null) || a.cause.localeCompare(b.cause));
  }
  if (x.compare.length >= 2) {
    const cols = rawSide.columns.filter((_, i) => side.rows.every((r) => r.cells[i] !== null));
    tables.push({
      name: 'side by side',
      table: reg.shown({ name: 'side', cells: cols.map((c) => side.rows.map((r) => nKey(colKey(c), P, r.cause))), rowTotals: cols.map((c) => tKey(colKey(c), P)) })
    });
  }

  // notable regions: their scores come from true counts in SQL, so public mode shows none (the model
  // does not even run the query then)
  const notable = d.public || x.notableRows === null ? null : [...x.notableRows];
  return { concluded: placeTotal, sections, matrix, trend: { periods: trend.periods, panels }, ranking, side, notable, tables };
}

/** The ranking sorted on its shown values (hidden last, like "no data"). */
function sortShown(items: ShownRank[], key: RankKey, desc: boolean, lang: Lang): void {
  const cmp = new Intl.Collator(lang === 'id' ? 'id-ID' : 'en-GB');
  const val = (r: ShownRank): number | null => (key === 'evaluated' ? r.evalShare : key === 'name' ? null : r[key]);
  items.sort((a, b) => {
    if (key === 'name') return (desc ? -1 : 1) * cmp.compare(a.name, b.name);
    const va = val(a);
    const vb = val(b);
    if (va === null || vb === null) return va === vb ? cmp.compare(a.name, b.name) : va === null ? 1 : -1;
    return (desc ? vb - va : va - vb) || cmp.compare(a.name, b.name);
  });
}

