/**
 * The root-cause view model on the REAL demo database: a ViewContext from a URL (testContext.svelte.ts),
 * the page's Coordinator over @duckdb/node-api, and what the model exposes compared with direct SQL on
 * the same snapshot (not the model's SQL): profile and ranking counts, its own URL params (mode, sort),
 * public mode (published counts, nothing below the threshold, never 0) and a change of place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCompiledSnapshot, type OpenSnapshot } from '$lib/snapshot/openSnapshot.ts';
import { published } from '$lib/privacy/ptable.ts';
import type { Cell } from '$lib/privacy/cells.ts';
import { DEMO_DIR, realContext } from '../testContext.svelte.ts';
import { CausesModel } from './CausesModel.svelte.ts';

let snap: OpenSnapshot;
beforeAll(async () => {
  snap = await openCompiledSnapshot(DEMO_DIR);
});
afterAll(() => snap?.close());

const models: CausesModel[] = [];
async function settled(search: string) {
  const { ctx, engine } = realContext(snap, search);
  const vm = new CausesModel(ctx);
  models.push(vm);
  expect(vm.loading).toBe(true);
  ctx.update();
  await ctx.settle();
  return { ctx, engine, vm };
}
afterAll(() => models.forEach((m) => m.destroy()));

/** Concluded cases per cause, straight from case_causes (primary: the primary cause only). */
async function directProfile(where: string, mode: 'primary' | 'any'): Promise<Record<string, number>> {
  const rows = await snap.rows<{ cause: string; n: number }>(
    `SELECT cause_code AS cause, count(DISTINCT case_id) AS n FROM case_causes WHERE ${where} ${mode === 'primary' ? 'AND is_primary' : ''} GROUP BY 1`
  );
  return Object.fromEntries(rows.map((r) => [r.cause, r.n]));
}
const directConcluded = async (where: string) =>
  (await snap.rows<{ n: number; k: number }>(
    `SELECT count(*) AS n, sum(k) AS k FROM (SELECT case_id, any_value(record_key) AS k FROM case_causes WHERE ${where} GROUP BY case_id)`
  ))[0];
const profileOf = (vm: CausesModel) => Object.fromEntries(vm.profile.map((r) => [r.cause, r.n]));

describe('CausesModel (internal mode)', () => {
  it('a province: loading ends, profile, concluded and ranking equal direct counts on the snapshot', async () => {
    const { vm } = await settled('?tampilan=penyebab&wilayah=32');
    expect(vm.loading).toBe(false);
    expect(vm.error).toBeNull();
    expect(vm.empty).toBe(false);
    expect(vm.scopes).toEqual(['province', 'nation']);
    expect(vm.scopeQuery.state?.f.province).toBe('32');

    expect(profileOf(vm)).toEqual(await directProfile(`province_code = '32'`, 'primary'));
    const concluded = await directConcluded(`province_code = '32'`);
    expect(vm.concluded).toBe(concluded.n);
    expect(vm.view.concluded).toBe(concluded.n);

    const cases = await snap.rows<{ code: string; cases: number; concluded: number }>(
      `SELECT regency_code AS code, count(*) AS cases, count(primary_cause) AS concluded FROM cases WHERE province_code = '32' GROUP BY 1 ORDER BY 1`
    );
    const ranking = [...vm.view.ranking].sort((a, b) => a.code.localeCompare(b.code));
    expect(ranking.map((r) => ({ code: r.code, cases: r.cases, concluded: r.concluded }))).toEqual(cases);
    // default order (no urut/arah): most cases first
    const shown = vm.view.ranking.map((r) => r.cases ?? 0);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    // internal mode: the notable regions are queried
    expect(vm.notableQuery.rows).not.toBeNull();
  });

  it('parses its params once from extras: mode=semua counts every cause, urut=nama&arah=naik orders by name', async () => {
    const { vm } = await settled('?tampilan=penyebab&wilayah=32&mode=semua&urut=nama&arah=naik');
    expect(vm.params).toMatchObject({ mode: 'any', sort: 'name', desc: false });
    expect(vm.shownMode).toBe('any');
    expect(vm.scopeQuery.state?.mode).toBe('any');

    const any = await directProfile(`province_code = '32'`, 'any');
    const primary = await directProfile(`province_code = '32'`, 'primary');
    expect(profileOf(vm)).toEqual(any);
    expect(any).not.toEqual(primary); // the check can tell the modes apart
    // any cause: a case counts under several causes, so the counts add up to more than the concluded cases
    const sum = vm.profile.reduce((a, r) => a + r.n, 0);
    expect(sum).toBeGreaterThan(vm.concluded);

    const names = vm.view.ranking.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('id-ID').compare));
    expect(vm.fileName('penyebab')).toBe('penyebab_32_semua');
  });

  it('setMode writes the URL (mode=semua); the next update re-queries in that mode', async () => {
    const { ctx, vm } = await settled('?tampilan=penyebab&wilayah=32');
    expect(vm.shownMode).toBe('primary');
    const before = profileOf(vm);
    vm.setMode('any');
    expect(new URLSearchParams(ctx.search).get('mode')).toBe('semua');
    expect(vm.params.mode).toBe('any');
    expect(vm.shownMode).toBe('primary'); // the rows shown are still the primary-mode answer
    ctx.update();
    await ctx.settle();
    expect(vm.shownMode).toBe('any');
    expect(profileOf(vm)).toEqual(await directProfile(`province_code = '32'`, 'any'));
    expect(profileOf(vm)).not.toEqual(before);
  });
});

describe('CausesModel (public mode)', () => {
  // a small regency in one semester: many true counts between 1 and 9
  const PLACE = 'wilayah=93&kabkota=93.01&periode=2024-1';
  const WHERE = `regency_code = '93.01' AND year = 2024 AND semester = 1`;

  it('publik=1&ambang=10: every count shown is published, none below the threshold, never 0; no notable list', async () => {
    const truth = await directProfile(WHERE, 'primary');
    expect(Object.values(truth).some((n) => n > 0 && n < 10)).toBe(true); // something to hide

    const { vm, engine } = await settled(`?tampilan=penyebab&${PLACE}&publik=1&ambang=10`);
    expect(vm.loading).toBe(false);
    expect(vm.error).toBeNull();
    expect(vm.model.disclosure).toEqual({ public: true, threshold: 10 });

    const cells: Cell[] = [vm.view.concluded];
    for (const { table } of vm.view.tables) {
      cells.push(...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.colTotals ?? []));
      if (table.total !== undefined) cells.push(table.total);
    }
    for (const s of vm.view.sections) cells.push(...s.items.map((i) => i.n));
    for (const r of vm.view.ranking) cells.push(r.cases, r.concluded);
    expect(cells.length).toBeGreaterThan(50);
    const bad = cells.filter((c) => c !== null && !(c >= 10));
    expect(bad).toEqual([]);
    expect(cells.some((c) => c === null)).toBe(true); // some counts were hidden

    // the place's concluded count is the p-table's value of the true count and cell key
    const { n, k } = await directConcluded(WHERE);
    expect(vm.view.concluded).toBe(published(n, k, 10));
    // each cause shown equals its published value (hidden ones null)
    const keys = await snap.rows<{ cause: string; n: number; k: number }>(
      `SELECT cause_code AS cause, count(DISTINCT case_id) AS n, sum(record_key) AS k FROM case_causes WHERE ${WHERE} AND is_primary GROUP BY 1`
    );
    const shown = new Map(vm.view.sections.flatMap((s) => s.items.map((i) => [i.cause, i.n] as const)));
    for (const r of keys) expect(shown.get(r.cause), r.cause).toBe(published(r.n, r.k, 10));

    // notable regions are never queried in public mode (their scores come from true counts)
    expect(vm.notableQuery.rows).toBeNull();
    expect(vm.view.notable).toBeNull();
    expect(engine.calls.length).toBe(4);
  });
});

describe('CausesModel (change of place)', () => {
  it('another province: the scope query answers the new place; while it runs, its state still names the old one', async () => {
    const { ctx, vm } = await settled('?tampilan=penyebab&wilayah=32');
    const old = profileOf(vm);
    ctx.go('?tampilan=penyebab&wilayah=53');
    expect(vm.scopeQuery.fetching).toBe(true);
    // rows and their state arrive together: the old rows are never labelled as the new place's
    expect(vm.scopeQuery.state?.f.province).toBe('32');
    expect(profileOf(vm)).toEqual(old);
    await ctx.settle();

    expect(vm.scopeQuery.state?.f.province).toBe('53');
    expect(vm.scopeQuery.fetching).toBe(false);
    const now = await directProfile(`province_code = '53'`, 'primary');
    expect(profileOf(vm)).toEqual(now);
    expect(now).not.toEqual(old);
    expect(vm.concluded).toBe((await directConcluded(`province_code = '53'`)).n);
    expect(vm.view.ranking.length).toBeGreaterThan(0);
    expect(vm.view.ranking.every((r) => r.code.startsWith('53.'))).toBe(true);
    expect(vm.place).toBe(vm.scopeNames.province);
  });
});
