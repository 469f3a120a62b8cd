/** Number, percent and date formatting with Intl: 'id-ID' (12.345 · 23,4%) and 'en-GB' (12,345 · 23.4%). */
import type { Label, Lang } from '$lib/domain/label.ts';

export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], opts)));
  return f;
}

/** Whole or decimal number: 12.345 (id) / 12,345 (en). */
export function formatNumber(v: number, lang: Lang, digits = 0): string {
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A percentage given in percent units (23.4 → "23,4%" in id, "23.4%" in en). */
export function formatPercent(pct: number, lang: Lang, digits = 1): string {
  return nf(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(pct / 100);
}

/** An ISO date (YYYY-MM-DD or a date-time) as "31 Desember 2025" / "31 December 2025". */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A domain Label in the interface language. */
export const label = (l: Label, lang: Lang): string => l[lang];
