/**
 * The view's tables as CSV (shared formula-safe writer src/lib/export/csv.ts); numbers unformatted.
 * They write the protected structures of disclosure.ts, so a hidden count reads "<5" and a withheld
 * share is an empty cell, exactly as on screen.
 */
import type { Lang } from '$lib/domain/label.ts';
import type { Scope } from '$lib/queries/causes/index.ts';
import { toCsv, type CsvColumn } from '$lib/export/csv.ts';
import { csvCount, csvShare, type Disclosure } from '$lib/privacy/index.ts';
import type { CauseT } from './messages.ts';
import type { ShownLine, ShownMatrix, ShownNotable, ShownPanel, ShownRank, ShownSection, ShownSide } from './disclosure.ts';
import { causeLabel, nameOf, stageLabel } from './present.ts';

const round = (v: number | null, d = 1) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);
const levelName = (level: 'province' | 'regency', t: CauseT) => (level === 'province' ? t('province') : t('regency'));

export function rankingCsv(rows: readonly ShownRank[], level: 'province' | 'regency', t: CauseT, lang: Lang, d: Disclosure): string {
  const top = (i: number): CsvColumn<ShownRank>[] => [
    { header: `${t('cause')} ${i + 1}`, value: (r) => (r.top[i] ? causeLabel(r.top[i].cause, lang) : null) },
    { header: `${t('cause')} ${i + 1} (%)`, value: (r) => (r.top[i] ? csvShare(r.top[i].share) : null) }
  ];
  const cols: CsvColumn<ShownRank>[] = [
    { header: 'kode', value: (r) => r.code },
    { header: levelName(level, t), value: (r) => r.name },
    { header: t('cases'), value: (r) => csvCount(r.cases, d) },
    { header: t('concluded'), value: (r) => csvCount(r.concluded, d) },
    ...top(0), ...top(1), ...top(2),
    { header: `${t('coverage')} (%)`, value: (r) => round(r.coverage) },
    { header: t('furthest'), value: (r) => stageLabel(r.furthest, lang) },
    { header: `${t('evaluated')} (%)`, value: (r) => round(r.evalShare) }
  ];
  return toCsv(rows, cols);
}

/** A matrix cell (a cause the region never had: 0, hidden in public mode). */
const cell = (l: ShownLine, cause: string, d: Disclosure) => l.cells.get(cause) ?? { n: d.public ? null : 0, share: d.public ? null : 0 };

export function matrixCsv(m: ShownMatrix, level: 'province' | 'regency', t: CauseT, d: Disclosure): string {
  const cols: CsvColumn<ShownLine>[] = [
    { header: 'kode', value: (l) => l.code },
    { header: levelName(level, t), value: (l) => l.name },
    { header: t('total'), value: (l) => csvCount(l.total, d) },
    ...m.causes.flatMap((c): CsvColumn<ShownLine>[] => [
      { header: `${c.label} (n)`, value: (l) => csvCount(cell(l, c.code, d).n, d) },
      { header: `${c.label} (%)`, value: (l) => csvShare(cell(l, c.code, d).share) }
    ])
  ];
  return toCsv(m.lines, cols);
}

export function notableCsv(rows: readonly ShownNotable[], level: 'province' | 'regency', t: CauseT, lang: Lang): string {
  const cols: CsvColumn<ShownNotable>[] = [
    { header: 'kode', value: (r) => r.code },
    { header: levelName(level, t), value: (r) => nameOf(r.code) },
    { header: t('cause'), value: (r) => causeLabel(r.cause, lang) },
    { header: 'n', value: (r) => r.observed },
    { header: t('total'), value: (r) => r.total },
    { header: `${t('share')} (%)`, value: (r) => round(r.share) },
    { header: 'ref (%)', value: (r) => round(r.parent_share) },
    { header: 'expected', value: (r) => round(r.expected, 2) },
    { header: 'z', value: (r) => round(r.z, 2) }
  ];
  return toCsv(rows, cols);
}

type ProfileRow = { section: string; item: ShownSection['items'][number] };
export function profileCsv(sections: readonly ShownSection[], place: string, t: CauseT, d: Disclosure): string {
  const rows: ProfileRow[] = sections.flatMap((s) => s.items.map((item) => ({ section: s.label, item })));
  return toCsv(rows, [
    { header: t('region'), value: () => place },
    { header: 'kelompok', value: (r) => r.section },
    { header: t('cause'), value: (r) => r.item.label },
    { header: 'n', value: (r) => csvCount(r.item.n, d) },
    { header: t('total'), value: (r) => csvCount(r.item.total, d) },
    { header: `${t('share')} (%)`, value: (r) => csvShare(r.item.share) }
  ]);
}

type TrendRow = { panel: ShownPanel; key: string };
export function trendCsv(trend: { periods: string[]; panels: ShownPanel[] }, scopes: readonly Scope[], names: Record<Scope, string>, t: CauseT, d: Disclosure): string {
  const rows: TrendRow[] = trend.panels.flatMap((panel) => trend.periods.map((key) => ({ panel, key })));
  const point = (r: TrendRow, i: number) => r.panel.series[i]?.points.find((p) => p.key === r.key);
  return toCsv(rows, [
    { header: t('cause'), value: (r) => r.panel.label },
    { header: t('semester'), value: (r) => r.key },
    ...scopes.flatMap((s, i): CsvColumn<TrendRow>[] => [
      { header: `${names[s]} (n)`, value: (r) => { const p = point(r, i); return p ? csvCount(p.n, d) : null; } },
      { header: `${names[s]} ${t('total')}`, value: (r) => { const p = point(r, i); return p ? csvCount(p.total, d) : null; } },
      { header: `${names[s]} (%)`, value: (r) => { const p = point(r, i); return p ? csvShare(p.share) : null; } }
    ])
  ]);
}

export function sideCsv(side: ShownSide, t: CauseT, d: Disclosure): string {
  // one row per cause, then the columns' concluded cases
  type Row = { label: string; cells: ({ n: number | null; share: number | null } | null)[]; totals?: boolean };
  const rows: Row[] = [...side.rows, { label: t('total'), cells: side.columns.map((c) => ({ n: c.total, share: null })), totals: true }];
  return toCsv(rows, [
    { header: t('cause'), value: (r) => r.label },
    ...side.columns.flatMap((c, i): CsvColumn<Row>[] => [
      { header: `${c.name} (n)`, value: (r) => (r.cells[i] ? csvCount(r.cells[i]!.n, d) : null) },
      { header: `${c.name} (%)`, value: (r) => (r.cells[i] && !r.totals ? csvShare(r.cells[i]!.share) : null) }
    ])
  ]);
}
