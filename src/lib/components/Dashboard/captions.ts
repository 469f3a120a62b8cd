/**
 * What the dashboard says about where the user is: the breadcrumbs (Indonesia › province › regency),
 * the file name and subtitle of the map's image exports, and the caption under a chart's image export
 * (README "Exports"). Pure functions of the URL state, the language and the manifest.
 */
import { PROVINCE_BY_CODE, REGENCY_BY_CODE, TARGET_GROUP_BY_CODE, periodKey, periodLabel, type Lang } from '$lib/domain/index.ts';
import type { PublishedManifest } from '$lib/db/DuckDBEngine.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import type { DashboardState } from '$lib/state/urlState.ts';
import { formatDate } from '$lib/i18n/format.ts';

export interface Crumb {
  label: string;
  href: string | null;
}

type Href = (patch: Partial<DashboardState>) => string;
type T = (key: 'indonesia' | 'allPeriods' | 'allGroups' | 'dataDate') => string;

export function crumbsOf(s: DashboardState, t: T, href: Href): Crumb[] {
  const out: Crumb[] = [{ label: t('indonesia'), href: s.province ? href({ province: null }) : null }];
  if (s.province) out.push({ label: PROVINCE_BY_CODE.get(s.province)!.name, href: s.regency ? href({ regency: null }) : null });
  if (s.regency) out.push({ label: REGENCY_BY_CODE.get(s.regency)!.name, href: null });
  return out;
}

/** File name of the map's image exports: indicator, place, semester, group. */
export function exportNameOf(s: DashboardState): string {
  return ['peta', s.indicator, s.regency ?? s.province ?? 'indonesia', s.period ? periodKey(s.period) : '', s.group ?? ''].filter(Boolean).join('_');
}

/** Place, semester, group, data date and mode, on one line. */
export function exportSubtitleOf(s: DashboardState, crumbs: readonly Crumb[], lang: Lang, t: T, manifest: PublishedManifest | null, d: Disclosure): string {
  const parts = [crumbs.map((c) => c.label).join(' › ')];
  parts.push(s.period ? periodLabel(s.period)[lang] : t('allPeriods'));
  parts.push(s.group ? (TARGET_GROUP_BY_CODE.get(s.group)?.label[lang] ?? s.group) : t('allGroups'));
  if (manifest) parts.push(`${t('dataDate')} ${formatDate(manifest.dataDate, lang)}`);
  if (d.public) parts.push(`${lang === 'id' ? 'Mode publik' : 'Public mode'} (<${d.threshold})`);
  return parts.join(' · ');
}

/** The caption under a chart's image export: its title, extra lines, the subtitle, the source. */
export function exportCaptionOf(title: string, extra: readonly string[], subtitle: string, lang: Lang, manifest: PublishedManifest | null): string[] {
  const source = manifest?.name ? ` (${manifest.name})` : '';
  return [title, ...extra, subtitle, `${lang === 'id' ? 'Sumber' : 'Source'}: Peta AKS${source}`];
}
