/**
 * Public-safe mode: what may be shown to an audience (PETIK AKSI screens, shared links). In public mode
 * every count of people (and of recommendations) is published by the cell-key method (ptable.ts:
 * slightly perturbed, the same wherever the same records are counted) and a published count below the
 * threshold is hidden (shown as "<5"); shares derived from a hidden count are withheld, and case-level
 * detail is unavailable.
 *
 * The threshold defaults to 5 and can be raised or lowered per link (`?ambang=`) within
 * [MIN_THRESHOLD, MAX_THRESHOLD]; it can never be switched off while public mode is on.
 */
export interface Disclosure {
  /** Public-safe mode on. */
  readonly public: boolean;
  /** Counts below this are hidden (only in public mode). */
  readonly threshold: number;
}

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 100;
/** The thresholds offered in the interface (any in range works in a link). */
export const THRESHOLDS: readonly number[] = [3, 5, 10, 20];

/** Everything shown (internal use). */
export const FULL: Disclosure = Object.freeze({ public: false, threshold: DEFAULT_THRESHOLD });
export const PUBLIC: Disclosure = Object.freeze({ public: true, threshold: DEFAULT_THRESHOLD });

/** A threshold from a URL parameter: integers in range, else the default. */
export function parseThreshold(v: string | null | undefined): number {
  if (!v || !/^\d{1,3}$/.test(v)) return DEFAULT_THRESHOLD;
  const n = Number(v);
  return n >= MIN_THRESHOLD && n <= MAX_THRESHOLD ? n : DEFAULT_THRESHOLD;
}

export function disclosure(isPublic: boolean, threshold: number = DEFAULT_THRESHOLD): Disclosure {
  return { public: isPublic, threshold: isPublic ? threshold : DEFAULT_THRESHOLD };
}

/** The label of a hidden count: "<5". */
export function hiddenLabel(d: Disclosure): string {
  return `<${d.threshold}`;
}
