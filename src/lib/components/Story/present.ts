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
  cause: string;
  label: string;
  cls: CauseClass;
  n: Cell;
  masked: boolean;
  share: Record<Scope, number | null>;
}
export interface CausesScreen {
  total: Record<Scope, Cell>;
  lines: CauseLine[];
  tables: ProtectedTable[];
}

/**
 * Primary causes (each concluded case once, so a scope's counts add up to its total): protected per
 * scope as one line with its total. Lines ordered by the regency's shown share (withheld last), then
 * the province's.
 */
export function causesScreen(rows: readonly ScopeCauseRow[], d: Disclosure, lang: Lang, limit = 10): CausesScreen {
  const causes = [...new Set(rows.map((r) => r.cause))].filter((c) => CAUSE_BY_CODE.has(c));
  const tables: ProtectedTable[] = [];
  const total = {} as Record<Scope, Cell>;
  const cells = {} as Record<Scope, Cell[]>;
  let masked: boolean[] = [];
  for (const s of SCOPES) {
    const scoped = rows.filter((r) => r.scope === s);
    const ns = causes.map((c) => scoped.find((r) => r.cause === c)?.n ?? 0);
    const p = protectLine(ns, scoped[0]?.total ?? 0, d);
    tables.push(p.table);
    cells[s] = p.cells;
    total[s] = p.total;
    if (s === 'regency') masked = p.masked;
  }
  const lines = causes.map((c, i) => ({
    cause: c,
    label: CAUSE_BY_CODE.get(c)!.label[lang],
    cls: CAUSE_BY_CODE.get(c)!.class,
    n: cells.regency[i],
    masked: masked[i] ?? false,
    share: Object.fromEntries(SCOPES.map((s) => [s, protectedShare(cells[s][i], total[s])])) as Record<Scope, number | null>
  }));
  const key = (v: number | null) => (v === null ? -1 : v);
  lines.sort((a, b) => key(b.share.regency) - key(a.share.regency) || key(b.share.province) - key(a.share.province) || a.cause.localeCompare(b.cause));
  return { total, lines: lines.slice(0, limit), tables };
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
export function interventionsScreen(rows: readonly StoryInterventionRow[], d: Disclosure, lang: Lang): InterventionsScreen {
  const types = rows.filter((r) => r.scope === 'regency' && r.code !== '').sort((a, b) => b.recommended - a.recommended || a.code.localeCompare(b.code));
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
    line(r.code, INTERVENTION_BY_CODE.get(r.code)?.label[lang] ?? r.code, r.cls, p.cells[i], p.rowTotals?.[i], [
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
