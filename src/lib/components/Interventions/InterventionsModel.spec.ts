/**
 * The interventions view model on the REAL demo database: a ViewContext from a URL (testContext.svelte.ts),
 * the page's Coordinator over @duckdb/node-api, and the funnel, sections and region table it exposes
 * compared with direct SQL on the same snapshot: exact counts in internal mode, the p-table's published
 * values in public mode; its own params (menurut, urut/arah); a change of place or of disclosure mode
 * shows nothing until every query answers the new state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { published } from '$lib/privacy/ptable.ts';
import type { Cell } from '$lib/privacy/cells.ts';
import { DEMO_DIR, realContext } from '../testContext.svelte.ts';
import { InterventionsModel } from './InterventionsModel.svelte.ts';
import type { PCounts } from './disclosure.ts';

let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO_DIR);
});
const models: InterventionsModel[] = [];
afterAll(() => {
  models.forEach((m) => m.destroy());
  snap?.close();
});

async function settled(search: string) {
  const { ctx, engine } = realContext(snap, search);
  const vm = new InterventionsModel(ctx);
  models.push(vm);
  expect(vm.loading).toBe(true);
  ctx.update();
  await ctx.settle();
  return { ctx, engine, vm };
}

const KEYS = ['recommended', 'delivered', 'followed_up', 'past_due'] as const;
/** The funnel's counts and key sums straight from the recommendations table (data date of the demo: 2026-01-15). */
const COUNTS = ([
  ['recommended', 'TRUE'],
  ['delivered', `status IN ('delivered', 'followed_up')`],
  ['followed_up', `status = 'followed_up'`],
  ['past_due', `status = 'planned' AND due_date < DATE '2026-01-15'`]
] as const)
  .map(([c, w]) => `count(*) FILTER (WHERE ${w}) AS ${c}, coalesce(sum(record_key) FILTER (WHERE ${w}), 0) AS ${c}_key`)
  .join(', ');
type Direct = Record<(typeof KEYS)[number] | `${(typeof KEYS)[number]}_key`, number> & { code: string };
const direct = (where: string, by = `''`) => snap.rows<Direct>(`SELECT ${by} AS code, ${COUNTS} FROM recommendations WHERE ${where} GROUP BY ALL ORDER BY 1`);
const exact = (d: Direct): PCounts => ({ recommended: d.recommended, delivered: d.delivered, followed_up: d.followed_up, past_due: d.past_due });
const pub = (d: Direct, k: number): PCounts =>
  Object.fromEntries(KEYS.map((c) => [c, published(d[c], d[`${c}_key`], k)])) as unknown as PCounts;
const cellsOf = (c: PCounts): Cell[] => KEYS.map((k) => c[k]);

describe('InterventionsModel (internal mode)', () => {
  it('a province: funnel totals, items by type and region rows equal direct SQL', async () => {
    const { vm } = await settled('?tampilan=intervensi&wilayah=32');
    expect(vm.loading).toBe(false);
    expect(vm.ready).toBe(true);
    expect(vm.error).toBeNull();
    expect(vm.empty).toBe(false);
    expect(vm.dataDate).toBe('2026-01-15');

    const [total] = await direct(`province_code = '32'`);
    expect(total.past_due).toBeGreaterThan(0);
    expect(vm.totals).toEqual(exact(total));

    const byType = await direct(`province_code = '32'`, 'intervention_code');
    const items = vm.sections.flatMap((s) => s.items).sort((a, b) => a.key.localeCompare(b.key));
    expect(vm.funnelBy).toBe('type');
    expect(items.map((i) => ({ code: i.key, recommended: i.recommended, delivered: i.delivered }))).toEqual(
      byType.map((d) => ({ code: d.code, recommended: d.recommended, delivered: d.delivered }))
    );

    const regions = await direct(`province_code = '32'`, 'regency_code');
    const shown = [...vm.sortedRegions].sort((a, b) => a.code.localeCompare(b.code));
    expect(shown.map((r) => ({ code: r.code, ...KEYS.reduce((o, k) => ({ ...o, [k]: r[k] }), {}) }))).toEqual(
      regions.map((d) => ({ code: d.code, ...exact(d) }))
    );
    // default order: coverage, worst first
    const cov = vm.sortedRegions.map((r) => r.coverage ?? -1);
    expect(cov).toEqual([...cov].sort((a, b) => a - b));
  });

  it('a selected regency: the funnel is the regency\'s, the region table stays the province\'s regencies', async () => {
    const { vm } = await settled('?tampilan=intervensi&wilayah=32&kabkota=32.03');
    const [total] = await direct(`regency_code = '32.03'`);
    expect(vm.totals).toEqual(exact(total));
    expect(vm.place).not.toBe('Indonesia');
    const regions = await direct(`province_code = '32'`, 'regency_code');
    expect(vm.sortedRegions.map((r) => r.code).sort()).toEqual(regions.map((d) => d.code));
  });

  it('parses its params from extras: menurut=opd groups by agency, urut=nama&arah=turun orders regions by name, descending', async () => {
    const { ctx, vm } = await settled('?tampilan=intervensi&wilayah=32&menurut=opd&urut=nama&arah=turun');
    expect(vm.params).toEqual({ by: 'agency', sort: 'name', desc: true });
    expect(vm.funnelBy).toBe('agency');
    const byAgency = await direct(`province_code = '32'`, 'agency_code');
    const items = vm.sections.flatMap((s) => s.items);
    const perAgency = new Map<string, number>();
    for (const i of items) perAgency.set(i.key, (perAgency.get(i.key) ?? 0) + (i.recommended ?? 0));
    expect(Object.fromEntries(perAgency)).toEqual(Object.fromEntries(byAgency.map((d) => [d.code, d.recommended])));

    const names = vm.sortedRegions.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('id-ID').compare).reverse());

    vm.setBy('type');
    expect(new URLSearchParams(ctx.search).has('menurut')).toBe(false);
    expect(vm.funnelBy).toBe('type');
    // intervention codes now, not agencies
    const types = vm.sections.flatMap((s) => s.items.map((i) => i.key)).sort();
    expect(types).toEqual((await direct(`province_code = '32'`, 'intervention_code')).map((d) => d.code));
  });
});

describe('InterventionsModel (public mode)', () => {
  const WHERE = `regency_code = '93.01' AND year = 2024 AND semester = 1`;
  it('publik=1: totals and items are the published values of direct counts; nothing below the threshold, never 0', async () => {
    const { vm } = await settled('?tampilan=intervensi&wilayah=93&kabkota=93.01&periode=2024-1&publik=1');
    expect(vm.ready).toBe(true);
    expect(vm.disclosure.public).toBe(true);
    const [total] = await direct(WHERE);
    expect(vm.totals).toEqual(pub(total, 5));
    expect(vm.totals).not.toEqual(exact(total)); // published, not the true counts

    const byType = new Map((await direct(WHERE, 'intervention_code')).map((d) => [d.code, d]));
    const items = vm.sections.flatMap((s) => s.items);
    for (const i of items) {
      const d = byType.get(i.key);
      // a type without recommendations reads "<5", like a small count
      expect(cellsOf(i), i.key).toEqual(d ? cellsOf(pub(d, 5)) : [null, null, null, null]);
    }
    const cells = [...cellsOf(vm.totals), ...items.flatMap(cellsOf), ...vm.sortedRegions.flatMap(cellsOf), ...vm.sections.flatMap((s) => cellsOf(s.totals))];
    expect(cells.filter((c) => c !== null && !(c >= 5))).toEqual([]);
    expect(cells.some((c) => c === null)).toBe(true);
    expect(cells.some((c) => c !== null)).toBe(true);
    expect(vm.empty).toBe(false); // "none" is never said in public mode
    expect(vm.fileName('funnel')).toBe('funnel_93.01_2024-1_publik');
  });
});

describe('InterventionsModel (change of state)', () => {
  it('another province: nothing is shown until every query answers it, then the new place\'s counts', async () => {
    const { ctx, vm } = await settled('?tampilan=intervensi&wilayah=32');
    const [old] = await direct(`province_code = '32'`);
    expect(vm.totals).toEqual(exact(old));
    ctx.go('?tampilan=intervensi&wilayah=53');
    // the rows are still 32's: not ready, no view, no counts of the old place reported as 53's
    expect(vm.byType.state?.f.province).toBe('32');
    expect(vm.ready).toBe(false);
    expect(vm.view).toBeNull();
    expect(vm.loading).toBe(true);
    await ctx.settle();
    expect(vm.byType.state?.f.province).toBe('53');
    expect(vm.ready).toBe(true);
    const [now] = await direct(`province_code = '53'`);
    expect(vm.totals).toEqual(exact(now));
    expect(now.recommended).not.toBe(old.recommended);
    expect(vm.sortedRegions.every((r) => r.code.startsWith('53.'))).toBe(true);
  });

  it('switching to public mode: true counts are never read as published ones meanwhile', async () => {
    const { ctx, vm } = await settled('?tampilan=intervensi&wilayah=93&kabkota=93.01&periode=2024-1');
    const [total] = await direct(`regency_code = '93.01' AND year = 2024 AND semester = 1`);
    expect(vm.totals).toEqual(exact(total));
    ctx.go('?tampilan=intervensi&wilayah=93&kabkota=93.01&periode=2024-1&publik=1');
    expect(vm.view).toBeNull();
    await ctx.settle();
    expect(vm.totals).toEqual(pub(total, 5));
  });
});
