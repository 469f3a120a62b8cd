/**
 * Per-value validation shared by the three sheet validators: a row reader that reports each rejected
 * value once and applies the rule "a rejected REQUIRED value drops the row; a rejected OPTIONAL value
 * only nulls that cell". Parsers return either a value or a reason. Pure.
 */
import type { ReasonCode } from './reasons.ts';
import type { Cell, Issue } from './types.ts';
import type { Lookup } from './codes.ts';
import type { Regency } from '../domain/regions.ts';
import { cellText, isBlank } from './text.ts';
import { maskIdentity } from './mask.ts';
import { parseInteger, parseNumber } from './numbers.ts';
import { parseDate, type DateOrder } from './dates.ts';
import { describeCandidates, matchRegion } from './regionMatch.ts';
import { parseFlag, parseSemester } from './codes.ts';
import { FIELDS, type HeaderMap } from './headers.ts';
import type { SheetKind } from './types.ts';
import type { Parsed, Parser, SheetPeriod } from './types.ts';

export type { Parsed, Parser };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: ReasonCode, params?: Record<string, string>): Parsed<T> => (params ? { ok: false, code, params } : { ok: false, code });

export const pText: Parser<string> = (v) => ok(cellText(v));
export const pRegion: Parser<Regency> = (v) => {
  const m = matchRegion(v);
  if (m.ok) return ok(m.regency);
  return m.reason === 'ambiguous_region' ? bad('ambiguous_region', { candidates: describeCandidates(m.candidates) }) : bad('unknown_region');
};
export const pYear: Parser<number> = (v) => {
  const r = parseInteger(v);
  return r.ok && r.value >= 2020 && r.value <= 2100 ? ok(r.value) : bad('invalid_year');
};
export const pSemester: Parser<1 | 2> = (v) => {
  const s = parseSemester(v);
  return s ? ok(s) : bad('invalid_semester');
};
/**
 * A date in the column's order (dates.ts dateColumnOrder). `past`: a date of something that happened
 * (review, delivery, realisation), so one after `today` is rejected; deadlines and plans may be later.
 */
export function pDateIn(order: DateOrder, past: boolean, today: string): Parser<string> {
  return (v) => {
    const r = parseDate(v, order);
    if (!r.ok) return bad('invalid_date');
    if (past && r.value > today) return bad('future_date', { today });
    return ok(r.value);
  };
}
/** Dates that may lie after the import date: deadlines and planned dates. */
const FUTURE_OK = new Set(['due_date', 'planned_date']);
export const pFlag: Parser<boolean> = (v) => {
  const r = parseFlag(v);
  return r === null ? bad('unknown_flag') : ok(r);
};
export function pLookup(lookup: Lookup, code: ReasonCode): Parser<string> {
  return (v) => {
    const r = lookup(v);
    return r ? ok(r) : bad(code);
  };
}
/** A number within [min, max]; `integer` for whole quantities, `grouped` for thousands separators. */
export function pNumber(limits: readonly [number, number], o: { integer?: boolean; grouped?: boolean; unit?: string } = {}): Parser<number> {
  return (v) => {
    const r = parseNumber(v, { grouped: o.grouped });
    if (!r.ok) return bad('invalid_number');
    if (o.integer && !Number.isInteger(r.value)) return bad('not_integer');
    if (r.value < limits[0] || r.value > limits[1]) {
      return bad('out_of_range', { min: String(limits[0]), max: String(limits[1]), ...(o.unit ? { unit: o.unit } : {}) });
    }
    return ok(r.value);
  };
}

export interface SheetRef {
  file: string;
  sheet?: string;
  kind: SheetKind;
  map: HeaderMap;
  /** Where rows without Tahun/Semester cells take their period from (rowPeriod.ts). */
  period?: SheetPeriod;
  /** Per date column: its numeric order (default day-first); the import date for future dates. */
  dateOrders?: Record<string, DateOrder>;
  today?: string;
  /** The child's age column is in years ("Usia anak (tahun)"): converted to months. */
  childAgeInYears?: boolean;
}

/** Reads one data row; collects its issues; `dropped` once a required value failed. */
export class RowReader {
  dropped = false;
  constructor(
    readonly sheet: SheetRef,
    readonly row: number,
    private readonly cells: Cell[],
    private readonly issues: Issue[]
  ) {}

  /** The parser of a date column: the sheet's order for it, future dates rejected unless a plan/deadline. */
  dateParser(key: string): Parser<string> {
    return pDateIn(this.sheet.dateOrders?.[key] ?? 'dmy', !FUTURE_OK.has(key), this.sheet.today ?? '9999-12-31');
  }
  has(key: string): boolean {
    return this.sheet.map.columns.has(key);
  }
  raw(key: string): Cell {
    const i = this.sheet.map.columns.get(key);
    return i === undefined ? null : (this.cells[i] ?? null);
  }
  /** The header as written in the file, or the template's header when the column is absent. */
  column(key: string): string {
    const i = this.sheet.map.columns.get(key);
    if (i !== undefined) return this.sheet.map.headers[i];
    return FIELDS[this.sheet.kind].find((f) => f.key === key)?.header ?? key;
  }
  report(key: string, code: ReasonCode, params?: Record<string, string>, value = cellText(this.raw(key))): void {
    const { file, sheet } = this.sheet;
    this.issues.push({ file, ...(sheet ? { sheet } : {}), row: this.row, column: this.column(key), value: maskIdentity(value), code, ...(params ? { params } : {}) });
  }
  /** A required value: blank or invalid drops the row. */
  req<T>(key: string, parse: Parser<T>): T | undefined {
    const v = this.raw(key);
    if (isBlank(v)) {
      this.report(key, 'missing_required');
      this.dropped = true;
      return undefined;
    }
    const r = parse(v);
    if (r.ok) return r.value;
    this.report(key, r.code, r.params);
    this.dropped = true;
    return undefined;
  }
  /** An optional value: blank is null, invalid is reported and null. */
  opt<T>(key: string, parse: Parser<T>): T | null {
    const v = this.raw(key);
    if (isBlank(v)) return null;
    const r = parse(v);
    if (r.ok) return r.value;
    this.report(key, r.code, r.params);
    return null;
  }
  /** Reject an already-parsed optional value for a cross-field reason: reported, returns null. */
  reject(key: string, code: ReasonCode, params?: Record<string, string>): null {
    this.report(key, code, params);
    return null;
  }
  /** Reject a required value for a cross-field reason: the row is dropped. */
  drop(key: string, code: ReasonCode, params?: Record<string, string>): undefined {
    this.report(key, code, params);
    this.dropped = true;
    return undefined;
  }
}
