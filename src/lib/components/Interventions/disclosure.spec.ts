/**
 * Public-safe mode of the interventions view, on the REAL demo snapshot with the view's REAL queries:
 * over many random filter states (seeded, so a failure replays) no shown count is below the threshold,
 * no hidden count can be recovered from the view's totals and sums (auditTable over every table and
 * every line, plus an exact linear-algebra check), and the CSV files hold no count below it. With FULL
 * everything equals the query rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { DEMO_PERIODS, INTERVENTIONS, PROVINCES, TARGET_GROUP_CODES, regenciesOf } from '$lib/domain/index.ts';
import { auditTable, disclosure, FULL, type Disclosure } from '$lib/privacy/index.ts';
import type { QueryFilters } from '$lib/queries/filters.ts';
import {
  coverageByRegionSql, funnelSql, timelinessSql, type CoverageRegionRow, type FunnelRow, type TimelinessRow
} from '$lib/queries/interventions/index.ts';
import { openSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { funnelCsv, protectView, regionCsv, tablesForAudit, timelinessCsv, type ProtectedView, type ViewRows } from './disclosure.ts';
import { determinedNodes, LineSystem } from '$lib/privacy/lines.ts';
import { interventionTranslator } from './messages.ts';

const DEMO = resolve(__dirname, '../../../../data/snapshots/demo');
let snap: OpenSnapshot;
const t = interventionTranslator('id');

beforeAll(async () => {
  snap = await openSnapshot(DEMO);
});
afterAll(() => snap?.close());

function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const pickOr = <T>(r: () => number, xs: readonly T[], pNull: number): T | null => (r() < pNull ? null : xs[Math.floor(r() * xs.length)]);

function randomFilters(r: () => number): QueryFilters {
  const province = pickOr(r, PROVINCES.map((p) => p.code), 0.3);
  const regency = province ? pickOr(r, regenciesOf(province).map((x) => x.code), 0.5) : null;
  return { period: pickOr(r, DEMO_PERIODS, 0.3), group: pickOr(r, TARGET_GROUP_CODES, 0.4), province, regency, indicator: 'coverage', cause: 'sanitasi' };
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

/** RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), out.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), out.push(row);
  return out;
}

/** Every CSV of the view, parsed: the count columns of each. */
function csvCounts(v: ProtectedView, d: Disclosure): string[] {
  const parse = (text: string) => parseCsv(text.replace(/^\uFEFF/, '')).slice(1);
  const out: string[] = [];
  for (const secs of [v.sections.type, v.sections.agency]) {
    if (secs) for (const row of parse(funnelCsv(secs, v.totals, d, t))) out.push(row[3], row[4], row[6], row[8]);
  }
  for (const row of parse(regionCsv(v.regions, 'Wilayah', d, t))) out.push(row[2], row[3], row[4], row[6]);
  if (v.timeliness) for (const row of parse(timelinessCsv(v.timeliness, (c) => c, d, t))) out.push(row[3], row[8]);
  return out;
}

describe('interventions view in public mode (demo snapshot)', () => {
  it('property: over 48 random filter states no small count and nothing recoverable, on screen or in CSV', async () => {
    const r = rng(20260115);
    let hiddenSeen = 0;
    for (let i = 0; i < 48; i++) {
      const f = randomFilters(r);
      const rows = await viewRows(f);
      for (const k of [5, 10]) {
        const d = disclosure(true, k);
        const v = protectView(rows, d, 'id');
        const where = `state #${i} k=${k} ${JSON.stringify(f)}`;
        for (const [j, table] of tablesForAudit(v).entries()) expect(auditTable(table, d), `${where} table ${j}`).toEqual([]);
        // a hidden total beside fully shown members would be their sum
        for (const l of v.lines) if (l.total === null) expect(l.cells[0].some((c) => c === null), `${where} line total`).toBe(true);
        for (const c of csvCounts(v, d)) {
          if (c === `<${k}`) hiddenSeen++;
          else expect(Number(c), `${where} CSV ${c}`).toBeGreaterThanOrEqual(k);
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
    expect(v.totals).toEqual({ recommended: sum('recommended'), delivered: sum('delivered'), followed_up: sum('followed_up'), past_due: sum('past_due') });
    const items = v.sections.type!.flatMap((s) => s.items).map((x) => [x.key, x.cls, x.recommended, x.delivered, x.followed_up, x.past_due]);
    expect(items.sort()).toEqual(rows.byType.map((x) => [x.key, x.cls, x.recommended, x.delivered, x.followed_up, x.past_due]).sort());
    expect(v.regions.map((x) => [x.code, x.recommended, x.delivered, x.followed_up, x.past_due, x.coverage])).toEqual(
      rows.regions.map((x) => [x.code, x.recommended, x.delivered, x.followed_up, x.past_due, x.coverage])
    );
    expect(v.timeliness).toEqual(rows.timeliness!.map((x) => ({ ...x })));
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
