/**
 * Rules for the "rekomendasi" sheet: one row per expert-panel recommendation (RTL item) of a case.
 * The case is found by its worksheet id (and the kabupaten/kota when the sheet has that column).
 * Defaults from the domain: agency = the intervention's usual OPD; recommendation date = the case's
 * review date; due date = recommendation date + the intervention's usual days; status derived from
 * the dates when blank. Status is the authority when dates disagree with it. Pure.
 */
import { randomRecordKey } from '../privacy/recordKey.ts';
import { INTERVENTION_BY_CODE } from '../domain/interventions.ts';
import { causeAppliesTo } from '../domain/causes.ts';
import { REGENCY_BY_CODE } from '../domain/regions.ts';
import type { TargetGroupCode } from '../domain/targetGroups.ts';
import { lookupStatus } from './codes.ts';
import { pVocab } from './vocabulary.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { Cell, Issue, RecommendationRow } from './types.ts';
import { RowReader, pLookup, pRegion, pText, type SheetRef } from './validateValues.ts';

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

const STATUS_LABEL: Record<string, string> = { planned: 'planned', delivered: 'delivered', followed_up: 'followed_up' };

/** Validates one rekomendasi row against the loaded cases; returns whether it loaded. */
export function validateRecommendationRow(
  sheet: SheetRef, line: number, cells: Cell[], issues: Issue[], index: CaseIndex, out: RecommendationRow[], seq: Map<string, number>
): boolean {
  const r = new RowReader(sheet, line, cells, issues);
  const ref = r.req('case_ref', pText);
  const regency = r.opt('region', pRegion);
  const intervention = r.req('intervention', pVocab('intervention', 'unknown_intervention'));
  const agencyGiven = r.opt('agency', pVocab('agency', 'unknown_agency'));
  let cause = r.opt('cause', pVocab('cause', 'unknown_cause'));
  const statusGiven = r.opt('status', pLookup(lookupStatus, 'unknown_status'));
  const recGiven = r.opt('recommended_date', r.dateParser('recommended_date'));
  let due = r.opt('due_date', r.dateParser('due_date'));
  let delivered = r.opt('delivered_date', r.dateParser('delivered_date'));
  let followed = r.opt('followed_up_date', r.dateParser('followed_up_date'));

  // Which case: by worksheet id, narrowed by kabupaten/kota when given.
  let caseId: string | undefined;
  if (ref) {
    let ids = index.idsForRef(ref);
    if (regency) ids = ids.filter((id) => index.get(id)!.row.regency_code === regency.code);
    if (ids.length === 0) r.drop('case_ref', 'unknown_case');
    else if (ids.length > 1) {
      const names = ids.map((id) => index.get(id)!.row.regency_code).map((c) => `${REGENCY_BY_CODE.get(c)!.name} (${c})`);
      r.drop('case_ref', 'ambiguous_case', { candidates: names.join(', ') });
    } else caseId = ids[0];
  }
  const kase = caseId ? index.get(caseId)!.row : undefined;
  if (cause && kase && !causeAppliesTo(cause, kase.target_group as TargetGroupCode)) {
    cause = r.reject('cause', 'cause_not_for_group', { group: kase.target_group });
  }

  // Dates in order: recommendation <= due, recommendation <= delivered <= follow-up.
  const recommended = recGiven ?? kase?.review_date ?? null;
  if (!recommended && kase) r.drop('recommended_date', 'missing_required');
  if (recommended && due && due < recommended) due = r.reject('due_date', 'date_order', { other: r.column('recommended_date') });
  if (recommended && delivered && delivered < recommended) delivered = r.reject('delivered_date', 'date_order', { other: r.column('recommended_date') });
  if (followed && (delivered ?? recommended) && followed < (delivered ?? recommended)!) {
    followed = r.reject('followed_up_date', 'date_order', { other: r.column(delivered ? 'delivered_date' : 'recommended_date') });
  }

  // Status is the authority: a date the status does not allow is dropped; a status lacking its date drops the row.
  const status = statusGiven ?? (followed ? 'followed_up' : delivered ? 'delivered' : 'planned');
  if (statusGiven) {
    const p = { status: STATUS_LABEL[status] };
    if (status === 'planned' && delivered) delivered = r.reject('delivered_date', 'date_without_status', p);
    if (status !== 'followed_up' && followed) followed = r.reject('followed_up_date', 'date_without_status', p);
    if (status !== 'planned' && !delivered) r.drop('status', 'status_without_date', { ...p, other: r.column('delivered_date') });
    else if (status === 'followed_up' && !followed) r.drop('status', 'status_without_date', { ...p, other: r.column('followed_up_date') });
  }

  if (r.dropped || !kase || !intervention || !recommended) return false;
  const iv = INTERVENTION_BY_CODE.get(intervention)!;
  const n = (seq.get(kase.case_id) ?? 0) + 1;
  seq.set(kase.case_id, n);
  out.push({
    rec_id: `${kase.case_id}-R${String(n).padStart(2, '0')}`,
    case_id: kase.case_id,
    province_code: kase.province_code,
    regency_code: kase.regency_code,
    year: kase.year,
    semester: kase.semester,
    target_group: kase.target_group,
    cause_code: cause,
    intervention_code: intervention,
    intervention_class: iv.class,
    agency_code: agencyGiven ?? iv.agency,
    status,
    recommended_date: recommended,
    due_date: due ?? addDays(recommended, iv.dueDays),
    delivered_date: delivered,
    followed_up_date: followed,
    record_key: randomRecordKey()
  });
  return true;
}
