/** The view's tables as CSV (shared formula-safe writer src/lib/export/csv.ts); numbers unformatted. */
import type { Lang } from '$lib/domain/label.ts';
import { toCsv, type CsvColumn } from '$lib/export/csv.ts';
import type { NotableRow } from '$lib/queries/causes/index.ts';
import type { CauseT } from './messages.ts';
import { causeLabel, nameOf, stageLabel, type Matrix, type MatrixLine, type RankItem } from './present.ts';

const round = (v: number | null, d = 1) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);
const levelName = (level: 'province' | 'regency', t: CauseT) => (level === 'province' ? t('province') : t('regency'));

export function rankingCsv(rows: readonly RankItem[], level: 'province' | 'regency', t: CauseT, lang: Lang): string {
  const top = (i: number): CsvColumn<RankItem>[] => [
    { header: `${t('cause')} ${i + 1}`, value: (r) => (r.top[i] ? causeLabel(r.top[i].cause, lang) : null) },
    { header: `${t('cause')} ${i + 1} (%)`, value: (r) => (r.top[i] ? round(r.top[i].share) : null) }
  ];
  const cols: CsvColumn<RankItem>[] = [
    { header: 'kode', value: (r) => r.code },
    { header: levelName(level, t), value: (r) => r.name },
    { header: t('cases'), value: (r) => r.cases },
    { header: t('concluded'), value: (r) => r.concluded },
    ...top(0), ...top(1), ...top(2),
    { header: `${t('coverage')} (%)`, value: (r) => round(r.coverage) },
    { header: t('furthest'), value: (r) => stageLabel(r.furthest, lang) },
    { header: `${t('evaluated')} (%)`, value: (r) => round(r.evalShare) }
  ];
  return toCsv(rows, cols);
}

export function matrixCsv(m: Matrix, level: 'province' | 'regency', t: CauseT): string {
  const cols: CsvColumn<MatrixLine>[] = [
    { header: 'kode', value: (l) => l.code },
    { header: levelName(level, t), value: (l) => l.name },
    { header: t('total'), value: (l) => l.total },
    ...m.causes.flatMap((c): CsvColumn<MatrixLine>[] => [
      { header: `${c.label} (n)`, value: (l) => l.cells.get(c.code)?.n ?? 0 },
      { header: `${c.label} (%)`, value: (l) => round(l.cells.get(c.code)?.share ?? 0) }
    ])
  ];
  return toCsv(m.lines, cols);
}

export function notableCsv(rows: readonly NotableRow[], level: 'province' | 'regency', t: CauseT, lang: Lang): string {
  const cols: CsvColumn<NotableRow>[] = [
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
