/**
 * The story's tables as CSV: the same protected values the screens show (disclosure.ts), so an export
 * never holds more than the screen. Pure.
 */
import { CAUSE_CLASSES, type Lang } from '$lib/domain/index.ts';
import { toCsv } from '$lib/export/csv.ts';
import { csvCount, csvShare, type Disclosure } from '$lib/privacy/index.ts';
import type { StoryT } from './messages.ts';
import { SCOPES, type CasesScreen, type CausesScreen, type InterventionsScreen } from './disclosure.ts';

export interface ScopeNames {
  regency: string;
  province: string;
  nation: string;
}

export function casesCsv(screen: CasesScreen, names: ScopeNames, d: Disclosure, t: StoryT): string {
  return toCsv(screen.lines, [
    { header: t('group'), value: (l) => l.label },
    { header: `${t('cases')} ${names.regency}`, value: (l) => csvCount(l.n, d) },
    ...SCOPES.map((s) => ({ header: `${t('shareOfCases')} ${names[s]}`, value: (l: CasesScreen['lines'][number]) => csvShare(l.share[s]) }))
  ]);
}

export function causesCsv(screen: CausesScreen, names: ScopeNames, d: Disclosure, t: StoryT, lang: Lang): string {
  const cls = (c: string) => CAUSE_CLASSES.find((k) => k.code === c)?.label[lang] ?? '';
  return toCsv(screen.lines, [
    { header: t('cause'), value: (l) => l.label },
    { header: t('cls'), value: (l) => cls(l.cls) },
    { header: `${t('cases')} ${names.regency}`, value: (l) => csvCount(l.n, d) },
    ...SCOPES.map((s) => ({ header: `% ${names[s]}`, value: (l: CausesScreen['lines'][number]) => csvShare(l.share[s]) }))
  ]);
}

export function interventionsCsv(screen: InterventionsScreen, d: Disclosure, t: StoryT): string {
  return toCsv([...screen.lines, screen.total], [
    { header: t('intervention'), value: (l) => l.label },
    { header: t('recommended'), value: (l) => csvCount(l.recommended, d) },
    { header: t('delivered'), value: (l) => csvCount(l.delivered, d) },
    { header: t('pending'), value: (l) => csvCount(l.pending, d) },
    { header: `${t('coverage')} %`, value: (l) => csvShare(l.coverage) }
  ]);
}
