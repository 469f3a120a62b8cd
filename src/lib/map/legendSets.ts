/**
 * Legend sets the user picks (`kelas=` in the URL): classes from the data (quantile, equal, jenks) or
 * fixed classes that mean something — the WHO/UNICEF stunting prevalence thresholds (with the national
 * 14 % target in the legend) and 0–100 % in 20-point classes for shares, the same on every map so maps
 * of different semesters compare. 'auto' (the default) = WHO for stunting prevalence, quantiles
 * otherwise. Pure.
 */
import { NATIONAL_STUNTING_TARGET, type Lang } from '$lib/domain/index.ts';
import type { ClassificationMethod } from './classify.ts';

export const LEGEND_CHOICES = ['auto', 'quantile', 'equal', 'jenks', 'who', 'fixed'] as const;
export type LegendChoice = (typeof LEGEND_CHOICES)[number];

/** What a legend set needs to know of an indicator (src/lib/queries/indicators.ts IndicatorDef). */
export interface LegendIndicator {
  code: string;
  unit: 'count' | 'percent';
}

const isPrevalence = (ind: LegendIndicator) => ind.code === 'prevalence';

/** The choices that fit the indicator: WHO classes only for stunting prevalence, fixed 0–100 % only for percentages. */
export function legendChoicesFor(ind: LegendIndicator): LegendChoice[] {
  return LEGEND_CHOICES.filter((c) => (c === 'who' ? isPrevalence(ind) : c === 'fixed' ? ind.unit === 'percent' : true));
}

/** The classification drawn: the choice when it fits the indicator, else (and for 'auto') the default. */
export function resolveLegend(choice: LegendChoice, ind: LegendIndicator): ClassificationMethod {
  if (choice !== 'auto' && legendChoicesFor(ind).includes(choice)) return choice;
  return isPrevalence(ind) ? 'who' : 'quantile';
}

/** The reference line of the legend: the national stunting target on the WHO classes. */
export function legendTarget(method: ClassificationMethod, ind: LegendIndicator, lang: Lang): { value: number; label: string } | null {
  return method === 'who' && isPrevalence(ind) ? { value: NATIONAL_STUNTING_TARGET.pct, label: NATIONAL_STUNTING_TARGET.label[lang] } : null;
}
