/**
 * The region comparison table at the map level: audited cases, concluded cases, intervention coverage
 * (recommendations delivered or followed up / recommendations) and calendar status: the furthest audit
 * stage any of the region's regency-semesters reached (last stage with an actual date) and the share of
 * its regency-semesters (in the period filter) that reached the evaluation stage. The calendar has no
 * target group, so the group filter does not apply to the two calendar columns.
 */
import { STAGES } from '$lib/domain/index.ts';
import { placePeriodGroupWhere, regionColumn, type QueryFilters } from '../filters.ts';
import { calendarWhere } from '../calendar/base.ts';

export interface RankingRow {
  code: string;
  cases: number;
  concluded: number;
  recommended: number;
  delivered: number;
  /** 0–100, null without recommendations. */
  coverage: number | null;
  /** stage_order 1–6 of the furthest stage reached, null when none. */
  furthest: number | null;
  /** regency-semesters in the calendar for the filters */
  cycles: number;
  /** of those, how many reached the evaluation stage */
  evaluated: number;
}

const LAST_STAGE = STAGES[STAGES.length - 1].order;

/** The ranking's count columns (each with a `_key` column); `coverage` is derived from two of them. */
export const RANKING_COUNTS = ['cases', 'concluded', 'recommended', 'delivered'] as const;

export function regionRankingSql(f: QueryFilters): string {
  const col = regionColumn(f);
  const where = placePeriodGroupWhere(f);
  return `WITH c AS (SELECT ${col} AS code, count(*)::INTEGER AS cases, count(primary_cause)::INTEGER AS concluded,
    sum(record_key)::BIGINT AS cases_key, coalesce(sum(record_key) FILTER (WHERE primary_cause IS NOT NULL), 0)::BIGINT AS concluded_key
    FROM cases WHERE ${where} GROUP BY ${col}),
r AS (SELECT ${col} AS code, count(*)::INTEGER AS recommended,
    count(*) FILTER (WHERE status IN ('delivered', 'followed_up'))::INTEGER AS delivered,
    sum(record_key)::BIGINT AS recommended_key, coalesce(sum(record_key) FILTER (WHERE status IN ('delivered', 'followed_up')), 0)::BIGINT AS delivered_key
    FROM recommendations WHERE ${where} GROUP BY ${col}),
cyc AS (SELECT ${col} AS code, regency_code, year, semester, max(stage_order) FILTER (WHERE actual_date IS NOT NULL) AS reached
    FROM calendar WHERE ${calendarWhere(f)} GROUP BY ${col}, regency_code, year, semester),
k AS (SELECT code, max(reached)::INTEGER AS furthest, count(*)::INTEGER AS cycles,
    count(*) FILTER (WHERE reached >= ${LAST_STAGE})::INTEGER AS evaluated FROM cyc GROUP BY code)
SELECT c.code, c.cases, c.cases_key, c.concluded, c.concluded_key, coalesce(r.recommended, 0) AS recommended, coalesce(r.recommended_key, 0) AS recommended_key,
  coalesce(r.delivered, 0) AS delivered, coalesce(r.delivered_key, 0) AS delivered_key,
  CASE WHEN r.recommended > 0 THEN 100.0 * r.delivered / r.recommended END AS coverage,
  k.furthest, coalesce(k.cycles, 0) AS cycles, coalesce(k.evaluated, 0) AS evaluated
FROM c LEFT JOIN r USING (code) LEFT JOIN k USING (code)
ORDER BY c.code`;
}
