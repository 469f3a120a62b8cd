/**
 * Pure classification of indicator values into ordered classes for a choropleth.
 *
 * A classification is described by its inner `thresholds` (ascending, strictly increasing):
 * class i holds the values v with thresholds[i-1] <= v < thresholds[i] (first class: v < thresholds[0],
 * last class: v >= thresholds[last]). `classCount` = thresholds.length + 1, or 0 when there is no data.
 *
 * Edge cases are handled so callers never get empty or duplicated classes:
 * - no finite values: 0 classes;
 * - all values equal: 1 class;
 * - fewer distinct values than requested classes: at most one class per distinct value.
 */
import { ckmeans } from 'simple-statistics';
import { WHO_STUNTING_THRESHOLDS } from '$lib/domain/stuntingThresholds.ts';

/**
 * From the data: quantile, equal, jenks. Fixed classes that mean something, the same on every map so
 * maps of different semesters compare: 'who' = the WHO/UNICEF stunting prevalence thresholds,
 * 'fixed' = five 20-point classes of 0–100 % (for shares).
 */
export type ClassificationMethod = 'quantile' | 'equal' | 'jenks' | 'who' | 'fixed';
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = ['quantile', 'equal', 'jenks', 'who', 'fixed'];

/** Fixed class sets of percentages: inner thresholds on a 0–100 scale. */
export const FIXED_CLASSES: Readonly<Record<'who' | 'fixed', readonly number[]>> = {
  who: WHO_STUNTING_THRESHOLDS,
  fixed: [20, 40, 60, 80]
};
export const isFixedMethod = (m: ClassificationMethod): m is 'who' | 'fixed' => m === 'who' || m === 'fixed';

export interface ClassRange {
  /** lower bound (inclusive); the data minimum for the first class */
  from: number;
  /** upper bound (exclusive, except for the last class, where it is the data maximum, inclusive) */
  to: number;
}

export interface Classification {
  method: ClassificationMethod;
  /** inner class boundaries, ascending and strictly increasing */
  thresholds: number[];
  /** number of classes (0 when there are no values) */
  classCount: number;
  min: number;
  max: number;
  /** one range per class */
  ranges: ClassRange[];
  /** fixed classes ('who', 'fixed'): the ranges are the set's, not the data's, and all are shown */
  fixed?: boolean;
}

/** Keeps finite numbers only, sorted ascending. */
export function cleanValues(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

function distinctSorted(sorted: number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

/** Linear-interpolated quantile (R-7, as d3.quantileSorted) of an ascending array. */
function quantileSorted(sorted: number[], p: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** Keeps the thresholds strictly inside (min, max], ascending and without duplicates. */
function tidy(thresholds: number[], min: number, max: number): number[] {
  const sorted = thresholds.filter((t) => Number.isFinite(t) && t > min && t <= max).sort((a, b) => a - b);
  return distinctSorted(sorted);
}

/** Thresholds when each distinct value gets its own class (fewer distinct values than classes). */
function perValueThresholds(distinct: number[]): number[] {
  return distinct.slice(1);
}

export function quantileThresholds(sorted: number[], k: number): number[] {
  const t: number[] = [];
  for (let i = 1; i < k; i++) t.push(quantileSorted(sorted, i / k));
  return t;
}

export function equalThresholds(min: number, max: number, k: number): number[] {
  const t: number[] = [];
  const step = (max - min) / k;
  for (let i = 1; i < k; i++) t.push(min + step * i);
  return t;
}

/** Natural breaks: Ckmeans (optimal 1-D k-means, the modern Jenks); a break is the start of a cluster. */
export function jenksThresholds(sorted: number[], k: number): number[] {
  const clusters = ckmeans(sorted, k);
  return clusters.slice(1).map((c) => c[0]);
}

/** Index of the class of `v` (0-based), or -1 for a missing value / empty classification. */
export function classIndex(c: Pick<Classification, 'thresholds' | 'classCount'>, v: number | null | undefined): number {
  if (c.classCount === 0 || typeof v !== 'number' || !Number.isFinite(v)) return -1;
  const t = c.thresholds;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v < t[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function classify(
  values: Iterable<number | null | undefined>,
  method: ClassificationMethod = 'quantile',
  classes = 5
): Classification {
  const sorted = cleanValues(values);
  if (isFixedMethod(method)) return fixedClassification(method, sorted);
  const k = Math.max(1, Math.floor(Number.isFinite(classes) ? classes : 5));
  if (sorted.length === 0) return { method, thresholds: [], classCount: 0, min: NaN, max: NaN, ranges: [] };
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const distinct = distinctSorted(sorted);
  let thresholds: number[];
  if (distinct.length === 1 || k === 1) thresholds = [];
  else if (distinct.length <= k) thresholds = perValueThresholds(distinct);
  else if (method === 'equal') thresholds = equalThresholds(min, max, k);
  else if (method === 'jenks') thresholds = jenksThresholds(sorted, k);
  else thresholds = quantileThresholds(sorted, k);
  thresholds = tidy(thresholds, min, max);
  const bounds = [min, ...thresholds, max];
  const ranges: ClassRange[] = [];
  for (let i = 0; i < thresholds.length + 1; i++) ranges.push({ from: bounds[i], to: bounds[i + 1] });
  return { method, thresholds, classCount: thresholds.length + 1, min, max, ranges };
}

/** A fixed class set on 0–100: every class present (also empty ones, also with no data), bounds from the set. */
function fixedClassification(method: 'who' | 'fixed', sorted: number[]): Classification {
  const thresholds = [...FIXED_CLASSES[method]];
  const lo = Math.min(0, sorted[0] ?? 0);
  const hi = Math.max(100, sorted[sorted.length - 1] ?? 100);
  const bounds = [lo, ...thresholds, hi];
  const ranges = thresholds.concat(hi).map((to, i) => ({ from: bounds[i], to }));
  return { method, thresholds, classCount: ranges.length, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, ranges, fixed: true };
}

/**
 * Legend text of class `i` of `n`: "from – to" for classes from the data; for fixed classes the set's
 * half-open intervals, "< 2,5", "2,5 – < 10", …, "≥ 30".
 */
export function rangeLabel(r: ClassRange, i: number, n: number, fixed: boolean | undefined, format: (v: number) => string): string {
  if (fixed) {
    // the set's bounds are round numbers: "10%", not "10,0%"
    const f = (v: number) => format(v).replace(/[.,]0+(?=[^0-9]*$)/, '');
    if (i === 0) return `< ${f(r.to)}`;
    if (i === n - 1) return `≥ ${f(r.from)}`;
    return `${f(r.from)} – < ${f(r.to)}`;
  }
  return r.from === r.to ? format(r.from) : `${format(r.from)} – ${format(r.to)}`;
}

/** Number of values per class (same order as `ranges`). */
export function classCounts(c: Classification, values: Iterable<number | null | undefined>): number[] {
  const counts = new Array<number>(c.classCount).fill(0);
  for (const v of values) {
    const i = classIndex(c, v);
    if (i >= 0) counts[i]++;
  }
  return counts;
}
