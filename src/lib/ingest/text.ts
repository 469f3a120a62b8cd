/** Text normalisation shared by the header, code and region matchers. Pure, no Node APIs. */

/** Lower-case, strip diacritics, turn every run of non-alphanumerics into one space, trim. */
export function normWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Case/spacing/punctuation-insensitive key: "TB/U (z)" -> "tbuz", "Kab/Kota" -> "kabkota". */
export function normKey(s: string): string {
  return normWords(s).replace(/ /g, '');
}

/** How a raw cell is shown back to the user in reports (dates as ISO, numbers as written by JS). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

export function isBlank(v: unknown): boolean {
  return cellText(v) === '';
}
