/** Shown counts and shares in public mode: a hidden count reads "<5", a withheld share "–". */
import { formatNumber, formatPercent } from '$lib/i18n/format.ts';
import type { Lang } from '$lib/domain/label.ts';
import { hiddenLabel, type Disclosure } from './policy.ts';
import type { Cell } from './cells.ts';

export const WITHHELD = '–';

/** A shown count: the number, or "<5" when hidden. */
export function formatCell(v: Cell | undefined, d: Disclosure, lang: Lang): string {
  return v === null || v === undefined ? hiddenLabel(d) : formatNumber(v, lang);
}
export function formatShare(v: number | null | undefined, lang: Lang): string {
  return v === null || v === undefined ? WITHHELD : formatPercent(v, lang);
}
/** CSV cells: the number, "<5", or empty for a withheld share. */
export const csvCount = (v: Cell | undefined, d: Disclosure): string | number => (v === null || v === undefined ? hiddenLabel(d) : v);
export const csvShare = (v: number | null | undefined, digits = 1): string | number =>
  v === null || v === undefined ? '' : Math.round(v * 10 ** digits) / 10 ** digits;
