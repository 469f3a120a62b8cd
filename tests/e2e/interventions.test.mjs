// Issue 5: intervention coverage and follow-up, as a user sees it, checked against direct DuckDB
// queries of the same published snapshot (written here independently of src/lib/queries).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { csvRows, publishedSql, query, root, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'static', 'data', 'current.json'), 'utf8'));
const DATA_DATE = manifest.dataDate;
const DELIVERED = `status IN ('delivered', 'followed_up')`;
const PAST_DUE = `status = 'planned' AND due_date < DATE '${DATA_DATE}'`;

const app = useApp();
async function openView(search) {
  const ctx = await app.open();
  await ctx.page.goto(`${app.server.url}/${search}`);
  await waitForMap(ctx.page);
  await ctx.page.waitForSelector('[data-testid="interventions"][data-loading="false"]', { timeout: 60_000 });
  return ctx;
}
const attrs = (page, sel, names) =>
  page.$$eval(sel, (els, names) => els.map((e) => Object.fromEntries(names.map((n) => [n, e.getAttribute(`data-${n}`)]))), names);
const num = (v) => (v === null || v === '' ? null : Number(v));

describe('interventions view', () => {
  it('funnel by type and by agency equals DuckDB, specific apart from sensitive', async () => {
    const { page, external, errors } = await openView('?tampilan=intervensi&periode=2024-1&wilayah=32');
    const where = `province_code = '32' AND year = 2024 AND semester = 1`;
    const [tot] = await query(`SELECT count(*) AS rec, count(*) FILTER (WHERE ${DELIVERED}) AS del,
      count(*) FILTER (WHERE status = 'followed_up') AS fu, count(*) FILTER (WHERE ${PAST_DUE}) AS pd FROM recommendations WHERE ${where}`);
    const card = async (id) => (await attrs(page, `[data-testid="funnel-${id}"]`, ['recommended', 'delivered', 'followed-up', 'past-due']))[0];
    assert.deepEqual(await card('total'), { recommended: String(tot.rec), delivered: String(tot.del), 'followed-up': String(tot.fu), 'past-due': String(tot.pd) });
    for (const cls of ['spesifik', 'sensitif']) {
      const [c] = await query(`SELECT count(*) AS rec, count(*) FILTER (WHERE ${DELIVERED}) AS del FROM recommendations WHERE ${where} AND intervention_class = '${cls}'`);
      const got = await card(cls);
      assert.equal(num(got.recommended), c.rec, cls);
      assert.equal(num(got.delivered), c.del, cls);
    }
    // the visible total uses id-ID grouping
    assert.match(await page.textContent('[data-testid="funnel-total"]'), new RegExp(tot.rec.toLocaleString('id-ID').replace('.', '\\.')));

    const check = async (col) => {
      const expected = await query(`SELECT ${col} AS key, intervention_class AS cls, count(*) AS rec, count(*) FILTER (WHERE ${DELIVERED}) AS del,
        count(*) FILTER (WHERE status = 'followed_up') AS fu, count(*) FILTER (WHERE ${PAST_DUE}) AS pd
        FROM recommendations WHERE ${where} GROUP BY ALL`);
      const rows = await attrs(page, '[data-testid="funnel-table"] tr[data-key]', ['key', 'cls', 'recommended', 'delivered', 'followed-up', 'past-due']);
      assert.equal(rows.length, expected.length);
      const byKey = new Map(expected.map((e) => [`${e.key}|${e.cls}`, e]));
      for (const r of rows) {
        const e = byKey.get(`${r.key}|${r.cls}`);
        assert.ok(e, `${r.key} ${r.cls} expected`);
        assert.deepEqual([num(r.recommended), num(r.delivered), num(r['followed-up']), num(r['past-due'])], [e.rec, e.del, e.fu, e.pd], r.key);
      }
      return rows;
    };
    const byType = await check('intervention_code');
    // specific rows come first, then sensitive ones
    const firstSens = byType.findIndex((r) => r.cls === 'sensitif');
    assert.ok(firstSens > 0 && byType.slice(firstSens).every((r) => r.cls === 'sensitif'));

    await page.click('[data-testid="funnel-by"] button[data-by="agency"]');
    await page.waitForSelector('[data-testid="funnel-table"][data-by="agency"]');
    assert.match(page.url(), /menurut=opd/);
    await check('agency_code');
    // the URL restores the breakdown
    await page.reload();
    await page.waitForSelector('[data-testid="funnel-table"][data-by="agency"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('[data-testid="funnel-by"] button[data-by="agency"]', 'aria-pressed'), 'true');
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });

  it('coverage map values and counts equal DuckDB, nationally and inside a province', async () => {
    const { page } = await openView('?tampilan=intervensi&indikator=coverage&sasaran=baduta');
    const table = async () =>
      Object.fromEntries((await attrs(page, '[data-testid="map-table"] [data-code]', ['code', 'value'])).map((r) => [r.code, num(r.value)]));
    const expected = async (col, where) =>
      Object.fromEntries(
        (await query(`SELECT ${col} AS code, 100.0 * count(*) FILTER (WHERE ${DELIVERED}) / count(*) AS v FROM recommendations WHERE ${where} GROUP BY 1`)).map((r) => [r.code, r.v])
      );
    let got = await table();
    let exp = await expected('province_code', `target_group = 'baduta'`);
    assert.equal(Object.keys(got).length, 38);
    for (const [code, v] of Object.entries(got)) {
      if (exp[code] === undefined) assert.equal(v, null, code);
      else assert.ok(Math.abs(v - exp[code]) < 1e-9, `${code}: ${v} vs ${exp[code]}`);
    }
    // the counts column shows the recommendations behind each value
    const [ntt] = await query(`SELECT count(*) AS n FROM recommendations WHERE target_group = 'baduta' AND province_code = '53'`);
    const nttCount = await page.textContent('[data-testid="map-table"] [data-code="53"] td:last-child');
    assert.equal(nttCount.trim(), ntt.n.toLocaleString('id-ID'));

    await page.goto(`${app.server.url}/?tampilan=intervensi&indikator=coverage&sasaran=baduta&wilayah=53`);
    await waitForMap(page, { level: 'regency' });
    got = await table();
    exp = await expected('regency_code', `target_group = 'baduta' AND province_code = '53'`);
    assert.ok(Object.keys(got).every((c) => c.startsWith('53.')));
    for (const [code, v] of Object.entries(got)) {
      if (exp[code] === undefined) assert.equal(v, null, code);
      else assert.ok(Math.abs(v - exp[code]) < 1e-9, `${code}: ${v} vs ${exp[code]}`);
    }
  });

  it('lists past-due regions worst first and compares regions with a sortable table and CSV', async () => {
    const { page } = await openView('?tampilan=intervensi&periode=2024-2');
    const per = await query(`SELECT province_code AS code, count(*) AS rec, count(*) FILTER (WHERE ${DELIVERED}) AS del,
      count(*) FILTER (WHERE ${PAST_DUE}) AS pd FROM recommendations WHERE year = 2024 AND semester = 2 GROUP BY 1`);
    const worst = per
      .filter((r) => r.pd > 0)
      .sort((a, b) => b.pd - a.pd || b.pd / b.rec - a.pd / a.rec || a.code.localeCompare(b.code))
      .slice(0, 10);
    const list = await attrs(page, '[data-testid="overdue-list"] li', ['code', 'past-due']);
    assert.deepEqual(list.map((r) => [r.code, num(r['past-due'])]), worst.map((r) => [r.code, r.pd]));
    assert.ok(worst.length > 0, 'the demo has past-due recommendations');

    // comparison table: default coverage ascending; values equal DuckDB
    const rows = await attrs(page, '[data-testid="coverage-table"] tbody tr', ['code', 'recommended', 'delivered', 'coverage', 'past-due']);
    assert.equal(rows.length, per.length);
    const byCode = new Map(per.map((r) => [r.code, r]));
    for (const r of rows) {
      const e = byCode.get(r.code);
      assert.equal(num(r.recommended), e.rec);
      assert.equal(num(r.delivered), e.del);
      assert.equal(num(r['past-due']), e.pd);
    }
    const cov = rows.map((r) => num(r.coverage));
    assert.deepEqual(cov, [...cov].sort((a, b) => a - b), 'sorted by coverage ascending');

    await page.click('[data-testid="coverage-table"] button[data-sort="past_due"]');
    await page.waitForSelector('[data-testid="coverage-table"][data-sort="past_due"]');
    assert.match(page.url(), /urut=lewat/);
    const pds = (await attrs(page, '[data-testid="coverage-table"] tbody tr', ['past-due'])).map((r) => num(r['past-due']));
    assert.deepEqual(pds, [...pds].sort((a, b) => b - a), 'sorted by past due, most first');
    assert.equal(await page.getAttribute('[data-testid="coverage-table"] th[aria-sort]', 'aria-sort'), 'descending');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="coverage-csv"]')]);
    const lines = csvRows(withoutDemoMark(readFileSync(await download.path(), 'utf8')));
    assert.equal(lines.length, per.length + 1);
    const first = lines[1];
    const top = byCode.get(first[0]);
    assert.deepEqual([Number(first[2]), Number(first[3]), Number(first[6])], [top.rec, top.del, top.pd]);
  });

  it('shows an empty state for a period without recommendations, and English on request', async () => {
    const { page } = await openView('?tampilan=intervensi&periode=2021-1');
    assert.ok(await page.isVisible('[data-testid="interventions-empty"]'));
    await page.goto(`${app.server.url}/?tampilan=intervensi&lang=en&periode=2024-1`);
    await page.waitForSelector('[data-testid="interventions"][data-loading="false"]', { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="interventions"] h2'), /Intervention coverage/);
    assert.ok((await page.$$('[data-testid="timeliness"] [data-code]')).length > 0, 'timeliness strips drawn');
  });

  it('public mode: published counts (p-table of DuckDB\'s count and key), "<5" below 5, no visible or exported count below 5', async () => {
    // Papua (94), 2024-1, baduta: regencies with 2–7 recommendations (checked below with DuckDB)
    const where = `province_code = '94' AND year = 2024 AND semester = 1 AND target_group = 'baduta'`;
    const { page, errors } = await openView('?tampilan=intervensi&periode=2024-1&sasaran=baduta&wilayah=94&publik=1');
    assert.match(await page.textContent('[data-testid="interventions-public-note"]'), /Mode publik: angka sedikit disesuaikan/);
    const per = await query(`SELECT regency_code AS code, count(*) AS rec, ${publishedSql('count(*)', 'sum(record_key)', 5)} AS p
      FROM recommendations WHERE ${where} GROUP BY 1`);
    assert.ok(per.some((r) => r.rec < 5), 'the demo has a regency with fewer than 5 recommendations here');
    // every regency's recommended count is its published value (a regency without any reads "<5" too)
    const pubOf = new Map(per.map((r) => [r.code, r.p]));
    const recCells = await page.$$eval('[data-testid="coverage-table"] tr[data-code]', (trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code'), text: (tr.querySelector('td:nth-child(2)')?.textContent ?? '').trim(), raw: tr.getAttribute('data-recommended') })));
    assert.ok(recCells.length > 0);
    let differs = 0;
    for (const c of recCells) {
      const p = pubOf.get(c.code) ?? null;
      assert.equal(c.text, p === null ? '<5' : new Intl.NumberFormat('id-ID').format(p), `${c.code}: published ${p}`);
      assert.equal(c.raw, p === null ? null : String(p), `${c.code}: only the published value in the DOM`);
      const rec = per.find((r) => r.code === c.code)?.rec ?? 0;
      if (p !== null && p !== rec) differs++;
    }
    assert.ok(differs > 0, 'some published counts differ from the true ones');
    assert.doesNotMatch(await page.textContent('[data-testid="interventions"]'), /×/);
    // every count visible in the cards and tables is "<5" or at least 5; percentages aside
    const texts = await page.$$eval(
      '[data-testid="interventions"] .card .n, [data-testid="funnel-table"] td.num, [data-testid="coverage-table"] td.num:not(.cov), [data-testid="overdue-list"] .n',
      (els) => els.map((e) => e.textContent ?? '')
    );
    assert.ok(texts.length > 20);
    let hidden = 0;
    for (const text of texts) {
      const counts = text.replace(/\([^)]*\)/g, '').replace(/[\d.,]+\s?%/g, '').match(/<?\d[\d.]*/g) ?? [];
      for (const c of counts) {
        if (c === '<5') hidden++;
        else assert.ok(Number(c.replace(/\./g, '')) >= 5, `visible count ${c} in "${text}"`);
      }
    }
    assert.ok(hidden > 0, 'some counts are hidden');
    // data attributes carry only shown values too
    const attrsAll = await page.$$eval('[data-testid="interventions"] [data-recommended], [data-testid="interventions"] [data-delivered], [data-testid="interventions"] [data-past-due]',
      (els) => els.flatMap((e) => ['data-recommended', 'data-delivered', 'data-followed-up', 'data-past-due', 'data-n'].map((a) => e.getAttribute(a)).filter((v) => v !== null)));
    for (const v of attrsAll) assert.ok(Number(v) >= 5, `data attribute ${v}`);
    // the CSV files hold the same published values
    for (const id of ['coverage', 'funnel']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${id}-csv"]`)]);
      const csv = withoutDemoMark(readFileSync(await download.path(), 'utf8'));
      const cells = csvRows(csv).slice(1).flat();
      let hiddenCsv = 0;
      for (const c of cells) {
        if (c === '<5') hiddenCsv++;
        else if (/^\d+$/.test(c)) assert.ok(Number(c) >= 5 || c === '' , `${id} CSV count ${c}`);
      }
      assert.ok(hiddenCsv > 0, `${id} CSV hides some counts`);
    }
    assert.deepEqual(errors, []);
  });

  it('exports the timeliness chart as a PNG that decodes and an SVG that parses', async () => {
    const { page } = await openView('?tampilan=intervensi&periode=2024-1');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="timeliness-png"]')]);
    assert.match(png.suggestedFilename(), /\.png$/);
    const img = PNG.sync.read(readFileSync(await png.path()));
    assert.ok(img.width > 0 && img.height > 0, `PNG ${img.width}×${img.height}`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="timeliness-svg"]')]);
    const text = readFileSync(await svg.path(), 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length };
    }, text);
    assert.deepEqual(parsed, { root: 'svg', error: 0 });
  });
});

