/**
 * Public-safe mode of the interventions view, on the REAL demo snapshot with the view's REAL queries:
 * over many random filter states (seeded, so a failure replays) no shown count is below the threshold,
 * no hidden count can be recovered from the view's totals and sums (auditTable over every table and
 * every line, plus an exact linear-algebra check), and the CSV files hold no count below it. A hidden
 * count reads "<k" only when it is small and "×" only when it is not (checked against the unprotected
 * rows). With FULL everything equals the query rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { INTERVENTIONS, PROVINCES, regenciesOf } from '$lib/domain/index.ts';
import { auditTable, disclosure, formatCell, FULL, MASKED_LABEL, type Disclosure } from '$lib/privacy/index.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  coverageByRegionSql, funnelSql, timelinessSql, type CoverageRegionRow, type FunnelRow, type TimelinessRow
} from '$lib/queries/interventions/index.ts';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import {
  COUNT_KEYS, countText, funnelCsv, padRows, protectView, regionCsv, tablesForAudit, timelinessCsv, type PCounts, type ProtectedView, type ViewRows
} from './disclosure.ts';
import { determinedNodes, LineSystem } from '$lib/privacy/lines.ts';
import { interventionTranslator } from './messages.ts';
import { parseCsv, randomPlace, rng } from '$lib/privacy/testing.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
const t = interventionTranslator('id');

beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());


function randomFilters(r: () => number): QueryFilters {
  return { ...randomPlace(r), indicator: 'coverage', cause: 'sanitasi' };
}

async function viewRows(f: QueryFilters): Promise<ViewRows> {
  const date = snap.manifest.dataDate;
  return {
    byType: await snap.rows<FunnelRow>(funnelSql(f, 'type', date)),
    byAgency: await snap.rows<FunnelRow>(funnelSql(f, 'agency', date)),
    regions: await snap.rows<CoverageRegionRow>(coverageByRegionSql(f, date)),
    timeliness: await snap.rows<TimelinessRow>(timelinessSql(f)),
    province: f.province,
    regency: f.regency ?? null
  };
}


/**
 * Every count of the view as it reads on screen (id-ID) and in each CSV file, by a key naming its place
 * (screen or file, row, column): the same keys for a public view and the FULL view of the same rows.
 */
function shownCounts(v: ProtectedView, d: Disclosure): Map<string, string> {
  const out = new Map<string, string>();
  const put = (where: string, c: PCounts) => {
    for (const k of COUNT_KEYS) out.set(`${where}|${k}`, countText(c, k, d, 'id'));
  };
  put('screen|total', v.totals);
  for (const by of ['type', 'agency'] as const) {
    for (const sec of v.sections[by] ?? []) {
      put(`screen|${by}|${sec.cls}`, sec.totals);
      for (const it of sec.items) put(`screen|${by}|${sec.cls}|${it.key}`, it);
    }
  }
  for (const r of v.regions) put(`screen|region|${r.code}`, r);
  for (const r of v.timeliness ?? []) {
    out.set(`screen|time|${r.intervention}|${r.cls}|n`, formatCell(r.n, d, 'id', r.masked.n));
    out.set(`screen|time|${r.intervention}|${r.cls}|late`, formatCell(r.late, d, 'id', r.masked.late));
  }
  const parse = (text: string) => parseCsv(text.replace(/^\uFEFF/, '')).slice(1);
  for (const by of ['type', 'agency'] as const) {
    const secs = v.sections[by];
    if (secs) for (const row of parse(funnelCsv(secs, v.totals, d, t))) for (const j of [3, 4, 6, 8]) out.set(`csv|funnel-${by}|${row.slice(0, 3).join('|')}|${j}`, row[j]);
  }
  for (const row of parse(regionCsv(v.regions, 'Wilayah', d, t))) for (const j of [2, 3, 4, 6]) out.set(`csv|region|${row[0]}|${j}`, row[j]);
  if (v.timeliness) for (const row of parse(timelinessCsv(v.timeliness, (c) => c, d, t))) for (const j of [3, 8]) out.set(`csv|time|${row[0]}|${row[2]}|${j}`, row[j]);
  return out;
}
/** "1.234" (id-ID on screen) or "1234" (CSV) → 1234. */
const countOf = (text: string): number => Number(text.replace(/\./g, ''));

describe('interventions view in public mode (demo snapshot)', () => {
  it('property: over 48 random filter states no small count and nothing recoverable, on screen or in CSV', async () => {
    const r = rng(20260115);
    let hiddenSeen = 0;
    let maskedSeen = 0;
    for (let i = 0; i < 48; i++) {
      const f = randomFilters(r);
      const rows = await viewRows(f);
      // the true values, at the same places (public mode adds the absent rows as zeros)
      const truth = shownCounts(protectView(padRows(rows), FULL, 'id'), FULL);
      for (const k of [5, 10]) {
        const d = disclosure(true, k);
        const v = protectView(rows, d, 'id');
        const where = `state #${i} k=${k} ${JSON.stringify(f)}`;
        for (const [j, table] of tablesForAudit(v).entries()) expect(auditTable(table, d), `${where} table ${j}`).toEqual([]);
        // a hidden total beside fully shown members would be their sum
        for (const l of v.lines) if (l.total === null) expect(l.cells[0].some((c) => c === null), `${where} line total`).toBe(true);
        // on screen and in every CSV: "<k" only for a small count, "×" only for one that is not, else the true value
        for (const [place, c] of shownCounts(v, d)) {
          const trueText = truth.get(place);
          expect(trueText, `${where} ${place} has a true value`).toBeDefined();
          const n = countOf(trueText!);
          if (c === `<${k}`) {
            hiddenSeen++;
            expect(n, `${where} ${place} reads ${c}`).toBeLessThan(k);
          } else if (c === MASKED_LABEL) {
            maskedSeen++;
            expect(n, `${where} ${place} reads ${c}`).toBeGreaterThanOrEqual(k);
          } else {
            expect(c, `${where} ${place}`).toBe(trueText);
            expect(n, `${where} ${place} shown`).toBeGreaterThanOrEqual(k);
          }
        }
        // withheld statistics follow hidden counts
        for (const tr of v.timeliness ?? []) expect(tr.n, 'a withheld timeliness row is left out').not.toBeNull();
        // "none" looks like "a few": every intervention type and region of the level has a row
        expect(v.sections.type!.flatMap((x) => x.items).length).toBe(INTERVENTIONS.length);
        expect(v.regions.length).toBe(f.province ? regenciesOf(f.province).length : PROVINCES.length);
        for (const reg of v.regions) if (reg.recommended === null || reg.delivered === null) expect(reg.coverage).toBeNull();
        // the cards do not depend on the breakdown shown
        expect(v.sections.type?.map((s) => s.totals)).toEqual(v.sections.agency?.map((s) => s.totals));
      }
    }
    expect(hiddenSeen).toBeGreaterThan(50);
    expect(maskedSeen, 'complementary suppression happened and reads "×"').toBeGreaterThan(20);
  }, 120_000);

  it('exact check: no hidden value is determined by the shown ones (linear algebra over the lines)', async () => {
    const r = rng(99);
    for (let i = 0; i < 12; i++) {
      const f = randomFilters(r);
      const rows = await viewRows(f);
      for (const k of [5, 10]) {
        const v = protectView(rows, disclosure(true, k), 'id');
        expect(determinedNodes(v.system).map((n) => n.id), JSON.stringify(f)).toEqual([]);
        // and hiding was needed at all in most states
        if (i === 0) expect(v.system.nodes.some((n) => n.hidden)).toBe(true);
      }
    }
  });

  it('with FULL every value equals the query rows', async () => {
    const f: QueryFilters = { period: { year: 2024, semester: 1 }, group: null, province: '53', regency: null, indicator: 'coverage', cause: 'sanitasi' };
    const rows = await viewRows(f);
    const v = protectView(rows, FULL, 'id');
    const sum = (k: 'recommended' | 'delivered' | 'followed_up' | 'past_due') => rows.byType.reduce((a, x) => a + x[k], 0);
    const none = { recommended: false, delivered: false, followed_up: false, past_due: false };
    expect(v.totals).toEqual({ recommended: sum('recommended'), delivered: sum('delivered'), followed_up: sum('followed_up'), past_due: sum('past_due'), masked: none });
    for (const x of [...v.regions, ...v.sections.type!.flatMap((s) => [s.totals, ...s.items])]) expect(x.masked).toEqual(none);
    const items = v.sections.type!.flatMap((s) => s.items).map((x) => [x.key, x.cls, x.recommended, x.delivered, x.followed_up, x.past_due]);
    expect(items.sort()).toEqual(rows.byType.map((x) => [x.key, x.cls, x.recommended, x.delivered, x.followed_up, x.past_due]).sort());
    expect(v.regions.map((x) => [x.code, x.recommended, x.delivered, x.followed_up, x.past_due, x.coverage])).toEqual(
      rows.regions.map((x) => [x.code, x.recommended, x.delivered, x.followed_up, x.past_due, x.coverage])
    );
    expect(v.timeliness).toEqual(rows.timeliness!.map((x) => ({ ...x, masked: { n: false, late: false } })));
    expect(tablesForAudit(v).every((tb) => tb.cells.flat().every((c) => c !== null))).toBe(true);
  });

  it('can fail: the audit sees a small count and a lone hidden cell', () => {
    const d = disclosure(true, 5);
    const s = new LineSystem();
    const a = s.node(2), b = s.node(30), tot = s.node(32);
    s.line(tot, [a, b]);
    a.hidden = true; // primary only, no complementary
    expect(determinedNodes(s)).toEqual([a]);
    s.solve(d);
    expect([a.hidden, b.hidden, tot.hidden]).toEqual([true, true, false]);
    expect(determinedNodes(s)).toEqual([]);
  });
});
