// Issue 4: root-cause patterns and region comparison, as a user sees them, checked against direct
// DuckDB queries of the same published snapshot (written here independently of src/lib/queries).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { publishedSql, query, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

const app = useApp();

const READY = '[data-testid="causes"][data-loading="false"]';
async function openView(search) {
  const ctx = await app.open();
  await ctx.page.goto(`${app.server.url}/${search}`);
  await waitForMap(ctx.page);
  await ctx.page.waitForSelector(READY, { timeout: 60_000 });
  return ctx;
}
const attrs = (page, sel, names) =>
  page.$$eval(sel, (els, names) => els.map((e) => Object.fromEntries(names.map((n) => [n, e.getAttribute(`data-${n}`)]))), names);
const num = (v) => (v === null || v === '' ? null : Number(v));
/** RFC 4180 fields of one line of a CSV in the Indonesian UI: `;`-separated, decimal commas read back with a dot. */
const fields = (line) =>
  [...line.matchAll(/(?:^|;)(?:"((?:[^"]|"")*)"|([^;]*))/g)]
    .map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]))
    .map((v) => (/^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v));
const close = (a, b, msg) => assert.ok(Math.abs(a - b) < 1e-9, `${msg}: ${a} vs ${b}`);

describe('causes view', () => {
  it('profile equals DuckDB for primary and any cause, and the mode lives in the URL', async () => {
    const { page, external, errors } = await openView('?tampilan=penyebab&wilayah=32&periode=2024-1');
    const where = `province_code = '32' AND year = 2024 AND semester = 1`;
    const prim = await query(`SELECT primary_cause AS cause, count(*) AS n, sum(count(*)) OVER () AS total FROM cases
      WHERE ${where} AND primary_cause IS NOT NULL GROUP BY 1`);
    const got = await attrs(page, '[data-testid="cause-profile"] li', ['cause', 'n', 'total']);
    assert.equal(got.length, prim.length);
    const byCause = new Map(prim.map((r) => [r.cause, r]));
    for (const g of got) assert.deepEqual([num(g.n), num(g.total)], [byCause.get(g.cause).n, Number(byCause.get(g.cause).total)], g.cause);
    // the intro shows the concluded cases in id-ID grouping
    assert.match(await page.textContent('[data-testid="causes"] .intro'), new RegExp(Number(prim[0].total).toLocaleString('id-ID').replace('.', '\\.')));

    await page.click('[data-testid="cause-mode"] button[data-mode="any"]');
    await page.waitForSelector('[data-testid="causes"][data-mode="any"]');
    assert.match(page.url(), /mode=semua/);
    const any = await query(`SELECT cause_code AS cause, count(DISTINCT case_id) AS n FROM case_causes WHERE ${where} GROUP BY 1`);
    const [{ total }] = await query(`SELECT count(DISTINCT case_id) AS total FROM case_causes WHERE ${where}`);
    const got2 = await attrs(page, '[data-testid="cause-profile"] li', ['cause', 'n', 'total']);
    assert.equal(got2.length, any.length);
    const anyBy = new Map(any.map((r) => [r.cause, r.n]));
    for (const g of got2) assert.deepEqual([num(g.n), num(g.total)], [anyBy.get(g.cause), total], g.cause);
    await page.reload();
    await page.waitForSelector('[data-testid="causes"][data-mode="any"][data-loading="false"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('[data-testid="cause-mode"] button[data-mode="any"]', 'aria-pressed'), 'true');
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });

  it('matrix equals DuckDB; a cause heading colours the map, a region row drills in', async () => {
    const { page } = await openView('?tampilan=penyebab&sasaran=bumil');
    const exp = await query(`SELECT province_code AS code, primary_cause AS cause, count(*) AS n FROM cases
      WHERE target_group = 'bumil' AND primary_cause IS NOT NULL GROUP BY 1, 2`);
    const totals = new Map((await query(`SELECT province_code AS code, count(primary_cause) AS t FROM cases WHERE target_group = 'bumil' GROUP BY 1`)).map((r) => [r.code, r.t]));
    const cells = await page.$$eval('[data-testid="cause-matrix"] tbody td.cell', (els) =>
      els.map((e) => ({ code: e.closest('tr').dataset.code, total: e.closest('tr').dataset.total, cause: e.dataset.cause, n: e.dataset.n, title: e.title })));
    const expN = new Map(exp.map((r) => [`${r.code}|${r.cause}`, r.n]));
    assert.equal(new Set(cells.map((c) => c.code)).size, 38);
    for (const c of cells) {
      assert.equal(num(c.n), expN.get(`${c.code}|${c.cause}`) ?? 0, `${c.code} ${c.cause}`);
      assert.equal(num(c.total), totals.get(c.code), c.code);
    }
    // hover text: share and count
    const ntt = cells.find((c) => c.code === '53' && c.cause === 'anemia');
    assert.match(ntt.title, new RegExp(`\\(${expN.get('53|anemia')} dari ${totals.get('53').toLocaleString('id-ID').replace('.', '\\.')} kasus\\)`));

    await page.click('[data-testid="cause-matrix"] thead button[data-cause="anemia"]');
    await page.waitForSelector('[data-indicator="cause_share"]');
    await page.waitForSelector('[data-testid="cause-matrix"][data-sort="anemia"]');
    assert.match(page.url(), /indikator=cause_share/);
    assert.match(page.url(), /penyebab=anemia/);
    await waitForMap(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="map-table"] [data-code="73"]')?.getAttribute('data-value') !== '');
    // the map counts like the view's tables: primary cause only in the default mode (issue 20)
    const share = await query(`SELECT province_code AS code, 100.0 * count(*) FILTER (WHERE primary_cause = 'anemia') / count(primary_cause) AS v
      FROM cases WHERE target_group = 'bumil' AND primary_cause IS NOT NULL GROUP BY 1`);
    const map = Object.fromEntries((await attrs(page, '[data-testid="map-table"] [data-code]', ['code', 'value'])).map((r) => [r.code, num(r.value)]));
    for (const r of share) close(map[r.code], r.v, r.code);
    // rows sorted by the anemia share, highest first
    const order = await page.$$eval('[data-testid="cause-matrix"] tbody td.cell[data-cause="anemia"]', (els) => els.map((e) => Number(e.dataset.share)));
    assert.deepEqual(order, [...order].sort((a, b) => b - a));

    await page.click('[data-testid="cause-matrix"] tr[data-code="73"] th a');
    await waitForMap(page, { level: 'regency' });
    assert.match(page.url(), /wilayah=73/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="cause-matrix"] tbody tr')].every((tr) => tr.dataset.code.startsWith('73.')));
    const regs = await query(`SELECT count(DISTINCT regency_code) AS n FROM case_causes WHERE province_code = '73' AND target_group = 'bumil'`);
    assert.equal((await page.$$('[data-testid="cause-matrix"] tbody tr')).length, regs[0].n);
    // a regency row selects the regency: the profile follows it
    await page.click('[data-testid="cause-matrix"] tr[data-code="73.01"] th a');
    await page.waitForFunction(() => location.search.includes('kabkota=73.01'));
    await page.waitForFunction(() => document.querySelector('[data-testid="causes"] .intro')?.textContent.includes('Selayar'));
    const [sel] = await query(`SELECT count(primary_cause) AS t FROM cases WHERE regency_code = '73.01' AND target_group = 'bumil'`);
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="cause-profile"] li')].every((li) => li.dataset.total === String(t)), sel.t);
  });

  it('trend per semester equals DuckDB for the province and the nation', async () => {
    const { page } = await openView('?tampilan=penyebab&wilayah=53&periode=2024-1');
    await page.click('[data-testid="causes"] details summary');
    const cells = await attrs(page, '[data-testid="trend-table"] td[data-cause="sanitasi"]', ['period', 'scope', 'n', 'total']);
    const exp = await query(`SELECT 'province' AS scope, year || '-' || semester AS period, count(*) FILTER (WHERE primary_cause = 'sanitasi') AS n,
        count(primary_cause) AS total FROM cases WHERE province_code = '53' GROUP BY ALL HAVING count(primary_cause) > 0
      UNION ALL SELECT 'nation', year || '-' || semester, count(*) FILTER (WHERE primary_cause = 'sanitasi'), count(primary_cause)
        FROM cases GROUP BY ALL HAVING count(primary_cause) > 0`);
    assert.equal(cells.length, 16, '8 semesters × 2 scopes');
    const byKey = new Map(exp.map((e) => [`${e.scope}|${e.period}`, e]));
    for (const c of cells) {
      const e = byKey.get(`${c.scope}|${c.period}`);
      assert.deepEqual([num(c.n), num(c.total)], [e.n, e.total], `${c.scope} ${c.period}`);
    }
    assert.ok((await page.$$('[data-testid="cause-trend"] figure')).length > 5, 'small multiples drawn');
    const title = await page.textContent('[data-testid="cause-trend"] figure[data-cause="sanitasi"] circle title');
    assert.match(title, /kasus\)$/);
  });

  it('ranking equals DuckDB, searches, sorts, compares side by side and exports CSV', async () => {
    const { page } = await openView('?tampilan=penyebab&wilayah=53&periode=2024-2');
    const exp = await query(`SELECT c.code, c.cases, r.rec, r.del, k.reached FROM
        (SELECT regency_code AS code, count(*) AS cases FROM cases WHERE province_code = '53' AND year = 2024 AND semester = 2 GROUP BY 1) c
        LEFT JOIN (SELECT regency_code AS code, count(*) AS rec, count(*) FILTER (WHERE status <> 'planned') AS del FROM recommendations
                   WHERE province_code = '53' AND year = 2024 AND semester = 2 GROUP BY 1) r ON r.code = c.code
        LEFT JOIN (SELECT regency_code AS code, max(stage_order) AS reached FROM calendar
                   WHERE province_code = '53' AND year = 2024 AND semester = 2 AND actual_date IS NOT NULL GROUP BY 1) k ON k.code = c.code`);
    const rows = await attrs(page, '[data-testid="ranking-table"] tbody tr[data-code]', ['code', 'cases', 'coverage', 'furthest', 'evaluated']);
    assert.equal(rows.length, exp.length);
    const byCode = new Map(exp.map((e) => [e.code, e]));
    for (const r of rows) {
      const e = byCode.get(r.code);
      assert.equal(num(r.cases), e.cases, r.code);
      if (e.rec) close(num(r.coverage), (100 * e.del) / e.rec, r.code);
      else assert.equal(num(r.coverage), null, `${r.code}: no recommendations, no coverage`);
      assert.equal(num(r.furthest), e.reached, r.code);
      assert.equal(num(r.evaluated), e.reached === 6 ? 1 : 0, r.code);
    }
    const cases = rows.map((r) => num(r.cases));
    assert.deepEqual(cases, [...cases].sort((a, b) => b - a), 'default: most cases first');
    // top 3 causes of the first row
    const top = await query(`SELECT primary_cause AS c FROM cases WHERE regency_code = '${rows[0].code}' AND year = 2024 AND semester = 2
      AND primary_cause IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`);
    assert.equal(await page.getAttribute(`[data-testid="ranking-table"] tr[data-code="${rows[0].code}"]`, 'data-top'), top.map((t) => t.c).join(','));

    await page.click('[data-testid="ranking-table"] button[data-sort="coverage"]');
    await page.waitForSelector('[data-testid="ranking-table"][data-sort="coverage"]');
    assert.match(page.url(), /urut=cakupan/);
    const cov = (await attrs(page, '[data-testid="ranking-table"] tbody tr[data-code]', ['coverage'])).map((r) => num(r.coverage));
    assert.deepEqual(cov, [...cov].sort((a, b) => b - a));

    await page.fill('[data-testid="ranking-search"]', 'kupang');
    await page.waitForFunction(() => location.search.includes('cari=kupang'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ranking-table"] tbody tr[data-code]').length === 2);
    const found = (await attrs(page, '[data-testid="ranking-table"] tbody tr[data-code]', ['code'])).map((r) => r.code).sort();
    assert.deepEqual(found, ['53.01', '53.71']);

    // side by side: two regencies against the province and the nation
    assert.ok(await page.isVisible('[data-testid="side-hint"]'));
    await page.check('[data-compare="53.01"]');
    await page.waitForFunction(() => location.search.includes('banding=53.01'));
    await page.check('[data-compare="53.71"]');
    await page.waitForSelector('[data-testid="side-by-side"]');
    assert.match(page.url(), /banding=53\.01%2C53\.71|banding=53\.01,53\.71/);
    const heads = await page.$$eval('[data-testid="side-by-side"] thead th[data-code]', (els) => els.map((e) => e.dataset.code));
    assert.deepEqual(heads, ['53.01', '53.71', 'province', 'nation']);
    const sideExp = await query(`SELECT 'k' AS k, count(*) FILTER (WHERE regency_code = '53.71' AND primary_cause = 'sanitasi') AS a,
      count(*) FILTER (WHERE province_code = '53' AND primary_cause = 'sanitasi') AS p, count(*) FILTER (WHERE primary_cause = 'sanitasi') AS n
      FROM cases WHERE year = 2024 AND semester = 2`);
    const side = Object.fromEntries((await attrs(page, '[data-testid="side-by-side"] tr[data-cause="sanitasi"] td', ['code', 'n'])).map((r) => [r.code, num(r.n)]));
    assert.deepEqual([side['53.71'], side.province, side.nation], [sideExp[0].a, sideExp[0].p, sideExp[0].n]);

    // CSV of the (searched, sorted) ranking
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="ranking-csv"]')]);
    const csv = withoutDemoMark(readFileSync(await download.path(), 'utf8'));
    assert.ok(csv.startsWith('\uFEFF'), 'BOM');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines.length, 3);
    for (const line of lines.slice(1)) {
      const f = fields(line);
      const e = byCode.get(f[0]);
      assert.equal(Number(f[2]), e.cases, f[0]);
      assert.equal(f[10], e.rec ? String(Math.round((1000 * e.del) / e.rec) / 10) : '', f[0]);
    }
  });

  it('lists notable regions with the planted patterns, exports the matrix, and shows an empty state', async () => {
    const { page } = await openView('?tampilan=penyebab');
    const list = await attrs(page, '[data-testid="notable-list"] li', ['code', 'cause']);
    assert.deepEqual(list[0], { code: '53', cause: 'sanitasi' });
    assert.ok(list.some((r) => r.code === '63' && r.cause === 'pernikahan_dini'), 'Kalimantan Selatan early marriage');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="matrix-csv"]')]);
    const lines = withoutDemoMark(readFileSync(await download.path(), 'utf8')).slice(1).trim().split('\r\n');
    assert.equal(lines.length, 39);
    const head = fields(lines[0]);
    const i = head.indexOf('Anemia (n)');
    assert.ok(i > 0);
    const jateng = fields(lines.find((l) => l.startsWith('33;')));
    const [e] = await query(`SELECT count(*) AS n FROM cases WHERE province_code = '33' AND primary_cause = 'anemia'`);
    assert.equal(Number(jateng[i]), e.n);

    await page.goto(`${app.server.url}/?tampilan=penyebab&periode=2021-1`);
    await page.waitForSelector('[data-testid="causes-empty"]', { timeout: 60_000 });
    await page.goto(`${app.server.url}/?tampilan=penyebab&lang=en&wilayah=35`);
    await page.waitForSelector(READY, { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="causes"] h2'), /Root-cause patterns/);
    const jatim = await attrs(page, '[data-testid="notable-list"] li', ['code', 'cause']);
    assert.deepEqual(jatim[0], { code: '35.29', cause: 'pernikahan_dini' });
  });
});

describe('causes view in public-safe mode', () => {
  // Nusa Tenggara Timur, 2024-I, baduta: regencies with 0–7 concluded cases (DuckDB below)
  const WHERE = `province_code = '53' AND year = 2024 AND semester = 1 AND target_group = 'baduta'`;
  const SEARCH = '?tampilan=penyebab&wilayah=53&periode=2024-1&sasaran=baduta';
  /** A shown count: "<5" (small) or an id-ID number; null for anything else ("×" no longer exists). */
  const count = (s) => (s.trim() === '<5' ? '<5' : /^[\d.]+$/.test(s.trim()) ? Number(s.trim().replace(/\./g, '')) : null);
  const ok = (v) => v === '<5' || v >= 5;

  it('shows published counts (p-table of DuckDB\'s count and key), "<5" below 5, on screen, in the DOM and in the CSV', async () => {
    const { page, errors } = await openView(`${SEARCH}&publik=1`);
    assert.match(await page.textContent('[data-testid="causes-public-note"]'), /Mode publik: angka sedikit disesuaikan \(paling banyak ±3\) dan angka di bawah 5 disembunyikan/);
    const cells = await query(`SELECT regency_code AS code, primary_cause AS cause, count(*) AS n, ${publishedSql('count(*)', 'sum(record_key)', 5)} AS p
      FROM cases WHERE ${WHERE} AND primary_cause IS NOT NULL GROUP BY 1, 2`);
    const totals = await query(`SELECT regency_code AS code, count(primary_cause) AS t,
      ${publishedSql('count(primary_cause)', 'coalesce(sum(record_key) FILTER (WHERE primary_cause IS NOT NULL), 0)', 5)} AS p
      FROM cases WHERE ${WHERE} GROUP BY 1 HAVING count(primary_cause) > 0`);
    assert.ok(cells.some((c) => c.n < 5), 'the place has small counts');
    const shown = await page.$$eval('[data-testid="cause-matrix"] tbody tr', (trs) => trs.map((tr) => ({
      code: tr.dataset.code, total: tr.querySelector('td.num').textContent, dataTotal: tr.dataset.total,
      cells: [...tr.querySelectorAll('td.cell')].map((td) => ({ cause: td.dataset.cause, text: td.textContent, n: td.dataset.n, title: td.title }))
    })));
    assert.equal(shown.length, totals.length);
    const n = new Map(cells.map((c) => [`${c.code}|${c.cause}`, c.p]));
    const tot = new Map(totals.map((r) => [r.code, r.p]));
    let small = 0;
    for (const row of shown) {
      const t = tot.get(row.code);
      assert.equal(row.total.trim(), t === null ? '<5' : new Intl.NumberFormat('id-ID').format(t), `${row.code} total published ${t}`);
      const c = count(row.total);
      assert.ok(ok(c), `${row.code} total shows ${row.total}`);
      assert.ok(row.dataTotal === '' || Number(row.dataTotal) >= 5, `${row.code} data-total ${row.dataTotal}`);
      for (const cell of row.cells) {
        // published by the p-table from DuckDB's count and key; a cause with no case is "<5" too
        const v = n.get(`${row.code}|${cell.cause}`) ?? null;
        if (v === null) {
          small++;
          assert.equal(cell.text.trim(), '<5', `${row.code} ${cell.cause}: published ${v}`);
          assert.equal(cell.n, '', 'no raw count in the DOM');
          assert.match(cell.title, /\(<5 dari /);
        } else if (cell.n !== '') assert.equal(Number(cell.n), v, `${row.code} ${cell.cause}`);
      }
    }
    assert.ok(small > 10);
    // profile: "n dari total kasus" never shows a count below 5; no bar for a withheld share
    const prof = await page.$$eval('[data-testid="cause-profile"] li', (lis) => lis.map((li) => ({ n: li.querySelector('.n').textContent, bar: !!li.querySelector('.bar span'), pct: li.querySelector('.pct').textContent })));
    assert.ok(prof.length > 0);
    for (const p of prof) {
      const [, a, b] = p.n.match(/^(.+) dari (.+) kasus$/);
      for (const v of [a, b]) assert.ok(ok(count(v)), `profile shows ${p.n}`);
      if (typeof count(a) === 'string') assert.deepEqual([p.bar, p.pct.trim()], [false, '–']);
    }
    // ranking: cases / concluded columns
    const rank = await page.$$eval('[data-testid="ranking-table"] tbody tr[data-code]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td.num')].slice(0, 2).map((td) => td.textContent)));
    for (const r of rank.flat()) assert.ok(ok(count(r)), `ranking shows ${r}`);
    // no data-n / data-total / data-cases attribute anywhere in the view holds a count below 5
    const attrs = await page.$$eval('[data-testid="causes"] [data-n], [data-testid="causes"] [data-total], [data-testid="causes"] [data-cases], [data-testid="causes"] [data-concluded]',
      (els) => els.flatMap((e) => ['n', 'total', 'cases', 'concluded'].map((k) => e.dataset[k]).filter((v) => v !== undefined && v !== '')));
    assert.deepEqual(attrs.filter((v) => Number(v) < 5), []);

    for (const which of ['matrix', 'ranking', 'profile', 'trend']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${which}-csv"]`)]);
      const lines = withoutDemoMark(readFileSync(await download.path(), 'utf8')).slice(1).trim().split('\r\n');
      const head = fields(lines[0]);
      const countCol = (h) => h.endsWith('(n)') || h === 'n' || ['Kasus', 'Dengan kesimpulan', 'Kasus berkesimpulan'].includes(h) || h.endsWith(' Kasus berkesimpulan');
      let hidden = 0;
      for (const line of lines.slice(1))
        fields(line).forEach((v, j) => {
          if (!countCol(head[j]) || v === '') return;
          if (v === '<5') hidden++;
          else assert.ok(Number(v) >= 5, `${which} CSV ${head[j]} = ${v}`);
        });
      assert.ok(hidden > 0, `${which} CSV marks hidden counts`);
    }
    assert.deepEqual(errors, []);
  });

  it('exports a chart as a PNG that decodes and as a parseable SVG', async () => {
    const { page } = await openView(SEARCH);
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="profile-png"]')]);
    assert.match(png.suggestedFilename(), /\.png$/);
    const img = PNG.sync.read(readFileSync(await png.path()));
    assert.ok(img.width > 100 && img.height > 20, `${img.width}×${img.height}`);
    const [svg] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="trend-svg"]')]);
    assert.match(svg.suggestedFilename(), /\.svg$/);
    const text = readFileSync(await svg.path(), 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length, w: doc.documentElement.getAttribute('width') };
    }, text);
    assert.deepEqual([parsed.root, parsed.error], ['svg', 0]);
    assert.ok(Number(parsed.w) > 0);
    // the trend's PNG too
    const [png2] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="trend-png"]')]);
    assert.ok(PNG.sync.read(readFileSync(await png2.path())).width > 100);
  });
});
