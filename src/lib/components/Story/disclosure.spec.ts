/**
 * Property tests of the story in public mode, on the real demo snapshot with real DuckDB: over many
 * random filter states (regency, semester or all, target group or all, threshold) the story's queries
 * run as public mode runs them (discloseSql), and every count the screens show, and every count the
 * CSV exports, is "<k" or the p-table's published value of the cell's true count and key (never below
 * k, never 0). Failures name the seed's state so they replay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { REGENCIES, TARGET_GROUPS, type Period, type TargetGroupCode } from '$lib/domain/index.ts';
import { disclosure, FULL, type Disclosure } from '$lib/privacy/index.ts';
import { discloseSql, published } from '$lib/privacy/ptable.ts';
import { CAUSE_COUNTS, causeScopesSql, type ScopeCauseRow } from '$lib/queries/causes/index.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import { STORY_CASES_COUNTS, STORY_INTERVENTION_COUNTS, storyCasesSql, storyInterventionsSql, type StoryCasesRow, type StoryInterventionRow } from '$lib/queries/story/index.ts';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { casesCsv, causesCsv, interventionsCsv } from './exports.ts';
import { storyTranslator } from './messages.ts';
import { parseCsv, pick, rng } from '$lib/privacy/testing.ts';
import { casesScreen, causesScreen, interventionsScreen, shownCounts, type ScopeCauseIn, type StoryCasesIn, type StoryInterventionIn } from './disclosure.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
let periods: Period[] = [];
beforeAll(async () => {
  snap = await openSnapshot(DEMO);
  periods = (await snap.rows<{ year: number; semester: 1 | 2 }>('SELECT DISTINCT year, semester FROM cases ORDER BY 1, 2')).map((r) => ({ year: r.year, semester: r.semester }));
});
afterAll(() => snap?.close());


function randomFilters(r: () => number): QueryFilters {
  const reg = pick(r, REGENCIES);
  return {
    period: r() < 0.3 ? null : pick(r, periods),
    group: r() < 0.5 ? null : (pick(r, TARGET_GROUPS).code as TargetGroupCode),
    province: reg.provinceCode,
    regency: reg.code,
    indicator: 'cases',
    cause: 'sanitasi',
    survey: null
  };
}

async function story(f: QueryFilters, d: Disclosure) {
  const [cases, causes, interventions, trueCases, trueCauses, trueInterventions] = await Promise.all([
    snap.rows<StoryCasesIn>(discloseSql(storyCasesSql(f), STORY_CASES_COUNTS, d)),
    snap.rows<ScopeCauseIn>(discloseSql(causeScopesSql(f, 'primary'), CAUSE_COUNTS, d)),
    snap.rows<StoryInterventionIn>(discloseSql(storyInterventionsSql(f), STORY_INTERVENTION_COUNTS, d)),
    snap.rows<StoryCasesRow & Record<string, number>>(storyCasesSql(f)),
    snap.rows<ScopeCauseRow & Record<string, number>>(causeScopesSql(f, 'primary')),
    snap.rows<StoryInterventionRow & Record<string, number>>(storyInterventionsSql(f))
  ]);
  return {
    truth: { cases: trueCases, causes: trueCauses, interventions: trueInterventions },
    cases: casesScreen(cases, d, 'id'),
    causes: causesScreen(causes, d, 'id'),
    interventions: interventionsScreen(interventions, d, 'id')
  };
}

/** Every count cell of a CSV (columns whose header names a count) is "<k" or a number ≥ k. */
function csvSmallCounts(text: string, countHeaders: RegExp, k: number): string[] {
  const [head, ...body] = parseCsv(text);
  const cols = head.map((h, i) => (countHeaders.test(h) ? i : -1)).filter((i) => i >= 0);
  const bad: string[] = [];
  for (const row of body) for (const i of cols) if (row[i] !== `<${k}` && !(Number(row[i]) >= k)) bad.push(`${head[i]}=${row[i]}`);
  return bad;
}

describe('the story in public mode (property tests on the demo snapshot)', () => {
  it('over 60 random filter states: every shown count is its published value (p-table of true count and key), none below k, in views or CSV', async () => {
    const r = rng(20261123);
    const t = storyTranslator('id');
    let hiddenSeen = 0;
    for (let i = 0; i < 60; i++) {
      const f = randomFilters(r);
      const k = i % 3 === 0 ? 10 : 5;
      const d = disclosure(true, k);
      const s = await story(f, d);
      const where = `state #${i}: ${JSON.stringify({ regency: f.regency, period: f.period, group: f.group, k })}`;
      expect(shownCounts(s).filter((n) => n !== null && n < k), where).toEqual([]);
      // each count on screen is the p-table applied to DuckDB's true count and key of the same cell
      const pub = (row: Record<string, number> | undefined, c: string) => (row ? published(row[c], row[`${c}_key`], k) : null);
      const tc = (sc: string, g: string | null) => s.truth.cases.find((x) => x.scope === sc && x.target_group === g);
      expect(s.cases.total.regency, where).toBe(pub(tc('regency', null), 'cases'));
      expect(s.cases.concluded, where).toBe(pub(tc('regency', null), 'concluded'));
      for (const l of s.cases.lines) expect(l.n, where).toBe(pub(tc('regency', l.code), 'cases'));
      for (const l of s.causes.lines) expect(l.n, where).toBe(pub(s.truth.causes.find((x) => x.scope === 'regency' && x.cause === l.cause), 'n'));
      for (const l of s.interventions.lines) {
        const row = s.truth.interventions.find((x) => x.scope === 'regency' && x.code === l.code);
        expect([l.recommended, l.delivered, l.pending], where).toEqual([pub(row, 'recommended'), pub(row, 'delivered'), pub(row, 'pending')]);
      }
      const names = { regency: 'R', province: 'P', nation: 'N' };
      expect(csvSmallCounts(casesCsv(s.cases, names, d, t), /^Kasus/, k), where).toEqual([]);
      expect(csvSmallCounts(causesCsv(s.causes, names, d, t, 'id'), /^Kasus/, k), where).toEqual([]);
      expect(csvSmallCounts(interventionsCsv(s.interventions, d, t), /^(Rekomendasi|Diberikan|Belum)$/, k), where).toEqual([]);
      // shares from hidden counts are withheld
      for (const l of s.cases.lines) if (l.n === null) expect(l.share.regency, where).toBeNull();
      for (const l of s.causes.lines) if (l.n === null) expect(l.share.regency, where).toBeNull();
      for (const l of s.interventions.lines) if (l.delivered === null || l.recommended === null) expect(l.coverage, where).toBeNull();
      hiddenSeen += s.cases.lines.filter((l) => l.n === null).length;
    }
    // the states really exercised suppression (the test could not pass vacuously)
    expect(hiddenSeen).toBeGreaterThan(50);
  }, 120_000);

  it('outside public mode the story shows the counts DuckDB returns', async () => {
    const f: QueryFilters = { period: null, group: null, province: '32', regency: '32.05', indicator: 'cases', cause: 'sanitasi', survey: null };
    const s = await story(f, FULL);
    const direct = await snap.rows<{ target_group: string; n: number }>(`SELECT target_group, count(*)::INTEGER AS n FROM cases WHERE regency_code = '32.05' GROUP BY 1`);
    for (const l of s.cases.lines) expect(l.n).toBe(direct.find((x) => x.target_group === l.code)?.n ?? 0);
    expect(s.cases.total.regency).toBe(direct.reduce((a, x) => a + x.n, 0));
    const rec = await snap.rows<{ n: number; d: number }>(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE status IN ('delivered','followed_up'))::INTEGER AS d FROM recommendations WHERE regency_code = '32.05'`
    );
    expect(s.interventions.total.recommended).toBe(rec[0].n);
    expect(s.interventions.total.delivered).toBe(rec[0].d);
    expect(s.interventions.coverage.regency).toBeCloseTo((100 * rec[0].d) / rec[0].n, 6);
  });
});
