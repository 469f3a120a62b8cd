/**
 * Pure helpers of the root-cause view: profile sections in domain order, the cause × region matrix,
 * the ranking rows (top causes, search, sort), trend series and the side-by-side table. The list of
 * causes always comes from src/lib/domain (filtered to those present in the data); no Svelte, no SQL.
 */
import { CAUSES, CAUSE_BY_CODE, CAUSE_CLASSES, STAGES, regionName, type CauseClass, type Lang } from '$lib/domain/index.ts';
import type { MatrixRow, RankingRow, Scope, ScopeCauseRow, TrendCauseRow } from '$lib/queries/causes/index.ts';
import type { MatrixSort, RankKey } from './params.ts';

export const share = (n: number, total: number): number => (total > 0 ? (100 * n) / total : 0);
export const causeLabel = (code: string, lang: Lang): string => CAUSE_BY_CODE.get(code)?.label[lang] ?? code;
export const nameOf = (code: string): string => regionName(code) ?? code;
const collator = (lang: Lang) => new Intl.Collator(lang === 'id' ? 'id-ID' : 'en-GB');

export interface CauseItem {
  cause: string;
  label: string;
  cls: CauseClass;
  n: number;
  total: number;
  share: number;
}
export interface ProfileSection {
  cls: CauseClass;
  label: string;
  /** cases in the class (primary mode: their share adds up) */
  n: number;
  items: CauseItem[];
}

/** The causes present in rows, in domain order. */
export function causesIn(codes: Iterable<string>): typeof CAUSES[number][] {
  const present = new Set(codes);
  return CAUSES.filter((c) => present.has(c.code));
}

/** One scope's rows as two sections (specific, sensitive), causes by share, largest first. */
export function profileSections(rows: readonly ScopeCauseRow[], lang: Lang): ProfileSection[] {
  return CAUSE_CLASSES.map((k) => {
    const items = rows
      .filter((r) => CAUSE_BY_CODE.get(r.cause)?.class === k.code)
      .map((r): CauseItem => ({ cause: r.cause, label: causeLabel(r.cause, lang), cls: k.code, n: r.n, total: r.total, share: share(r.n, r.total) }))
      .sort((a, b) => b.n - a.n || a.cause.localeCompare(b.cause));
    return { cls: k.code, label: k.label[lang], n: items.reduce((s, i) => s + i.n, 0), items };
  }).filter((s) => s.items.length > 0);
}

export function scopeRows(rows: readonly ScopeCauseRow[], scope: Scope): ScopeCauseRow[] {
  return rows.filter((r) => r.scope === scope);
}
export const scopeTotal = (rows: readonly ScopeCauseRow[]): number => rows[0]?.total ?? 0;

export interface MatrixCell {
  n: number;
  share: number;
}
export interface MatrixLine {
  code: string;
  name: string;
  total: number;
  cells: Map<string, MatrixCell>;
}
export interface Matrix {
  causes: { code: string; label: string; cls: CauseClass }[];
  lines: MatrixLine[];
  max: number;
}

export function buildMatrix(rows: readonly MatrixRow[], sort: MatrixSort, lang: Lang): Matrix {
  const byCode = new Map<string, MatrixLine>();
  for (const r of rows) {
    let l = byCode.get(r.code);
    if (!l) byCode.set(r.code, (l = { code: r.code, name: nameOf(r.code), total: r.total, cells: new Map() }));
    l.cells.set(r.cause, { n: r.n, share: share(r.n, r.total) });
  }
  const causes = causesIn(rows.map((r) => r.cause)).map((c) => ({ code: c.code, label: c.label[lang], cls: c.class }));
  const cmp = collator(lang);
  const lines = [...byCode.values()];
  const cellShare = (l: MatrixLine) => l.cells.get(sort)?.share ?? 0;
  lines.sort((a, b) =>
    sort === 'name' ? cmp.compare(a.name, b.name)
      : sort === 'cases' ? b.total - a.total || cmp.compare(a.name, b.name)
        : cellShare(b) - cellShare(a) || cmp.compare(a.name, b.name)
  );
  let max = 0;
  for (const l of lines) for (const c of l.cells.values()) max = Math.max(max, c.share);
  return { causes, lines, max };
}

/** The top causes of a region by count (ties by code). */
export function topCauses(line: MatrixLine | undefined, k = 3): { cause: string; n: number; share: number }[] {
  if (!line) return [];
  return [...line.cells].map(([cause, c]) => ({ cause, ...c })).sort((a, b) => b.n - a.n || a.cause.localeCompare(b.cause)).slice(0, k);
}

export interface RankItem extends RankingRow {
  name: string;
  top: { cause: string; n: number; share: number }[];
  /** 0–100, null without calendar rows */
  evalShare: number | null;
}

export function rankItems(rows: readonly RankingRow[], matrix: Matrix): RankItem[] {
  const lines = new Map(matrix.lines.map((l) => [l.code, l]));
  return rows.map((r) => ({
    ...r,
    name: nameOf(r.code),
    top: topCauses(lines.get(r.code)),
    evalShare: r.cycles > 0 ? share(r.evaluated, r.cycles) : null
  }));
}

/** Case- and accent-insensitive name search. */
export function matches(name: string, query: string): boolean {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  return norm(name).includes(norm(query));
}

export function sortRank(items: readonly RankItem[], key: RankKey, desc: boolean, lang: Lang): RankItem[] {
  const cmp = collator(lang);
  const val = (r: RankItem): number | null => (key === 'evaluated' ? r.evalShare : key === 'name' ? null : r[key]);
  return [...items].sort((a, b) => {
    if (key === 'name') return (desc ? -1 : 1) * cmp.compare(a.name, b.name);
    const va = val(a);
    const vb = val(b);
    if (va === null || vb === null) return va === vb ? cmp.compare(a.name, b.name) : va === null ? 1 : -1; // no data last
    return (desc ? vb - va : va - vb) || cmp.compare(a.name, b.name);
  });
}

export const stageLabel = (order: number | null, lang: Lang): string | null =>
  order === null ? null : (STAGES.find((s) => s.order === order)?.label[lang] ?? String(order));

export interface TrendPoint {
  key: string;
  year: number;
  semester: number;
  n: number;
  total: number;
  share: number;
}
export interface TrendPanel {
  cause: string;
  label: string;
  /** per scope, points in period order (semesters with concluded cases; a missing cause counts 0) */
  series: { scope: Scope; points: TrendPoint[] }[];
  max: number;
}

/**
 * Small-multiple panels, one per cause present at the first scope (or any scope), ordered by the
 * first scope's overall count. Semesters with concluded cases but no case of the cause count as 0.
 */
export function trendPanels(rows: readonly TrendCauseRow[], scopes: readonly Scope[], lang: Lang): { periods: string[]; panels: TrendPanel[] } {
  const totals = new Map<string, number>(); // scope|period → total
  const counts = new Map<string, number>(); // scope|period|cause → n
  const periods = new Set<string>();
  for (const r of rows) {
    const pk = `${r.year}-${r.semester}`;
    periods.add(pk);
    totals.set(`${r.scope}|${pk}`, r.total);
    counts.set(`${r.scope}|${pk}|${r.cause}`, r.n);
  }
  const order = [...periods].sort((a, b) => {
    const [ya, sa] = a.split('-').map(Number);
    const [yb, sb] = b.split('-').map(Number);
    return ya - yb || sa - sb;
  });
  const first = scopes[0];
  const weight = (cause: string) => rows.filter((r) => r.scope === first && r.cause === cause).reduce((s, r) => s + r.n, 0);
  const panels = causesIn(rows.map((r) => r.cause))
    .map((c) => {
      let max = 0;
      const series = scopes.map((scope) => ({
        scope,
        points: order.flatMap((pk) => {
          const total = totals.get(`${scope}|${pk}`);
          if (!total) return [];
          const n = counts.get(`${scope}|${pk}|${c.code}`) ?? 0;
          const [year, semester] = pk.split('-').map(Number);
          const p = { key: pk, year, semester, n, total, share: share(n, total) };
          max = Math.max(max, p.share);
          return [p];
        })
      }));
      return { cause: c.code, label: c.label[lang], series, max, w: weight(c.code) };
    })
    .sort((a, b) => b.w - a.w || a.cause.localeCompare(b.cause))
    .map(({ w: _w, ...p }) => p);
  return { periods: order, panels };
}

export interface SideColumn {
  code: string;
  name: string;
  total: number;
  reference: boolean;
}
export interface SideRow {
  cause: string;
  label: string;
  cells: (MatrixCell | null)[];
}

/** Chosen regions (from the matrix) then the references (province, nation), causes by the nation's order. */
export function sideBySide(
  compare: readonly string[], matrix: Matrix, refs: { scope: Scope; name: string; rows: ScopeCauseRow[] }[], lang: Lang
): { columns: SideColumn[]; rows: SideRow[] } {
  const lines = new Map(matrix.lines.map((l) => [l.code, l]));
  const columns: SideColumn[] = [
    ...compare.map((c) => ({ code: c, name: nameOf(c), total: lines.get(c)?.total ?? 0, reference: false })),
    ...refs.map((r) => ({ code: r.scope, name: r.name, total: scopeTotal(r.rows), reference: true }))
  ];
  const refMaps = refs.map((r) => new Map(r.rows.map((x) => [x.cause, { n: x.n, share: share(x.n, x.total) }])));
  const codes = new Set<string>();
  for (const c of compare) for (const k of lines.get(c)?.cells.keys() ?? []) codes.add(k);
  for (const r of refs) for (const x of r.rows) codes.add(x.cause);
  const last = refMaps[refMaps.length - 1];
  const rows = causesIn(codes)
    .map((c) => ({
      cause: c.code,
      label: c.label[lang],
      cells: [
        ...compare.map((code) => (lines.has(code) ? (lines.get(code)!.cells.get(c.code) ?? { n: 0, share: 0 }) : null)),
        ...refMaps.map((m) => m.get(c.code) ?? { n: 0, share: 0 })
      ]
    }))
    .sort((a, b) => (last?.get(b.cause)?.n ?? 0) - (last?.get(a.cause)?.n ?? 0) || a.cause.localeCompare(b.cause));
  return { columns, rows };
}
