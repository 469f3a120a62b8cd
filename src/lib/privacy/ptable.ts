/**
 * The perturbation table (p-table) of public-safe mode: the cell-key method (as in the Australian
 * Bureau of Statistics' TableBuilder and the 2021 England & Wales census outputs).
 *
 * - Every case row (and every recommendation row) carries a random record key in [0, TABLE_SIZE) from
 *   when its snapshot was built (`record_key`; never derived from any identity; reproducible from the
 *   seed for the demo, random for imports). A cause row repeats its case's key.
 * - A cell (any count a screen shows: a cause in a semester, a total, a margin) has a cell key: the sum
 *   of its records' keys modulo TABLE_SIZE. The SQL computes it (`*_key` columns), so any filter
 *   combination gets one.
 * - The published count is true count + noise(true count, cell key), the noise read from the table
 *   below. The same set of people therefore gets the same published number wherever it appears (map,
 *   views, story, CSV, PNG, SVG), whatever path led there: differencing and averaging gain nothing.
 * - Then the threshold rule: a published count below the threshold reads "<k" (zero is never published
 *   as zero: a true 0 gets no noise and so always reads "<k").
 *
 * Parameters: TABLE_SIZE 256 cell keys; MAX_NOISE 3 (|noise| ≤ 3). For true counts ≥ MAX_NOISE the
 * noise is −3…+3 with weights BASE_WEIGHTS (out of 256): symmetric, so its mean is exactly 0. For
 * 1 ≤ t < MAX_NOISE the mass below −t is moved to −t (a count never goes negative) and the mean brought
 * back to exactly 0 by moving weight from the largest positive noise down by one step at a time.
 * A true 0 gets noise 0. Every row's mean is exactly 0 (unbiased) and |noise| ≤ MAX_NOISE (bounded).
 */

export const TABLE_SIZE = 256;
export const MAX_NOISE = 3;
/** Weights of noise −MAX_NOISE … +MAX_NOISE for t ≥ MAX_NOISE, summing to TABLE_SIZE. */
export const BASE_WEIGHTS: readonly number[] = [16, 36, 48, 56, 48, 36, 16];

/** Weights of noise −MAX_NOISE…+MAX_NOISE for a true count t (index v + MAX_NOISE). */
export function weightsFor(t: number): number[] {
  const w = new Array(2 * MAX_NOISE + 1).fill(0);
  if (t <= 0) {
    w[MAX_NOISE] = TABLE_SIZE;
    return w;
  }
  BASE_WEIGHTS.forEach((x, i) => (w[i] = x));
  if (t >= MAX_NOISE) return w;
  // no published count below 0: noise below −t becomes −t
  let excess = 0;
  for (let v = -MAX_NOISE; v < -t; v++) {
    excess += w[v + MAX_NOISE] * (-t - v);
    w[-t + MAX_NOISE] += w[v + MAX_NOISE];
    w[v + MAX_NOISE] = 0;
  }
  // mean back to 0: one unit of weight one step down from the largest positive noise at a time
  while (excess > 0) {
    let v = MAX_NOISE;
    while (v > 0 && w[v + MAX_NOISE] === 0) v--;
    w[v + MAX_NOISE]--;
    w[v - 1 + MAX_NOISE]++;
    excess--;
  }
  return w;
}

/** The rows t = 0 … MAX_NOISE (every t ≥ MAX_NOISE uses the last). */
export const PTABLE: readonly (readonly number[])[] = Array.from({ length: MAX_NOISE + 1 }, (_, t) => weightsFor(t));

/** The cell key of a sum of record keys. */
export const cellKey = (keySum: number): number => ((keySum % TABLE_SIZE) + TABLE_SIZE) % TABLE_SIZE;

/** The noise for a true count and its cell key: the cell key falls in one noise value's interval. */
export function noise(t: number, key: number): number {
  if (t <= 0) return 0;
  const row = PTABLE[Math.min(t, MAX_NOISE)];
  let c = cellKey(key);
  for (let i = 0; i < row.length; i++) {
    if (c < row[i]) return i - MAX_NOISE;
    c -= row[i];
  }
  throw new Error('p-table row does not sum to the table size');
}

/** The published count of a cell (before the threshold rule). */
export const perturb = (t: number, keySum: number): number => t + noise(t, keySum);

/** What public mode shows for a cell: its published count, or null ("<k") below the threshold. */
export function published(t: number, keySum: number, threshold: number): number | null {
  const p = perturb(t, keySum);
  return p < threshold ? null : p;
}

/**
 * The same in SQL, for the queries (the page never receives a true count or a key): `n` and `key` are
 * SQL expressions of a cell's true count and key sum. NULL when below the threshold.
 */
export function publishedSql(n: string, key: string, threshold: number): string {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 1000) throw new Error(`bad threshold ${threshold}`);
  const ck = `((${key})::BIGINT % ${TABLE_SIZE})`;
  const rowCase = (row: readonly number[]) => {
    const parts: string[] = [];
    let cum = 0;
    row.forEach((w, i) => {
      if (!w) return;
      cum += w;
      parts.push(cum >= TABLE_SIZE ? `ELSE ${i - MAX_NOISE}` : `WHEN ${ck} < ${cum} THEN ${i - MAX_NOISE}`);
    });
    return `CASE ${parts.join(' ')} END`;
  };
  const rows = PTABLE.map((row, t) => (t === 0 ? '' : t < MAX_NOISE ? `WHEN ${n} = ${t} THEN ${rowCase(row)}` : `ELSE ${rowCase(row)}`)).filter(Boolean);
  const p = `(${n} + CASE WHEN ${n} <= 0 THEN 0 ${rows.join(' ')} END)`;
  return `(CASE WHEN ${p} < ${threshold} THEN NULL ELSE ${p} END)::INTEGER`;
}

/**
 * A query's result as public mode publishes it: each count column `c` (with its key sum `c_key` beside
 * it in the query) replaced by its published count (NULL = "<k"), and the key sums dropped, inside the
 * database: neither the true counts nor the keys reach the page. Row order is the query's (sort only on
 * columns that are not counts; views re-sort on published values). `drop`: columns derived from true
 * counts (a share, a ranking) left out; `tail`: ORDER BY / LIMIT on the published values. Outside
 * public mode: unchanged.
 */
export function discloseSql(
  sql: string,
  counts: readonly string[],
  d: { public: boolean; threshold: number },
  opts: { drop?: readonly string[]; tail?: string } = {}
): string {
  if (!d.public || !counts.length) return sql;
  for (const c of [...counts, ...(opts.drop ?? [])]) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column ${c}`);
  const repl = counts.map((c) => `${publishedSql(`q.${c}`, `q.${c}_key`, d.threshold)} AS ${c}`).join(', ');
  const excl = [...counts.map((c) => `${c}_key`), ...(opts.drop ?? [])].join(', ');
  return `SELECT * EXCLUDE (${excl}) REPLACE (${repl}) FROM (${sql}) AS q${opts.tail ? ` ${opts.tail}` : ''}`;
}

/**
 * Every true count that could stand behind what public mode shows, given the p-table (what an attacker
 * who knows this module can conclude): for a published count p, {t : p − t is a noise t can get};
 * for "<k" (null), {t : t plus some noise it can get is below k}. Both are intervals [lo, hi].
 */
export function possibleTrue(shown: number | null, threshold: number): [number, number] {
  const can = (t: number, p: number) => {
    const row = PTABLE[Math.min(t, MAX_NOISE)];
    const v = p - t;
    return Math.abs(v) <= MAX_NOISE && row[v + MAX_NOISE] > 0;
  };
  const ts: number[] = [];
  if (shown === null) {
    for (let t = 0; t < threshold + MAX_NOISE; t++) for (let p = 0; p < threshold; p++) if (can(t, p)) { ts.push(t); break; }
  } else for (let t = Math.max(0, shown - MAX_NOISE); t <= shown + MAX_NOISE; t++) if (can(t, shown)) ts.push(t);
  return [Math.min(...ts), Math.max(...ts)];
}
