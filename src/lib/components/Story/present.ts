/**
 * The district story's numbers as shown: pure functions from the story queries' rows and the
 * disclosure policy to what each screen (and its CSV) displays. In public mode every count goes
 * through src/lib/privacy (small counts hidden, complementary suppression per table, shares from hidden
 * counts withheld); `tablesForAudit` returns every table shown, for the property tests.
 */
import { CAUSE_BY_CODE, INTERVENTION_BY_CODE, TARGET_GROUPS, type CauseClass, type Lang } from '$lib/domain/index.ts';
import { protectTable, protectedShare, shownShare, type Cell, type Disclosure, type ProtectedTable } from '$lib/privacy/index.ts';
import type { Scope, ScopeCauseRow } from '$lib/queries/causes/index.ts';
import type { StoryCasesRow, StoryInterventionRow } from '$lib/queries/story/index.ts';

export const SCOPES: readonly Scope[] = ['regency', 'province', 'nation'];

/** A protected line (list of counts with its total) and the shares they give. */
function protectLine(ns: readonly number[], total: number, d: Disclosure): { cells: Cell[]; masked: boolean[]; total: Cell; table: ProtectedTable } {
  const table = protectTable({ cells: [ns], rowTotals: [total], total }, d);
  return { cells: table.cells[0] ?? [], masked: table.masked?.cells[0] ?? ns.map(() => false), total: table.total ?? null, table };
}

// ---- screen 1: audited cases by target group ----------------------------------------------------
export interface GroupLine {
  code: string;
  label: string;
  /** regency count as shown */
  n: Cell;
  /** hidden by complementary suppression only (reads "×") */
  masked: boolean;
  /** share of the scope's cases in the group, per scope (null = withheld / none) */
  share: Record<Scope, number | null>;
}
export interface CasesScreen {
  total: Record<Scope, Cell>;
  concluded: Cell;
  lines: GroupLine[];
  tables: ProtectedTable[];
}

export function casesScreen(rows: readonly StoryCasesRow[], d: Disclosure, lang: Lang): CasesScreen {
  const tables: ProtectedTable[] = [];
  const total = {} as Record<Scope, Cell>;
  const byScope = {} as Record<Scope, Cell[]>;
  let masked: boolean[] = [];
  for (const s of SCOPES) {
    const ns = TARGET_GROUPS.map((g) => rows.find((r) => r.scope === s && r.target_group === g.code)?.cases ?? 0);
    const p = protectLine(ns, ns.reduce((a, b) => a + b, 0), d);
    tables.push(p.table);
    byScope[s] = p.cells;
    total[s] = p.total;
    if (s === 'regency') masked = p.masked;
  }
  const conc = rows.filter((r) => r.scope === 'regency').reduce((a, r) => a + r.concluded, 0);
  const concTable = protectTable({ cells: [[conc]] }, d);
  tables.push(concTable);
  const lines = TARGET_GROUPS.map((g, i) => ({
    code: g.code,
    label: g.label[lang],
    n: byScope.regency[i],
    masked: masked[i] ?? false,
    share: Object.fromEntries(SCOPES.map((s) => [s, protectedShare(byScope[s][i], total[s])])) as Record<Scope, number | null>
  }));
  return { total, concluded: concTable.cells[0][0], lines, tables };
}

// ---- screen 2: cause profile vs province and nation ------------------------------------------
export interface CauseLine {
  /** cause code, or OTHERS */
  cause: string;
  label: string;
  cls: CauseClass | '';
  n: Cell;
  masked: boolean;
  share: Record<Scope, number | null>;
}
export interface CausesScreen {
  total: Record<Scope, Cell>;
  lines: CauseLine[];
  tables: ProtectedTable[];
}

/** Code of the line that groups the causes or interventions beyond the screen's top ones. */
export const OTHERS = 'lainnya';
const othersLabel = (lang: Lang) => (lang === 'id' ? 'Lainnya' : 'Others');

/**
 * Primary causes (each concluded case once, so a scope's counts add up to its total): the regency's
 * `limit` most frequent causes and one line for all the others, grouped BEFORE protection so that
 * nothing left off the screen can be recovered as total minus what is shown; then protected per scope
 * as one line with its total. Shown lines ordered by the regency's shown share (hidden last), then the
 * province's; the others line last.
 */
export function causesScreen(rows: readonly ScopeCauseRow[], d: Disclosure, lang: Lang, limit = 8): CausesScreen {
  const all = [...new Set(rows.map((r) => r.cause))].filter((c) => CAUSE_BY_CODE.has(c));
  const nOf = (scope: Scope, c: string) => rows.find((r) => r.scope === scope && r.cause === c)?.n ?? 0;
  const ranked = [...all].sort((a, b) => nOf('regency', b) - nOf('regency', a) || nOf('province', b) - nOf('province', a) || a.localeCompare(b));
  const top = ranked.slice(0, limit);
  const rest = ranked.slice(limit);
  const tables: ProtectedTable[] = [];
  const total = {} as Record<Scope, Cell>;
  const cells = {} as Record<Scope, Cell[]>;
  let masked: boolean[] = [];
  for (const s of SCOPES) {
    const ns = top.map((c) => nOf(s, c));
    if (rest.length) ns.push(rest.reduce((a, c) => a + nOf(s, c), 0));
    const p = protectLine(ns, rows.find((r) => r.scope === s)?.total ?? 0, d);
    tables.push(p.table);
    cells[s] = p.cells;
    total[s] = p.total;
    if (s === 'regency') masked = p.masked;
  }
  const codes = rest.length ? [...top, OTHERS] : top;
  const lines: CauseLine[] = codes.map((c, i) => ({
    cause: c,
    label: c === OTHERS ? othersLabel(lang) : CAUSE_BY_CODE.get(c)!.label[lang],
    cls: c === OTHERS ? '' : CAUSE_BY_CODE.get(c)!.class,
    n: cells.regency[i],
    masked: masked[i] ?? false,
    share: Object.fromEntries(SCOPES.map((s) => [s, protectedShare(cells[s][i], total[s])])) as Record<Scope, number | null>
  }));
  const key = (l: CauseLine) => (l.cause === OTHERS ? -2 : (l.share.regency ?? -1));
  lines.sort((a, b) => key(b) - key(a) || (b.share.province ?? -1) - (a.share.province ?? -1) || a.cause.localeCompare(b.cause));
  return { total, lines, tables };
}

// ---- screen 3: interventions delivered -------------------------------------------------------
export interface InterventionLine {
  code: string;
  label: string;
  cls: CauseClass | '';
  recommended: Cell;
  delivered: Cell;
  pending: Cell;
  /** which of recommended, delivered, pending are hidden by complementary suppression only */
  masked: [boolean, boolean, boolean];
  coverage: number | null;
}
export interface InterventionsScreen {
  lines: InterventionLine[];
  total: InterventionLine;
  coverage: Record<Scope, number | null>;
  tables: ProtectedTable[];
}

/**
 * Per intervention type in the regency: delivered and not (yet) delivered, adding up to the
 * recommendations (row totals), with the column totals and the grand total shown in the table.
 */
export function interventionsScreen(rows: readonly StoryInterventionRow[], d: Disclosure, lang: Lang, limit = 8): InterventionsScreen {
  const sorted = rows.filter((r) => r.scope === 'regency' && r.code !== '').sort((a, b) => b.recommended - a.recommended || a.code.localeCompare(b.code));
  // the types beyond the top ones as one line, grouped before protection (see causesScreen)
  const rest = sorted.slice(limit);
  const types: StoryInterventionRow[] = sorted.slice(0, limit);
  if (rest.length)
    types.push({ scope: 'regency', code: OTHERS, cls: '', recommended: rest.reduce((a, r) => a + r.recommended, 0), delivered: rest.reduce((a, r) => a + r.delivered, 0) });
  const cells = types.map((r) => [r.delivered, r.recommended - r.delivered]);
  const colTotals = [0, 1].map((j) => cells.reduce((a, c) => a + c[j], 0));
  const p = protectTable({ cells, rowTotals: types.map((r) => r.recommended), colTotals, total: colTotals[0] + colTotals[1] }, d);
  const m = p.masked;
  const line = (code: string, label: string, cls: CauseClass | '', c: Cell[], rec: Cell | undefined, mk: [boolean, boolean, boolean]): InterventionLine => ({
    code,
    label,
    cls,
    recommended: rec ?? null,
    delivered: c[0],
    pending: c[1],
    masked: mk,
    coverage: c[0] === null || c[1] === null ? null : protectedShare(c[0], rec ?? null)
  });
  const lines = types.map((r, i) =>
    line(r.code, r.code === OTHERS ? othersLabel(lang) : (INTERVENTION_BY_CODE.get(r.code)?.label[lang] ?? r.code), r.cls, p.cells[i], p.rowTotals?.[i], [
      m?.rowTotals?.[i] ?? false,
      m?.cells[i][0] ?? false,
      m?.cells[i][1] ?? false
    ])
  );
  const total = line('', lang === 'id' ? 'Jumlah' : 'Total', '', p.colTotals ?? [null, null], p.total, [m?.total ?? false, m?.colTotals?.[0] ?? false, m?.colTotals?.[1] ?? false]);
  const coverage = Object.fromEntries(
    SCOPES.map((s) => {
      const t = rows.find((r) => r.scope === s && r.code === '');
      return [s, t ? shownShare(t.delivered, t.recommended, d) : null];
    })
  ) as Record<Scope, number | null>;
  // with no recommendation in the regency the screen shows no table (only "no data")
  const tables = types.length ? [p] : [];
  // the comparison row (delivered / not delivered at each scope) is a table of its own
  for (const s of SCOPES) {
    const t = rows.find((r) => r.scope === s && r.code === '');
    if (t) tables.push(protectTable({ cells: [[t.delivered, t.recommended - t.delivered]], rowTotals: [t.recommended] }, d));
  }
  return { lines, total, coverage, tables };
}

/** Every table the story shows, as shown (for the property tests). */
export function tablesForAudit(screens: { cases?: CasesScreen; causes?: CausesScreen; interventions?: InterventionsScreen }): ProtectedTable[] {
  return [...(screens.cases?.tables ?? []), ...(screens.causes?.tables ?? []), ...(screens.interventions?.tables ?? [])];
}
