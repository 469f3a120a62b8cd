// Maps that compare semesters (issue 18): the split view (small multiples, one shared legend) and the
// timeline, without WebGL (the SVG fallback; the small multiples are SVG anyway). Values against
// direct DuckDB queries, drill-down by click, keyboard stepping, the URL, and the PNG/SVG export.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { query, useApp, waitForMap } from './harness.mjs';

const app = useApp({ webgl: false });
const SEMS = ['2024-1', '2024-2', '2025-1', '2025-2'];
const SPLIT = `/?peta=semester&semester=${SEMS.join(',')}`;

/** Cases per region and semester, straight from the Parquet. */
async function casesBy(level, province = null) {
  const col = level === 'province' ? 'province_code' : 'regency_code';
  const rows = await query(`SELECT year || '-' || semester AS period, ${col} AS code, count(*)::INTEGER AS n FROM cases
    WHERE (year || '-' || semester) IN (${SEMS.map((s) => `'${s}'`).join(', ')}) ${province ? `AND province_code = '${province}'` : ''} GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.period}|${r.code}`, r.n]));
}

/** Per small map: its semester and every region's code, value and fill. */
function readSplit(page) {
  return page.$$eval('[data-testid="split-map"]', (figs) =>
    figs.map((f) => ({
      period: f.dataset.period,
      regions: [...f.querySelectorAll('path[data-code]')].map((p) => ({ code: p.getAttribute('data-code'), value: p.getAttribute('data-value'), fill: p.getAttribute('fill') }))
    }))
  );
}

async function waitSplit(page, n) {
  await page.waitForSelector('[data-testid="split-view"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="split-map"]').length === k, n);
}

describe('split view and timeline', () => {
  it('split view of 4 semesters: 4 maps whose values equal DuckDB, one legend shared by all, click drills down, PNG/SVG export', async () => {
    const { page, external } = await app.open();
    await page.goto(app.server.url + SPLIT);
    await waitSplit(page, 4);
    let maps = await readSplit(page);
    assert.deepEqual(maps.map((m) => m.period), SEMS);
    const want = await casesBy('province');
    for (const m of maps) {
      assert.equal(m.regions.length, 38, `${m.period}: 38 provinces`);
      for (const r of m.regions) assert.equal(Number(r.value), want.get(`${m.period}|${r.code}`) ?? 0, `${m.period} ${r.code}`);
    }
    // one classification for all maps: the legend's colour order follows the values over all four maps
    const colors = await page.$$eval('[data-testid="split-view"] [data-testid="legend"] li[data-class]:not([data-class="none"]) .swatch', (s) => s.map((e) => getComputedStyle(e).backgroundColor));
    const rgb = await page.evaluate((fills) => fills.map((f) => { const d = document.createElement('div'); d.style.color = f; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; }), maps.flatMap((m) => m.regions.map((r) => r.fill)));
    const all = maps.flatMap((m) => m.regions.map((r) => Number(r.value))).map((v, i) => ({ v, cls: colors.indexOf(rgb[i]) }));
    assert.ok(all.every((x) => x.cls >= 0), 'every fill is a legend colour');
    for (const a of all) for (const b of all) if (a.v < b.v) assert.ok(a.cls <= b.cls, `value ${a.v} class ${a.cls} vs ${b.v} class ${b.cls}`);
    assert.ok(new Set(all.map((x) => x.cls)).size >= 4, 'the shared legend uses its classes');

    // export: one image with the four maps and the demo caption
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="split-svg"]')]);
    const svg = readFileSync(await dl.path(), 'utf8');
    assert.match(svg, /^<svg\b/);
    assert.equal((svg.match(/data-period="/g) ?? []).length, 4, 'four maps in the image');
    assert.ok(svg.includes('DATA DEMO (sintetis)'), 'demo caption');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="split-png"]')]);
    assert.ok(readFileSync(await png.path()).subarray(1, 4).toString() === 'PNG');

    // click Jawa Barat in the 2025-I map: the four maps show its regencies
    await page.click('[data-testid="split-map"][data-period="2025-1"] path[data-code="32"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('wilayah') === '32');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="split-map"]')].every((f) => f.querySelectorAll('path[data-code^="32."]').length === 27));
    maps = await readSplit(page);
    const kab = await casesBy('regency', '32');
    for (const m of maps) for (const r of m.regions) assert.equal(Number(r.value), kab.get(`${m.period}|${r.code}`) ?? 0, `${m.period} ${r.code}`);
    assert.equal(new URL(page.url()).searchParams.get('semester'), SEMS.join(','));
    assert.deepEqual(external, []);
  });

  it('the timeline steps through the semesters by keyboard and buttons, in the URL, the map following', async () => {
    const { page } = await app.open();
    await page.goto(app.server.url + '/?peta=waktu&periode=2024-1');
    await waitForMap(page, { level: 'province' });
    const tl = page.locator('[data-testid="timeline"]');
    assert.equal(await tl.getAttribute('data-period'), '2024-1');
    const mapMatches = async (period) => {
      const [y, s] = period.split('-');
      const want = new Map((await query(`SELECT province_code AS code, count(*)::INTEGER AS n FROM cases WHERE year = ${y} AND semester = ${s} GROUP BY 1`)).map((r) => [r.code, r.n]));
      await page.waitForFunction(
        (w) => [...document.querySelectorAll('[data-testid="map-table"] tr[data-code]')].every((tr) => Number(tr.getAttribute('data-value') || 0) === (w[tr.getAttribute('data-code')] ?? 0)),
        Object.fromEntries(want), { timeout: 30_000 }
      );
      await waitForMap(page, { level: 'province' });
    };
    await tl.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2024-2');
    assert.equal(await tl.getAttribute('data-period'), '2024-2');
    await mapMatches('2024-2');
    await page.keyboard.press('End');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2025-2');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2025-1');
    await mapMatches('2025-1');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2022-1');
    await page.click('[data-testid="timeline-next"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2022-2');
    // play: it moves on by itself, pause stops it
    await page.click('[data-testid="timeline-play"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('periode') === '2023-1', null, { timeout: 10_000 });
    await page.click('[data-testid="timeline-play"]');
    assert.equal(await tl.getAttribute('data-playing'), 'false');
    const at = new URL(page.url()).searchParams.get('periode');
    await page.waitForTimeout(2000);
    assert.equal(new URL(page.url()).searchParams.get('periode'), at, 'paused');
    assert.equal(new URL(page.url()).searchParams.get('peta'), 'waktu');
  });
});
