/**
 * Number parsing tolerant of Indonesian spreadsheets: decimal commas (`-2,31`), thousands dots
 * (`2.450` grams), spaces, the Unicode minus sign. Pure.
 */
export type NumberParse = { ok: true; value: number } | { ok: false };

const FAIL: NumberParse = { ok: false };

/**
 * `grouped`: the field is a whole quantity that is often written with thousands separators (birth
 * weight in grams), so `2.450` and `2,450` mean 2450. Otherwise a single `.` or `,` is the decimal mark.
 */
export function parseNumber(v: unknown, opts: { grouped?: boolean } = {}): NumberParse {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : FAIL;
  if (typeof v !== 'string') return FAIL;
  let s = v.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[\u2212\u2013]/g, '-');
  if (s === '') return FAIL;
  if (/^[+-]?\d{1,3}([.,]\d{3})+$/.test(s) && opts.grouped) {
    s = s.replace(/[.,]/g, '');
  } else if (s.includes('.') && s.includes(',')) {
    // Both marks: the last one is the decimal mark ("1.234,5" or "1,234.5").
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${thou}\\d{3})*\\${dec}\\d+$`).test(s)) return FAIL;
    s = s.split(thou).join('').replace(',', '.');
  } else if (/^[+-]?\d*,\d+$/.test(s)) {
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return FAIL;
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : FAIL;
}

/** A whole number (`24`, `24.0`, `"24"`); `24.5` is not. */
export function parseInteger(v: unknown, opts: { grouped?: boolean } = {}): NumberParse {
  const r = parseNumber(v, opts);
  return r.ok && Number.isInteger(r.value) ? r : FAIL;
}
