/**
 * Row shapes of the snapshot tables (src/lib/domain/schema.ts), as plain objects: what the demo
 * generator and the worksheet import produce and the snapshot writers load. Dates are ISO strings.
 */
export interface CaseRow {
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: 1 | 2;
  target_group: string;
  source: string;
  review_date: string | null;
  mother_age_years: number | null;
  trimester: number | null;
  child_age_months: number | null;
  child_sex: 'L' | 'P' | null;
  haz: number | null;
  whz: number | null;
  birth_weight_g: number | null;
  lila_cm: number | null;
  hb_g_dl: number | null;
  stunted: boolean | null;
  severely_stunted: boolean | null;
  kek: boolean | null;
  anaemia: boolean | null;
  lbw: boolean | null;
  too_young: boolean | null;
  too_old: boolean | null;
  too_close: boolean | null;
  too_many: boolean | null;
  unsafe_water: boolean | null;
  poor_sanitation: boolean | null;
  poor_household: boolean | null;
  smoker_in_house: boolean | null;
  primary_cause: string | null;
  primary_class: string | null;
  /** 0–255, random (public mode's cell key, src/lib/privacy/ptable.ts) */
  record_key: number;
}

export interface CaseCauseRow {
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  target_group: string;
  cause_code: string;
  cause_class: string;
  is_primary: boolean;
  /** the case's record_key */
  record_key: number;
}

export interface RecommendationRow {
  rec_id: string;
  case_id: string;
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  target_group: string;
  cause_code: string | null;
  intervention_code: string;
  intervention_class: string;
  agency_code: string;
  status: string;
  recommended_date: string;
  due_date: string;
  delivered_date: string | null;
  followed_up_date: string | null;
  /** 0–255, random, the recommendation's own */
  record_key: number;
}

export interface CalendarRow {
  province_code: string;
  regency_code: string;
  year: number;
  semester: number;
  stage_code: string;
  stage_order: number;
  planned_date: string | null;
  actual_date: string | null;
}

