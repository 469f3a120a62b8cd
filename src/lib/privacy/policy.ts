/**
 * Public-safe mode: what may be shown to an audience (PETIK AKSI screens, shared links). In public mode
 * any count below the threshold is hidden (shown as "<5"), shares derived from a hidden count are
 * withheld, complementary suppression keeps a hidden cell from being recovered from the totals of the
 * same table (suppress.ts), and case-level detail is unavailable.
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

/** Whether a count must be hidden under this policy. Zero is hidden too: "none" and "a few" look alike. */
export function isSmall(n: number, d: Disclosure): boolean {
  return d.public && n < d.threshold;
}

/** The label of a hidden count: "<5". */
export function hiddenLabel(d: Disclosure): string {
  return `<${d.threshold}`;
}

/** The label of a count hidden only so that a small one cannot be recovered from a total. */
export const MASKED_LABEL = '×';
