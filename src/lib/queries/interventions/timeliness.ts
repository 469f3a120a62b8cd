/**
 * Timeliness: days from the expert review (recommended_date) to delivery (delivered_date) per
 * intervention type, as quantiles over the delivered recommendations of the current place, period and
 * group. Aggregates only.
 */
import { placePeriodGroupWhere, type QueryFilters } from '../filters.ts';

export interface TimelinessRow {
  intervention: string;
  cls: 'spesifik' | 'sensitif';
  /** delivered recommendations behind the quantiles */
  n: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  /** delivered after their due date */
  late: number;
}

export function timelinessSql(f: QueryFilters): string {
  const days = `date_diff('day', recommended_date, delivered_date)`;
  return `SELECT intervention_code AS intervention, intervention_class AS cls, count(*)::INTEGER AS n,
  quantile_cont(${days}, 0.25)::DOUBLE AS p25,
  quantile_cont(${days}, 0.5)::DOUBLE AS p50,
  quantile_cont(${days}, 0.75)::DOUBLE AS p75,
  quantile_cont(${days}, 0.9)::DOUBLE AS p90,
  count(*) FILTER (WHERE delivered_date > due_date)::INTEGER AS late
FROM recommendations WHERE ${placePeriodGroupWhere(f, { regency: true })} AND delivered_date IS NOT NULL
GROUP BY intervention_code, intervention_class ORDER BY intervention`;
}
