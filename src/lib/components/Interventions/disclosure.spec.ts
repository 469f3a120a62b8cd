/**
 * Public-safe mode of the interventions view on the REAL demo snapshot with the view's REAL queries,
 * run as public mode runs them (discloseSql: counts published in the database by their cell keys):
 * over many random filter states (seeded, so a failure replays) every count the view shows (cards,
 * funnel by type and by agency, region table, past-due list, timeliness) and every CSV cell is the
 * p-table's value of DuckDB's true count and key sum (a row the query does not return reads "<k"), no
 * shown count is below the threshold, shares are those of the published counts, and the same
 * recommendations read the same everywhere. Outside public mode every value is the query's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  FUNNEL_COUNTS, REGION_DERIVED, coverageByRegionSql, discloseTimelinessSql, funnelSql, timelinessSql
} from '$lib/queries/interventions/index.ts';
import { disclosure, FULL, type Disclosure } from '$lib/privacy/index.ts';
import { discloseSql, published } from '$lib/privacy/ptable.ts';
import {
  COUNT_KEYS, countText, protectView, shareOf, type FunnelIn, type PCounts, type ProtectedView, type RegionIn, type TimelinessIn, type ViewRows
} from './disclosure.ts';
import { typedRows } from '$lib/db/typedRows.ts';
import { funnelCsv, regionCsv, timelinessCsv } from './exports.ts';
import { overdueList } from './present.ts';
import { interventionTranslator } from './messages.ts';
import { parseCsv, randomPlace, rng } from '$lib/privacy/testing.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
const t = interventionTranslator('id');
type Raw = Record<string, number & string>;

beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());

const randomFilters = (r: () => number): QueryFilters => ({ ...randomPlace(r), indicator: 'coverage', cause: 'sanitasi' });

/** The view's rows as the model queries them under `d`. */
async function viewRows(f: QueryFilters, d: Disclosure): Promise<ViewRows> {
  const date = snap.manifest.dataDate;
  const [byType, byAgency, regions, timeliness] = await Promise.all([
    snap.rows(discloseSql(funnelSql(f, 'type', date), FUNNEL_COUNTS, d)),
    snap.rows(discloseSql(funnelSql(f, 'agency', date), FUNNEL_COUNTS, d)),
    snap.rows(discloseSql(coverageByRegionSql(f, date), FUNNEL_COUNTS, d, { drop: REGION_DERIVED })),
    snap.rows(discloseTimelinessSql(f, d))
  ]);
  return {
    byType: typedRows<FunnelIn>(byType), byAgency: typedRows<FunnelIn>(byAgency), regions: typedRows<RegionIn>(regions),
    timeliness: typedRows<TimelinessIn>(timeliness), province: f.province, regency: f.regency ?? null
  };
}

/** DuckDB's true counts and key sums (the internal queries, with their _key columns). */
async function truthOf(f: QueryFilters) {
  const date = snap.manifest.dataDate;
  const [byType, byAgency, regions, timeliness] = (await Promise.all([
    snap.rows(funnelSql(f, 'type', date)), snap.rows(funnelSql(f, 'agency', date)), snap.rows(coverageByRegionSql(f, date)), snap.rows(timelinessSql(f))
  ])).map((rows) => typedRows<Raw>(rows));
  return { byType, byAgency, regions, timeliness };
}

/** What public mode must show for a count of a row (absent row: a true 0, "<k"). */
const expected = (row: Raw | undefined, c: string, k: number) => (row ? published(row[c], row[`${c}_key`], k) : null);
const countsOf = (c: PCounts) => COUNT_KEYS.map((k) => c[k]);

/** Every count the view shows (screen), each with what it must be. */
function checks(v: ProtectedView, truth: Awaited<ReturnType<typeof truthOf>>, k: number): { where: string; shown: number | null; want: number | null }[] {
  const out: { where: string; shown: number | null; want: number | null }[] = [];
  const find = (rows: Raw[], key: string, cls: string) => rows.find((r) => r.key === key && r.cls === cls);
  const put = (where: string, c: PCounts, row: Raw | undefined) => {
    for (const m of COUNT_KEYS) out.push({ where: `${where} ${m}`, shown: c[m], want: expected(row, m, k) });
  };
  put('total', v.totals, find(truth.byType, '', ''));
  for (const by of ['type', 'agency'] as const) {
    const rows = by === 'type' ? truth.byType : truth.byAgency;
    for (const sec of v.sections[by]!) {
      put(`${by} ${sec.cls} total`, sec.totals, find(rows, '', sec.cls));
      for (const it of sec.items) put(`${by} ${it.key}|${it.cls}`, it, find(rows, it.key, it.cls));
    }
  }
  for (const r of v.regions) put(`region ${r.code}`, r, truth.regions.find((x) => x.code === r.code));
  for (const r of v.timeliness ?? []) {
    const row = truth.timeliness.find((x) => x.intervention === r.intervention && x.cls === r.cls);
    out.push({ where: `time ${r.intervention} n`, shown: r.n, want: expected(row, 'n', k) });
    out.push({ where: `time ${r.intervention} late`, shown: r.late, want: expected(row, 'late', k) });
  }
  return out;
}

const COUNT_HEADERS = [t('recommended'), t('delivered'), t('followedUp'), t('pastDue'), t('deliveredN'), t('late')];
function allCsv(v: ProtectedView, d: Disclosure): Record<string, string> {
  return {
    funnel: funnelCsv(v.sections.type!, v.totals, d, t),
    agency: funnelCsv(v.sections.agency!, v.totals, d, t),
    regions: regionCsv(v.regions, 'wilayah', d, t),
    overdue: regionCsv(overdueList(v.regions), 'wilayah', d, t),
    timeliness: timelinessCsv(v.timeliness ?? [], (c) => c, d, t)
  };
}

describe('interventions view in public-safe mode (demo snapshot, cell-key method)', () => {
  it('property: over 40 random filter states every shown count is the p-table of DuckDB’s true count and key; none below k', async () => {
    const r = rng(20261203);
    let shownN = 0;
    let hiddenN = 0;
    for (let i = 0; i < 40; i++) {
      const f = randomFilters(r);
      const truth = await truthOf(f);
      for (const k of [5, 10]) {
        const d = disclosure(true, k);
        const v = protectView(await viewRows(f, d), d, 'id');
        const label = `state #${i} ${JSON.stringify(f)} k=${k}`;
        for (const c of checks(v, truth, k)) {
          expect(c.shown, `${label}: ${c.where}`).toBe(c.want);
          if (c.shown === null) hiddenN++;
          else {
            shownN++;
            expect(c.shown, `${label}: ${c.where}`).toBeGreaterThanOrEqual(k);
          }
        }
        // shares are those of the published counts, withheld when either is hidden
        for (const x of v.regions) expect(x.coverage, label).toBe(shareOf(x.delivered, x.recommended));
        // the selected regency's funnel total is its region row (the same recommendations, the same cell)
        if (f.regency) expect(countsOf(v.regions.find((x) => x.code === f.regency)!), label).toEqual(countsOf(v.totals));
        // by type and by agency: the same class totals
        expect(v.sections.agency!.map((s) => countsOf(s.totals)), label).toEqual(v.sections.type!.map((s) => countsOf(s.totals)));
        // timeliness: quantiles only beside a shown n; n is the type's delivered count
        for (const x of v.timeliness ?? []) {
          expect(x.n, label).not.toBeNull();
          const item = v.sections.type!.flatMap((s) => s.items).find((it) => it.key === x.intervention)!;
          expect(x.n, `${label} ${x.intervention}`).toBe(item.delivered);
        }
        // every CSV count is "<k" or a published number ≥ k; each CSV row's counts are the screen's
        for (const [name, text] of Object.entries(allCsv(v, d))) {
          const [head, ...rows] = parseCsv(text);
          for (const row of rows)
            row.forEach((cell, j) => {
              if (!COUNT_HEADERS.includes(head[j])) return;
              if (cell !== `<${k}`) expect(Number(cell), `${label} ${name} ${head[j]}`).toBeGreaterThanOrEqual(k);
            });
        }
        const regionRows = parseCsv(allCsv(v, d).regions).slice(1);
        regionRows.forEach((row, j) => expect(row[2], label).toBe(countText(v.regions[j], 'recommended', d, 'id').replace(/\./g, '')));
      }
    }
    expect(shownN, 'published counts were seen').toBeGreaterThan(500);
    expect(hiddenN, 'hidden counts were seen').toBeGreaterThan(200);
  }, 180_000);

  it('public mode never receives a true count or a key sum: only published columns come back', async () => {
    const f: QueryFilters = { period: null, group: null, province: '53', regency: '53.01', indicator: 'coverage', cause: 'sanitasi' };
    const rows = await viewRows(f, disclosure(true, 5));
    for (const r of typedRows<Record<string, unknown>>([...rows.byType, ...rows.byAgency!, ...rows.regions, ...rows.timeliness!])) {
      expect(Object.keys(r).filter((c) => c.endsWith('_key') || (REGION_DERIVED as readonly string[]).includes(c))).toEqual([]);
    }
  });

  it('with FULL every value equals the query rows', async () => {
    const f: QueryFilters = { period: { year: 2024, semester: 1 }, group: null, province: '53', regency: null, indicator: 'coverage', cause: 'sanitasi' };
    const truth = await truthOf(f);
    const v = protectView(await viewRows(f, FULL), FULL, 'id');
    const items = truth.byType.filter((x) => x.key !== '');
    const sum = (m: string) => items.reduce((a, x) => a + x[m], 0);
    expect(v.totals).toEqual({ recommended: sum('recommended'), delivered: sum('delivered'), followed_up: sum('followed_up'), past_due: sum('past_due') });
    const shown = v.sections.type!.flatMap((s) => s.items).map((x) => [x.key, x.cls, ...countsOf(x)]);
    expect(shown.sort()).toEqual(items.map((x) => [x.key, x.cls, x.recommended, x.delivered, x.followed_up, x.past_due]).sort());
    expect(v.regions.map((x) => [x.code, ...countsOf(x), x.coverage])).toEqual(
      truth.regions.map((x) => [x.code, x.recommended, x.delivered, x.followed_up, x.past_due, x.coverage])
    );
    expect(v.timeliness).toEqual(truth.timeliness.map(({ n_key: _n, late_key: _l, ...x }) => x));
  });
});
