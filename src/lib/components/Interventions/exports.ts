/**
 * The interventions view's CSV files (shared formula-safe writer src/lib/export/csv.ts; numbers
 * unformatted). They write the protected structures of disclosure.ts, so a hidden count reads "<k" and
 * a withheld share is an empty cell, exactly as on screen.
 */
import type { Disclosure } from '$lib/privacy/policy.ts';
import { csvCount, csvShare } from '$lib/privacy/format.ts';
import { toCsv, type CsvColumn } from '$lib/export/csv.ts';
import type { InterventionT } from './messages.ts';
import type { Cls } from './present.ts';
import { shareOf, type CountKey, type PCounts, type PRegion, type PSection, type PTimeliness } from './disclosure.ts';

/** A count in a CSV cell (as on screen: "<k" when hidden). */
const countCsv = (c: PCounts, k: CountKey, d: Disclosure): string | number => csvCount(c[k], d);

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
    { header: t('deliveredN'), value: (r) => csvCount(r.n, d) },
    { header: 'P25', value: (r) => days(r.p25) },
    { header: t('legendMedian'), value: (r) => days(r.p50) },
    { header: 'P75', value: (r) => days(r.p75) },
    { header: 'P90', value: (r) => days(r.p90) },
    { header: t('late'), value: (r) => csvCount(r.late, d) }
  ];
  return toCsv(rows, cols);
}
