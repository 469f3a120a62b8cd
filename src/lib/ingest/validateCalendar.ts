/**
 * Rules for the "kalender" sheet: one row per kabupaten/kota, semester and stage with the planned and
 * actual completion dates. A stage given twice for the same regency and semester keeps the first row. Pure.
 */
import { STAGE_BY_CODE, type StageCode } from '../domain/stages.ts';
import { lookupStage } from './codes.ts';
import { readPeriod } from './rowPeriod.ts';
import type { CalendarRow, Cell, Issue } from './types.ts';
import { RowReader, pLookup, pRegion, pSemester, pYear, type SheetRef } from './validateValues.ts';

/** Validates one kalender row; `seen` maps regency|year|semester|stage to the first row number. */
export function validateCalendarRow(
  sheet: SheetRef, line: number, cells: Cell[], issues: Issue[], out: CalendarRow[], seen: Map<string, number>
): boolean {
  const r = new RowReader(sheet, line, cells, issues);
  const regency = r.req('region', pRegion);
  const { year, semester } = sheet.period ? readPeriod(r, sheet.period) : { year: r.req('year', pYear), semester: r.req('semester', pSemester) };
  const stage = r.req('stage', pLookup(lookupStage, 'unknown_stage')) as StageCode | undefined;
  const planned = r.opt('planned_date', r.dateParser('planned_date'));
  const actual = r.opt('actual_date', r.dateParser('actual_date'));
  if (r.dropped || !regency || !year || !semester || !stage) return false;
  const key = `${regency.code}|${year}|${semester}|${stage}`;
  const first = seen.get(key);
  if (first !== undefined) {
    r.drop('stage', 'duplicate_stage', { first: String(first) });
    return false;
  }
  seen.set(key, line);
  out.push({
    province_code: regency.provinceCode,
    regency_code: regency.code,
    year,
    semester,
    stage_code: stage,
    stage_order: STAGE_BY_CODE.get(stage)!.order,
    planned_date: planned,
    actual_date: actual
  });
  return true;
}
