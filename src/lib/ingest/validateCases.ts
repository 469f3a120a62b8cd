/**
 * Rules for the "kasus" sheet: one row per audited case. Measurements are checked against the
 * plausibility limits of src/lib/domain/risk.ts and must belong to the target group (a child's z-score
 * on a bumil row is rejected); causes must apply to the group (causeAppliesTo). Risk flags are derived
 * from the measurements; household flags come from the sheet. The worksheet's case id is replaced by
 * a pseudonym (sha256.ts). Pure.
 */
import { randomRecordKey } from '../privacy/recordKey.ts';
import { TARGET_GROUP_BY_CODE, type TargetGroupCode } from '../domain/targetGroups.ts';
import { CAUSE_BY_CODE, causeAppliesTo } from '../domain/causes.ts';
import { semesterStart } from '../domain/periods.ts';
import {
  BIRTH_WEIGHT_LIMITS, HAZ_LIMITS, HAZ_SEVERE, HB_LIMITS, LBW_GRAMS, LILA_LIMITS, MOTHER_AGE_LIMITS, WHZ_LIMITS,
  isAnaemic, isKek, isStunted, isTooOld, isTooYoung
} from '../domain/risk.ts';
import { lookupSex, lookupSource } from './codes.ts';
import { readPeriod } from './rowPeriod.ts';
import { matchVocabulary, pVocab, splitCauses } from './vocabulary.ts';
import { pseudonymCaseId } from './sha256.ts';
import { pChildAgeMonths } from './columnChecks.ts';
import { isNikLike } from './mask.ts';
import { isBlank } from './text.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { CaseCauseRow, CaseRow, Cell, Issue } from './types.ts';
import { RowReader, pFlag, pLookup, pNumber, pRegion, pSemester, pText, pYear, type Parser, type SheetRef } from './validateValues.ts';

export { CaseIndex, newCaseIndex, refKey, type CaseEntry, type CaseKey } from './caseIndex.ts';


const MOTHER_ONLY = new Set<TargetGroupCode>(['catin', 'bumil', 'nifas']);
const BIRTH_WEIGHT_GROUPS = new Set<TargetGroupCode>(['nifas', 'baduta', 'balita']);
const FLAG_KEYS = ['too_close', 'too_many', 'unsafe_water', 'poor_sanitation', 'poor_household', 'smoker_in_house'] as const;

/** Validates one kasus row; pushes the case and its causes into `out`; returns whether it loaded. */
export function validateCaseRow(
  sheet: SheetRef, line: number, cells: Cell[], issues: Issue[], index: CaseIndex, out: { cases: CaseRow[]; caseCauses: CaseCauseRow[] }, salt = ''
): boolean {
  const r = new RowReader(sheet, line, cells, issues);
  let ref = r.req('case_ref', pText);
  if (ref && isNikLike(ref)) ref = r.drop('case_ref', 'nik_like_id'); // its hash could be reversed: never an id
  const regency = r.req('region', pRegion);
  const { year, semester } = sheet.period ? readPeriod(r, sheet.period) : { year: r.req('year', pYear), semester: r.req('semester', pSemester) };
  const group = r.req('target_group', pVocab('target_group', 'unknown_target_group')) as TargetGroupCode | undefined;
  const source = r.opt('source', pLookup(lookupSource, 'unknown_source')) ?? 'lainnya';

  let review = r.opt('review_date', r.dateParser('review_date'));
  if (review && year && semester && review < semesterStart({ year, semester }).toISOString().slice(0, 10)) {
    review = r.reject('review_date', 'review_before_semester');
  }

  // Measurements: plausible, and only for the subject they describe.
  const g = group ? TARGET_GROUP_BY_CODE.get(group)! : undefined;
  const only = <T>(key: string, applies: boolean, value: T | null): T | null => {
    if (value === null || !g || applies) return value;
    return r.reject(key, 'not_applicable', { group: g.code });
  };
  const isChild = g?.subject === 'child';
  const isMother = g !== undefined && MOTHER_ONLY.has(g.code);
  const motherAge = only('mother_age_years', isMother, r.opt('mother_age_years', pNumber(MOTHER_AGE_LIMITS, { integer: true, unit: 'tahun/years' })));
  const trimester = only('trimester', g?.code === 'bumil', r.opt('trimester', pNumber([1, 3], { integer: true })));
  let childAge = only('child_age_months', isChild, r.opt('child_age_months', pChildAgeMonths(!!sheet.childAgeInYears)));
  if (childAge !== null && g?.ageMonths && (childAge < g.ageMonths[0] || childAge > g.ageMonths[1])) {
    childAge = r.reject('child_age_months', 'age_outside_group', { group: g.code, min: String(g.ageMonths[0]), max: String(g.ageMonths[1]) });
  }
  // a worksheet's one L/P column gives the mother's sex too: P for a woman is simply not a child's sex
  const sexRead = r.opt('child_sex', pLookup(lookupSex, 'unknown_sex')) as 'L' | 'P' | null;
  const sex = g && !isChild && sexRead === 'P' ? null : (only('child_sex', isChild, sexRead) as 'L' | 'P' | null);
  const haz = only('haz', isChild, r.opt('haz', pNumber(HAZ_LIMITS)));
  const whz = only('whz', isChild, r.opt('whz', pNumber(WHZ_LIMITS)));
  const bw = only('birth_weight_g', g !== undefined && BIRTH_WEIGHT_GROUPS.has(g.code), r.opt('birth_weight_g', pNumber(BIRTH_WEIGHT_LIMITS, { integer: true, grouped: true, unit: 'gram' })));
  const lila = only('lila_cm', isMother, r.opt('lila_cm', pNumber(LILA_LIMITS, { unit: 'cm' })));
  const hb = only('hb_g_dl', isMother, r.opt('hb_g_dl', pNumber(HB_LIMITS, { unit: 'g/dL' })));
  const flags = Object.fromEntries(FLAG_KEYS.map((k) => [k, r.opt(k, pFlag)])) as Record<(typeof FLAG_KEYS)[number], boolean | null>;

  // Causes: the primary one, then the others (separated by ";" or line breaks: labels contain commas).
  // An unknown or inapplicable other cause drops only itself; an unrecognised primary cause keeps the others.
  const causeFor: Parser<string> = (v) => {
    const p = pVocab('cause', 'unknown_cause')(v);
    if (p.ok && g && !causeAppliesTo(p.value, g.code)) return { ok: false, code: 'cause_not_for_group', params: { group: g.code } };
    return p;
  };
  const primary = r.opt('primary_cause', causeFor);
  const others: string[] = [];
  const otherText = r.raw('other_causes');
  if (otherText !== null && String(otherText).trim() !== '') {
    if (!primary && isBlank(r.raw('primary_cause'))) {
      r.reject('other_causes', 'no_primary_cause');
    } else {
      for (const token of splitCauses(String(otherText), (t) => matchVocabulary('cause', t).ok)) {
        const p = causeFor(token);
        if (!p.ok) r.report('other_causes', p.code, p.params, token);
        else if (p.value !== primary && !others.includes(p.value)) others.push(p.value);
      }
    }
  }

  if (r.dropped || !ref || !regency || !year || !semester || !group) return false;

  const caseId = pseudonymCaseId(regency.code, ref, salt);
  const first = index.get(caseId);
  if (first) {
    r.drop('case_ref', 'duplicate_case', { first: String(first.line) });
    return false;
  }
  const primaryClass = primary ? CAUSE_BY_CODE.get(primary)!.class : null;
  const row: CaseRow = {
    case_id: caseId,
    province_code: regency.provinceCode,
    regency_code: regency.code,
    year,
    semester,
    target_group: group,
    source,
    review_date: review,
    mother_age_years: motherAge,
    trimester,
    child_age_months: childAge,
    child_sex: sex,
    haz,
    whz,
    birth_weight_g: bw,
    lila_cm: lila,
    hb_g_dl: hb,
    stunted: haz === null ? null : isStunted(haz),
    severely_stunted: haz === null ? null : haz < HAZ_SEVERE,
    kek: lila === null ? null : isKek(lila),
    anaemia: hb === null ? null : isAnaemic(group, hb, trimester),
    lbw: bw === null ? null : bw < LBW_GRAMS,
    too_young: motherAge === null ? null : isTooYoung(motherAge),
    too_old: motherAge === null ? null : isTooOld(motherAge),
    ...flags,
    primary_cause: primary,
    primary_class: primaryClass,
    record_key: randomRecordKey()
  };
  out.cases.push(row);
  const place = { case_id: caseId, province_code: row.province_code, regency_code: row.regency_code, year, semester, target_group: group };
  for (const [code, isPrimary] of [...(primary ? [[primary, true] as const] : []), ...others.map((c) => [c, false] as const)]) {
    out.caseCauses.push({ ...place, cause_code: code, cause_class: CAUSE_BY_CODE.get(code)!.class, is_primary: isPrimary, record_key: row.record_key });
  }
  const { province_code, regency_code, target_group, review_date } = row;
  index.add({ row: { case_id: caseId, province_code, regency_code, year, semester, target_group, review_date }, line }, ref);
  return true;
}
