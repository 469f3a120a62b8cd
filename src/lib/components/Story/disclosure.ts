/**
 * The district story's numbers as shown: pure functions from the story queries' rows and the
 * disclosure policy to what each screen (and its CSV) displays. In public mode the rows arrive already
 * published (src/lib/privacy/ptable.ts: `discloseSql` perturbs every count in the database by its cell
 * key and turns those below the threshold into NULL = "<k"): a count here is shown as it comes, shares
 * are computed from published counts (withheld when either is hidden), totals are cells of their own
 * (they need not equal the sum of the lines), and lines are ordered on published values only.
 */
import { CAUSE_BY_CODE, INTERVENTION_BY_CODE, TARGET_GROUPS, type CauseClass, type Lang } from '$lib/domain/index.ts';
import { protectedShare, type Cell, type Disclosure } from '$lib/privacy/index.ts';
import type { Scope, ScopeCauseRow } from '$lib/queries/causes/index.ts';
import type { StoryCasesRow, StoryInterventionRow } from '$lib/queries/story/index.ts';

export const SCOPES: readonly Scope[] = ['regency', 'province', 'nation'];

/** Query rows whose counts may be hidden (public mode: NULL = "<k"). */
type Shown<T, K extends keyof T> = Omit<T, K> & { [P in K]: Cell };
export type StoryCasesIn = Shown<StoryCasesRow, 'cases' | 'concluded'>;
export type ScopeCauseIn = Shown<ScopeCauseRow, 'n' | 'total'>;
export type StoryInterventionIn = Shown<StoryInterventionRow, 'recommended' | 'delivered' | 'pending'>;

/** A count absent from the rows: 0 inside, "<k" in public mode (a true 0 is never published as 0). */
const absent = (d: Disclosure): Cell => (d.public ? null : 0);
/** Descending on shown values, hidden last. */
const desc = (a: Cell, b: Cell) => (b ?? -1) - (a ?? -1);

// ---- screen 1: audited cases by target group ----------------------------------------------------
export interface GroupLine {
  code: string;
  label: string;
  /** regency count as shown */
  n: Cell;
  /** share of the scope's cases in the group, per scope (null = withheld / none) */
  share: Record<Scope, number | null>;
}
export interface CasesScreen {
  total: Record<Scope, Cell>;
  concluded: Cell;
  lines: GroupLine[];
}

export function casesScreen(rows: readonly StoryCasesIn[], d: Disclosure, lang: Lang): CasesScreen {
  const row = (s: Scope, g: string | null) => rows.find((r) => r.scope === s && r.target_group === g);
  const total = Object.fromEntries(SCOPES.map((s) => [s, row(s, null)?.cases ?? absent(d)])) as Record<Scope, Cell>;
  const lines = TARGET_GROUPS.map((g) => {
    const n = (s: Scope) => row(s, g.code)?.cases ?? absent(d);
    return {
      code: g.code,
      label: g.label[lang],
      n: n('regency'),
      share: Object.fromEntries(SCOPES.map((s) => [s, protectedShare(n(s), total[s])])) as Record<Scope, number | null>
    };
  });
  return { total, concluded: row('regency', null)?.concluded ?? absent(d), lines };
}

// ---- screen 2: cause profile vs province and nation ------------------------------------------
export interface CauseLine {
  /** cause code, or OTHERS */
  cause: string;
  label: string;
  cls: CauseClass | '';
  n: Cell;
  share: Record<Scope, number | null>;
}
export interface CausesScreen {
  total: Record<Scope, Cell>;
  lines: CauseLine[];
}

/** Code of the line that groups the causes or interventions beyond the screen's top ones. */
export const OTHERS = 'lainnya';
const othersLabel = (lang: Lang) => (lang === 'id' ? 'Lainnya' : 'Others');

/**
 * Primary causes: the regency's `limit` most frequent causes (on shown counts, then the province's,
 * then the code) and, inside, one line for all the others. In public mode there is no "others" line:
 * it would be a difference of published cells, not a published cell (the total covers them).
 */
export function causesScreen(rows: readonly ScopeCauseIn[], d: Disclosure, lang: Lang, limit = 8): CausesScreen {
  const all = [...new Set(rows.map((r) => r.cause))].filter((c) => CAUSE_BY_CODE.has(c));
  const nOf = (scope: Scope, c: string): Cell => rows.find((r) => r.scope === scope && r.cause === c)?.n ?? absent(d);
  const ranked = [...all].sort((a, b) => desc(nOf('regency', a), nOf('regency', b)) || desc(nOf('province', a), nOf('province', b)) || a.localeCompare(b));
  const top = ranked.slice(0, limit);
  const rest = d.public ? [] : ranked.slice(limit);
  const total = Object.fromEntries(SCOPES.map((s) => [s, rows.find((r) => r.scope === s)?.total ?? absent(d)])) as Record<Scope, Cell>;
  const cells = (s: Scope): Cell[] => [...top.map((c) => nOf(s, c)), ...(rest.length ? [rest.reduce((a, c) => a + (nOf(s, c) ?? 0), 0)] : [])];
  const byScope = Object.fromEntries(SCOPES.map((s) => [s, cells(s)])) as Record<Scope, Cell[]>;
  const codes = rest.length ? [...top, OTHERS] : top;
  const lines: CauseLine[] = codes.map((c, i) => ({
    cause: c,
    label: c === OTHERS ? othersLabel(lang) : CAUSE_BY_CODE.get(c)!.label[lang],
    cls: c === OTHERS ? '' : CAUSE_BY_CODE.get(c)!.class,
    n: byScope.regency[i],
    share: Object.fromEntries(SCOPES.map((s) => [s, protectedShare(byScope[s][i], total[s])])) as Record<Scope, number | null>
  }));
  const key = (l: CauseLine) => (l.cause === OTHERS ? -2 : (l.share.regency ?? -1));
  lines.sort((a, b) => key(b) - key(a) || (b.share.province ?? -1) - (a.share.province ?? -1) || a.cause.localeCompare(b.cause));
  return { total, lines };
}

// ---- screen 3: interventions delivered -------------------------------------------------------
export interface InterventionLine {
  code: string;
  label: string;
  cls: CauseClass | '';
  recommended: Cell;
  delivered: Cell;
  pending: Cell;
  coverage: number | null;
}
export interface InterventionsScreen {
  lines: InterventionLine[];
  total: InterventionLine;
  coverage: Record<Scope, number | null>;
}

/**
 * Per intervention type in the regency: recommended, delivered and not (yet) delivered, each a cell of
 * its own (in public mode they need not add up), the `limit` most recommended types (on shown counts)
 * and, inside, the rest as one line; the regency's total line and each scope's coverage.
 */
export function interventionsScreen(rows: readonly StoryInterventionIn[], d: Disclosure, lang: Lang, limit = 8): InterventionsScreen {
  const sorted = rows.filter((r) => r.scope === 'regency' && r.code !== '').sort((a, b) => desc(a.recommended, b.recommended) || a.code.localeCompare(b.code));
  const rest = d.public ? [] : sorted.slice(limit);
  const types: StoryInterventionIn[] = sorted.slice(0, limit);
  const sum = (k: 'recommended' | 'delivered' | 'pending') => rest.reduce((a, r) => a + (r[k] ?? 0), 0);
  if (rest.length) types.push({ scope: 'regency', code: OTHERS, cls: '', recommended: sum('recommended'), delivered: sum('delivered'), pending: sum('pending') });
  const line = (code: string, label: string, cls: CauseClass | '', r: Pick<StoryInterventionIn, 'recommended' | 'delivered' | 'pending'> | undefined): InterventionLine => {
    const rec = r?.recommended ?? absent(d);
    const del = r?.delivered ?? absent(d);
    return { code, label, cls, recommended: rec, delivered: del, pending: r?.pending ?? absent(d), coverage: protectedShare(del, rec) };
  };
  const lines = types.map((r) => line(r.code, r.code === OTHERS ? othersLabel(lang) : (INTERVENTION_BY_CODE.get(r.code)?.label[lang] ?? r.code), r.cls, r));
  const scopeTotal = (s: Scope) => rows.find((r) => r.scope === s && r.code === '');
  const total = line('', lang === 'id' ? 'Jumlah' : 'Total', '', scopeTotal('regency'));
  const coverage = Object.fromEntries(SCOPES.map((s) => {
    const t = scopeTotal(s);
    return [s, t ? protectedShare(t.delivered, t.recommended) : null];
  })) as Record<Scope, number | null>;
  return { lines, total, coverage };
}

/** Every count the story shows (for the property tests). */
export function shownCounts(screens: { cases?: CasesScreen; causes?: CausesScreen; interventions?: InterventionsScreen }): Cell[] {
  const out: Cell[] = [];
  if (screens.cases) out.push(...Object.values(screens.cases.total), screens.cases.concluded, ...screens.cases.lines.map((l) => l.n));
  if (screens.causes) out.push(...Object.values(screens.causes.total), ...screens.causes.lines.map((l) => l.n));
  if (screens.interventions)
    for (const l of [...screens.interventions.lines, screens.interventions.total]) out.push(l.recommended, l.delivered, l.pending);
  return out;
}
