/**
 * Public-safe mode of the interventions view: from the view's query rows and the disclosure policy to
 * the protected numbers its components render AND its CSV files write (one source: screen and export
 * agree). Pure.
 *
 * Everything the view shows is one system of additive lines (src/lib/privacy/lines.ts), protected together, because the
 * same numbers meet in several places:
 * - each place, section, item and region: recommended = delivered + not delivered, delivered = followed
 *   up + not yet followed up, not delivered = past due + not yet due (the differences are derivable, so
 *   they are protected too, though never shown);
 * - the total cards = specific + sensitive sections = Σ items, by type AND by agency (a viewer can toggle
 *   the breakdown, so both are protected together and the cards never change with it);
 * - the region table sums to the total cards (no regency selected), or one of its rows is the total
 *   (the selected regency);
 * - the timeliness n of an intervention type is its delivered count in the funnel; its late count is a
 *   part of it. Quantiles of a group whose n is hidden are withheld.
 * A hidden count reads "<5" when it is small itself, "×" when it is hidden only so that a small one cannot
 * be recovered from a total (complementary suppression: `masked`); `countText` and the CSV writers do this.
 * With FULL every value equals the query's.
 */
import type { Disclosure } from '$lib/privacy/policy.ts';
import { csvCount, csvShare, formatCell } from '$lib/privacy/format.ts';
import { protectedShare, type Cell, type ProtectedTable } from '$lib/privacy/suppress.ts';
import type { Lang } from '$lib/domain/label.ts';
import { toCsv, type CsvColumn } from '$lib/export/csv.ts';
import type { CoverageRegionRow, FunnelGrouping, FunnelRow, FunnelTotals, TimelinessRow } from '$lib/queries/interventions/index.ts';
import { LineSystem, type LineNode } from '$lib/privacy/lines.ts';
import type { InterventionT } from './messages.ts';
import { AGENCIES, INTERVENTIONS, PROVINCES, regenciesOf } from '$lib/domain/index.ts';
import { CLASSES, funnelSections, withNames, type Cls } from './present.ts';

export const COUNT_KEYS = ['recommended', 'delivered', 'followed_up', 'past_due'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
/** Per count: hidden only by complementary suppression (its value is not small), so it reads "×", not "<5". */
export type MaskedCounts = Readonly<Record<CountKey, boolean>>;
export interface PCounts {
  recommended: Cell;
  delivered: Cell;
  followed_up: Cell;
  past_due: Cell;
  masked: MaskedCounts;
}
const NOT_MASKED: MaskedCounts = Object.freeze({ recommended: false, delivered: false, followed_up: false, past_due: false });
/** Counts before any data (loading). */
export const NO_COUNTS: PCounts = Object.freeze({ recommended: 0, delivered: 0, followed_up: 0, past_due: 0, masked: NOT_MASKED });
export interface PFunnelItem extends PCounts {
  key: string;
  cls: Cls;
  label: string;
  category: string | null;
}
export interface PSection {
  cls: Cls;
  totals: PCounts;
  items: PFunnelItem[];
}
export interface PRegion extends PCounts {
  code: string;
  name: string;
  /** delivered / recommended · 100, withheld (null) when either is hidden */
  coverage: number | null;
}
export interface PTimeliness {
  intervention: string;
  cls: Cls;
  n: Cell;
  /** null: withheld (n hidden) */
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  late: Cell;
  /** hidden only by complementary suppression ("×"); n is never hidden in a listed row */
  masked: { readonly n: boolean; readonly late: boolean };
}
export interface ViewRows {
  byType: readonly FunnelRow[];
  byAgency: readonly FunnelRow[] | null;
  regions: readonly CoverageRegionRow[];
  timeliness: readonly TimelinessRow[] | null;
  /** The selected province (the region table then lists its regencies) and regency (the funnel then
   *  describes that row of the region table). */
  province: string | null;
  regency: string | null;
}
export interface ProtectedView {
  disclosure: Disclosure;
  totals: PCounts;
  sections: Record<FunnelGrouping, PSection[] | null>;
  regions: PRegion[];
  timeliness: PTimeliness[] | null;
  /** Every line of the system as a one-row table (members, total), for the audit. */
  lines: ProtectedTable[];
  /** The solved system itself (for the exact check in the tests). */
  system: LineSystem;
}

/** A share of recommendations, withheld when either count is hidden (and no bar is drawn). */
export const shareOf = (n: Cell, of: Cell): number | null => protectedShare(n, of);

interface Entity {
  rec: LineNode;
  del: LineNode;
  fu: LineNode;
  pd: LineNode;
}
const MEASURES = ['rec', 'del', 'fu', 'pd'] as const;

function entity(s: LineSystem, c: FunnelTotals): Entity {
  const [rec, del, fu, pd] = [s.node(c.recommended), s.node(c.delivered), s.node(c.followed_up), s.node(c.past_due)];
  const open = s.node(c.recommended - c.delivered, false);
  s.line(rec, [del, open]);
  s.line(del, [fu, s.node(c.delivered - c.followed_up, false)]);
  s.line(open, [pd, s.node(c.recommended - c.delivered - c.past_due, false)]);
  return { rec, del, fu, pd };
}
function sumLines(s: LineSystem, total: Entity, parts: readonly Entity[]): void {
  for (const m of MEASURES) s.line(total[m], parts.map((p) => p[m]));
}
const counts = (s: LineSystem, e: Entity, d: Disclosure): PCounts => ({
  recommended: s.cell(e.rec), delivered: s.cell(e.del), followed_up: s.cell(e.fu), past_due: s.cell(e.pd),
  masked: { recommended: s.masked(e.rec, d), delivered: s.masked(e.del, d), followed_up: s.masked(e.fu, d), past_due: s.masked(e.pd, d) }
});

/** A count as shown on screen: the number, "<5" when small, "×" when hidden only to protect a small one. */
export const countText = (c: PCounts, k: CountKey, d: Disclosure, lang: Lang): string => formatCell(c[k], d, lang, c.masked[k]);
/** The same count in a CSV cell. */
const countCsv = (c: PCounts, k: CountKey, d: Disclosure): string | number => csvCount(c[k], d, c.masked[k]);

/**
 * In public mode absent rows (no recommendation) are added as zeros, which are hidden like any small
 * count: otherwise a missing row would say "none" where a row showing "<5" says "a few".
 */
export function padRows(rows: ViewRows): ViewRows {
  const zero = { recommended: 0, delivered: 0, followed_up: 0, past_due: 0 };
  const pad = (have: readonly FunnelRow[], want: { key: string; cls: Cls }[]): FunnelRow[] => {
    const seen = new Set(have.map((r) => `${r.key}|${r.cls}`));
    return [...have, ...want.filter((w) => !seen.has(`${w.key}|${w.cls}`)).map((w) => ({ ...w, ...zero }))];
  };
  const level = rows.province === null ? PROVINCES.map((p) => p.code) : regenciesOf(rows.province).map((r) => r.code);
  const have = new Set(rows.regions.map((r) => r.code));
  return {
    ...rows,
    byType: pad(rows.byType, INTERVENTIONS.map((i) => ({ key: i.code, cls: i.class as Cls }))),
    byAgency: rows.byAgency && pad(rows.byAgency, AGENCIES.flatMap((a) => CLASSES.map((cls) => ({ key: a.code, cls })))),
    regions: [...rows.regions, ...level.filter((c) => !have.has(c)).map((code) => ({ code, ...zero, coverage: 0, open: 0 }))].sort((a, b) =>
      a.code.localeCompare(b.code)
    )
  };
}

export function protectView(input: ViewRows, d: Disclosure, lang: Lang): ProtectedView {
  const rows = d.public ? padRows(input) : input;
  const s = new LineSystem();
  const raw = { type: funnelSections(rows.byType, 'type', lang), agency: rows.byAgency ? funnelSections(rows.byAgency, 'agency', lang) : null };
  const sum = (k: keyof FunnelTotals) => raw.type.reduce((a, x) => a + x.totals[k], 0);
  const total = entity(s, { recommended: sum('recommended'), delivered: sum('delivered'), followed_up: sum('followed_up'), past_due: sum('past_due') });
  const sectionNodes = raw.type.map((x) => entity(s, x.totals));
  sumLines(s, total, sectionNodes);
  const itemNodes = { type: [] as Entity[][], agency: [] as Entity[][] };
  for (const by of ['type', 'agency'] as const) {
    raw[by]?.forEach((sec, i) => {
      const items = sec.items.map((it) => entity(s, it));
      sumLines(s, sectionNodes[i], items);
      itemNodes[by][i] = items;
    });
  }
  // the region table: its rows add up to the total cards, or one of them is the total
  const inTotal = rows.regency !== null && rows.regions.some((r) => r.code === rows.regency);
  const regionNodes = rows.regions.map((r) => (inTotal && r.code === rows.regency ? total : entity(s, r)));
  if (!inTotal && rows.regency === null) sumLines(s, total, regionNodes);
  // timeliness: n is the delivered count of the type's funnel item; late is part of it
  const typeDelivered = new Map<string, LineNode>();
  raw.type.forEach((sec, i) => sec.items.forEach((it, j) => it.delivered && typeDelivered.set(`${it.key}|${it.cls}`, itemNodes.type[i][j].del)));
  const timeNodes = (rows.timeliness ?? []).map((r) => {
    const item = typeDelivered.get(`${r.intervention}|${r.cls}`);
    const n = item && item.value === r.n ? item : s.node(r.n);
    const late = s.node(r.late);
    s.line(n, [late, s.node(r.n - r.late, false)]);
    return { n, late };
  });

  s.solve(d);

  const sections = { type: null, agency: null } as Record<FunnelGrouping, PSection[] | null>;
  for (const by of ['type', 'agency'] as const) {
    sections[by] =
      raw[by]?.map((sec, i) => ({
        cls: sec.cls,
        totals: counts(s, sectionNodes[i], d),
        items: sec.items.map((it, j) => ({ key: it.key, cls: it.cls, label: it.label, category: it.category, ...counts(s, itemNodes[by][i][j], d) }))
      })) ?? null;
  }
  const regions = withNames(rows.regions).map((r, i): PRegion => {
    const c = counts(s, regionNodes[i], d);
    return { code: r.code, name: r.name, ...c, coverage: c.recommended === null || c.delivered === null ? null : r.coverage };
  });
  // a type whose n is hidden is left out (as one without deliveries is): its quantiles are withheld
  const timeliness =
    rows.timeliness
      ?.map((r, i): PTimeliness => {
        const { n: nn, late } = timeNodes[i];
        const n = s.cell(nn);
        const q = (v: number) => (n === null ? null : v);
        return {
          intervention: r.intervention, cls: r.cls, n, p25: q(r.p25), p50: q(r.p50), p75: q(r.p75), p90: q(r.p90), late: s.cell(late),
          masked: { n: s.masked(nn, d), late: s.masked(late, d) }
        };
      })
      .filter((r) => r.n !== null) ?? null;
  const lines = s.lines.map((l): ProtectedTable => ({ cells: [l.members.map((m) => s.cell(m))], total: s.cell(l.total) }));
  return { disclosure: d, totals: counts(s, total, d), sections, regions, timeliness, lines, system: s };
}

/** Every table the view shows (and each line it is built from), protected, for auditTable. */
export function tablesForAudit(v: ProtectedView): ProtectedTable[] {
  const row = (c: PCounts): Cell[] => [c.recommended, c.delivered, c.followed_up, c.past_due];
  const tables: ProtectedTable[] = [{ cells: [row(v.totals)] }];
  for (const secs of [v.sections.type, v.sections.agency]) {
    if (!secs) continue;
    tables.push({ cells: secs.map((x) => row(x.totals)), colTotals: row(v.totals) });
    for (const x of secs) if (x.items.length) tables.push({ cells: x.items.map(row), colTotals: row(x.totals) });
  }
  if (v.regions.length) tables.push({ cells: v.regions.map(row) });
  if (v.timeliness?.length) tables.push({ cells: v.timeliness.map((r) => [r.n, r.late]) });
  return [...tables, ...v.lines];
}

// ---- CSV (the same protected values as the screen) ----

/** The region comparison table (rows in the order shown). */
export function regionCsv(rows: readonly PRegion[], levelLabel: string, d: Disclosure, t: InterventionT): string {
  const cols: CsvColumn<PRegion>[] = [
    { header: 'kode', value: (r) => r.code },
    { header: levelLabel, value: (r) => r.name },
    { header: t('recommended'), value: (r) => countCsv(r, 'recommended', d) },
    { header: t('delivered'), value: (r) => countCsv(r, 'delivered', d) },
    { header: t('followedUp'), value: (r) => countCsv(r, 'followed_up', d) },
    { header: `${t('coverage')} (%)`, value: (r) => csvShare(r.coverage) },
    { header: t('pastDue'), value: (r) => countCsv(r, 'past_due', d) }
  ];
  return toCsv(rows, cols);
}

type FunnelCsvRow = PCounts & { cls: string; key: string; label: string };
/** The funnel table with its section totals and the overall total. */
export function funnelCsv(sections: readonly PSection[], totals: PCounts, d: Disclosure, t: InterventionT): string {
  const clsLabel = (c: Cls) => (c === 'spesifik' ? t('specific') : t('sensitive'));
  const rows: FunnelCsvRow[] = [];
  for (const sec of sections) {
    for (const it of sec.items) rows.push({ ...it, cls: clsLabel(sec.cls) });
    rows.push({ ...sec.totals, cls: clsLabel(sec.cls), key: '', label: t('total') });
  }
  rows.push({ ...totals, cls: '', key: '', label: t('total') });
  const cols: CsvColumn<FunnelCsvRow>[] = [
    { header: 'kelas', value: (r) => r.cls },
    { header: 'kode', value: (r) => r.key },
    { header: 'nama', value: (r) => r.label },
    { header: t('recommended'), value: (r) => countCsv(r, 'recommended', d) },
    { header: t('delivered'), value: (r) => countCsv(r, 'delivered', d) },
    { header: `${t('delivered')} (%)`, value: (r) => csvShare(shareOf(r.delivered, r.recommended)) },
    { header: t('followedUp'), value: (r) => countCsv(r, 'followed_up', d) },
    { header: `${t('followedUp')} (%)`, value: (r) => csvShare(shareOf(r.followed_up, r.recommended)) },
    { header: t('pastDue'), value: (r) => countCsv(r, 'past_due', d) }
  ];
  return toCsv(rows, cols);
}

/** The timeliness chart's numbers (days; withheld quantiles empty). */
export function timelinessCsv(rows: readonly PTimeliness[], labelOf: (code: string) => string, d: Disclosure, t: InterventionT): string {
  const days = (v: number | null) => (v === null ? '' : v);
  const cols: CsvColumn<PTimeliness>[] = [
    { header: 'kode', value: (r) => r.intervention },
    { header: t('intervention'), value: (r) => labelOf(r.intervention) },
    { header: 'kelas', value: (r) => r.cls },
    { header: t('deliveredN'), value: (r) => csvCount(r.n, d, r.masked.n) },
    { header: 'P25', value: (r) => days(r.p25) },
    { header: t('legendMedian'), value: (r) => days(r.p50) },
    { header: 'P75', value: (r) => days(r.p75) },
    { header: 'P90', value: (r) => days(r.p90) },
    { header: t('late'), value: (r) => csvCount(r.late, d, r.masked.late) }
  ];
  return toCsv(rows, cols);
}


