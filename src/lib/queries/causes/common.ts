/**
 * Shared pieces of the root-cause queries. Shares are over the *concluded* cases (cases the expert
 * panel gave at least one cause, i.e. cases with rows in case_causes, each with exactly one primary).
 * Mode 'primary' counts a case under its primary cause only (shares sum to 100 %); 'any' counts it
 * under every cause the panel found (shares sum to more than 100 %), like the map's 'cause_share'.
 */
import { InvalidFilterError, placePeriodGroupWhere, type QueryFilters } from '../filters.ts';

export type CauseMode = 'primary' | 'any';
export const CAUSE_MODES: readonly CauseMode[] = ['primary', 'any'];

/** The row restriction that makes a case_causes row count for a mode. */
export function modeWhere(mode: CauseMode): string {
  if (mode === 'primary') return 'is_primary';
  if (mode === 'any') return 'TRUE';
  throw new InvalidFilterError(`Unknown cause mode ${String(mode)}`);
}

/** The levels a cause profile is compared at: the place itself, its province, the nation. */
export type Scope = 'regency' | 'province' | 'nation';

/** Scopes for the filters, most specific first: a selected regency, the province, Indonesia. */
export function scopesOf(f: Pick<QueryFilters, 'province' | 'regency'>): Scope[] {
  const out: Scope[] = [];
  if (f.province !== null && f.regency) out.push('regency');
  if (f.province !== null) out.push('province');
  out.push('nation');
  return out;
}

/** Filters restricted to one scope: the nation drops the province, the province drops the regency. */
export function scopeFilters(f: QueryFilters, scope: Scope): { filters: QueryFilters; regency: boolean } {
  if (scope === 'nation') return { filters: { ...f, province: null, regency: null }, regency: false };
  if (scope === 'province') return { filters: { ...f, regency: null }, regency: false };
  return { filters: f, regency: true };
}

/** WHERE for a case_causes/cases/recommendations table at one scope. */
export function scopeWhere(f: QueryFilters, scope: Scope, withPeriod = true): string {
  const { filters, regency } = scopeFilters(withPeriod ? f : { ...f, period: null }, scope);
  return placePeriodGroupWhere(filters, { regency });
}
