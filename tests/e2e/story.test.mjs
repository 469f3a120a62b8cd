// The district story (PETIK AKSI presenter mode) as a presenter uses it: walked with the keyboard, the
// good-practice note kept in the link and in this browser, public-safe by default, charts downloaded
// as PNG and SVG and tables as CSV (checked against DuckDB), and printed to PDF one topic per page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { PDFDocument } from 'pdf-lib';
import { csvRows, publishedSql, query, useApp, withoutDemoMark } from './harness.mjs';

const GARUT = '/cerita/?wilayah=32&kabkota=32.05';
const fmt = new Intl.NumberFormat('id-ID');
const GROUPS = ['catin', 'bumil', 'nifas', 'baduta', 'balita'];

async function openStory(app, path, viewport) {
  const opened = await app.open(viewport ? { viewport } : undefined);
  await opened.page.goto(app.server.url + path);
  await opened.page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
  return opened;
}
const current = (page) => page.locator('section.screen.current');
const screenParam = (page) => new URL(page.url()).searchParams.get('layar') ?? '1';

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), buf: readFileSync(await dl.path()) };
}

describe('district story', () => {
  const app = useApp();

  it('walks the five screens with the keyboard; the note is kept in the link and in this browser', async () => {
    const { page, external, errors } = await openStory(app, GARUT);
    const titles = ['Kasus yang diaudit', 'Penyebab utama dibandingkan provinsi dan nasional', 'Intervensi yang diberikan', 'Kemajuan kalender audit', 'Praktik baik'];
    assert.equal(await current(page).locator('h2').textContent(), titles[0]);
    assert.equal(await page.textContent('[data-testid="story-position"]'), 'Layar 1 dari 5');
    for (let i = 1; i < 5; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('layar') === String(n), i + 1);
      assert.equal(await current(page).locator('h2').textContent(), titles[i]);
      assert.equal(await page.locator('section.screen:visible').count(), 1, 'one screen at a time');
    }
    await page.keyboard.press('ArrowRight'); // stays on the last
    assert.equal(screenParam(page), '5');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('layar'));
    assert.equal(await current(page).locator('h2').textContent(), titles[0]);
    await page.keyboard.press('End');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '5');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '4');
    await page.keyboard.press('End');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '5');

    // the note: typing (arrow keys included) edits it without moving the story
    const note = 'Posyandu keliling tiap Kamis; air bersih di 12 desa';
    await page.fill('[data-testid="story-note-input"]', note);
    await page.press('[data-testid="story-note-input"]', 'ArrowLeft');
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('catatan') === t, note);
    assert.equal(screenParam(page), '5');
    assert.equal(await page.textContent('[data-testid="story-note"]'), note);

    // the link reproduces the screen and the note in a fresh browser (no local storage)
    const link = page.url();
    const fresh = await app.open();
    await fresh.page.goto(link);
    await fresh.page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    assert.equal(await fresh.page.textContent('section.screen.current h2'), titles[4]);
    assert.equal(await fresh.page.textContent('[data-testid="story-note"]'), note);
    // and this browser remembers the note without it in the link
    await page.goto(app.server.url + GARUT + '&layar=5');
    await page.waitForSelector('[data-testid="story-note"]', { timeout: 60_000 });
    assert.equal(await page.textContent('[data-testid="story-note"]'), note);
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });

  it('is public-safe by default: published counts (p-table of DuckDB\'s count and key), "<5" below 5, shares withheld; publik=0 shows DuckDB counts', async () => {
    const rows = await query(`SELECT target_group, count(*)::INTEGER AS n, ${publishedSql('count(*)', 'sum(record_key)', 5)} AS p
      FROM cases WHERE regency_code = '32.05' AND year = 2025 AND semester = 2 GROUP BY 1`);
    const n = Object.fromEntries(GROUPS.map((g) => [g, rows.find((r) => r.target_group === g)?.n ?? 0]));
    const p = Object.fromEntries(GROUPS.map((g) => [g, rows.find((r) => r.target_group === g)?.p ?? null]));
    assert.ok(Object.values(n).some((v) => v < 5), 'the demo has small counts here (else this test proves nothing)');
    const { page } = await openStory(app, `${GARUT}&periode=2025-2`);
    assert.equal(await page.getAttribute('[data-testid="story"]', 'data-public'), 'true');
    for (const g of GROUPS) {
      const cells = page.locator(`[data-testid="story-cases-table"] tr[data-group="${g}"] td`);
      const count = (await cells.nth(0).textContent()).trim();
      if (p[g] === null) {
        assert.equal(count, '<5', g);
        assert.equal((await cells.nth(1).textContent()).trim(), '–', `${g}: share withheld`);
      } else assert.equal(count, fmt.format(p[g]), g);
    }
    // nothing on any screen shows a count below 5
    const shown = await page.$$eval('[data-count]', (els) => els.map((e) => e.getAttribute('data-count')));
    assert.ok(shown.length > 10);
    for (const v of shown) assert.ok(v === 'hidden' || Number(v) >= 5, `shown count ${v}`);

    // internal mode: every count as DuckDB says
    await page.click('[data-testid="story-public-toggle"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('publik') === '0');
    await page.waitForSelector('[data-testid="story"][data-public="false"]');
    await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    for (const g of GROUPS)
      assert.equal((await page.locator(`[data-testid="story-cases-table"] tr[data-group="${g}"] td`).nth(0).textContent()).trim(), fmt.format(n[g]));
  });

  it('downloads charts as PNG and SVG and tables as CSV equal to DuckDB', async () => {
    const { page } = await openStory(app, `${GARUT}&publik=0`);
    // PNG: decodes, at twice the chart's size
    const box = await page.locator('section.screen.current .chart').boundingBox();
    const png = await download(page, '[data-testid="story-cases-png"]');
    assert.match(png.name, /\.png$/);
    const img = PNG.sync.read(png.buf);
    assert.ok(Math.abs(img.width - 2 * box.width) <= 2, `PNG width ${img.width} vs 2×${box.width}`);
    assert.ok(img.height >= 2 * box.height - 2, `PNG height ${img.height} vs 2×${box.height}`);
    // SVG: a parseable vector drawing with one bar per target group that has cases
    const svg = (await download(page, '[data-testid="story-cases-svg"]')).buf.toString('utf8');
    assert.match(svg, /^<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, bars: doc.querySelectorAll('rect[data-series="n"]').length };
    }, svg);
    assert.equal(parsed.error, null);
    // the demo snapshot: the screen and the image caption carry the demo mark
    assert.equal(await page.textContent('section.screen.current [data-testid="demo-mark"]'), 'DATA DEMO (sintetis)');
    const caption = [...svg.matchAll(/class="export-caption"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' ');
    assert.ok(caption.startsWith('DATA DEMO (sintetis) — bukan hasil audit BKKBN'), `caption: ${caption.slice(0, 80)}`);
    const byGroup = await query(`SELECT target_group, count(*)::INTEGER AS n FROM cases WHERE regency_code = '32.05' GROUP BY 1`);
    assert.equal(parsed.bars, byGroup.filter((r) => r.n > 0).length);
    // CSV of the cases table
    const csv = csvRows(withoutDemoMark((await download(page, '[data-testid="story-cases-csv"]')).buf.toString('utf8')));
    assert.equal(csv.length, 1 + GROUPS.length);
    const counts = csv.slice(1).map((l) => Number(l[1]));
    assert.deepEqual(counts, GROUPS.map((g) => byGroup.find((r) => r.target_group === g)?.n ?? 0));
    // CSV of the interventions table (screen 3): totals per type equal DuckDB
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layar') === '3');
    const rec = await query(`SELECT intervention_code AS code, count(*)::INTEGER AS n,
      count(*) FILTER (WHERE status IN ('delivered','followed_up'))::INTEGER AS d FROM recommendations WHERE regency_code = '32.05' GROUP BY 1`);
    const lines = csvRows(withoutDemoMark((await download(page, '[data-testid="story-interventions-csv"]')).buf.toString('utf8')));
    const total = lines.at(-1);
    assert.equal(Number(total[1]), rec.reduce((a, r) => a + r.n, 0));
    assert.equal(Number(total[2]), rec.reduce((a, r) => a + r.d, 0));
    // the eight most recommended types, the others grouped in one line, and the total
    assert.equal(lines.length, 1 + Math.min(rec.length, 8) + (rec.length > 8 ? 1 : 0) + 1);
  });

  it('prints to PDF with one topic per page', async () => {
    const { page } = await openStory(app, `${GARUT}&layar=2`);
    await page.waitForSelector('[data-testid="story-calendar-table"]', { state: 'attached' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.getPageCount(), 5);
    const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    assert.ok(w > h, 'landscape');
  });

  it('the dashboard shares a public-safe link that reproduces the view, and opens the story of the selected regency', async () => {
    const { page, context } = await app.open();
    await page.goto(app.server.url + '/?wilayah=32&kabkota=32.05&periode=2025-2&indikator=coverage');
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('[data-testid="public-bar"]', 'data-public'), 'false');
    await page.click('[data-testid="share-open"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    const u = new URL(link);
    assert.equal(u.searchParams.get('publik'), '1');
    for (const [k, v] of [['wilayah', '32'], ['kabkota', '32.05'], ['periode', '2025-2'], ['indikator', 'coverage']]) assert.equal(u.searchParams.get(k), v);
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    assert.equal(await other.getAttribute('[data-testid="public-bar"]', 'data-public'), 'true');
    assert.equal(await other.inputValue('[data-testid="filter-indicator"]'), 'coverage');
    // the map table in public mode: no region shows fewer than 5 recommendations behind its value
    const ns = await other.$$eval('[data-testid="map-table"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('td:last-child')?.textContent?.trim() ?? ''));
    for (const n of ns) assert.ok(n === '' || n === '–' || Number(n.replace(/\./g, '')) >= 5, `n = ${n}`);
    // into the story of the selected regency
    await page.click('[data-testid="story-open"]');
    await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    assert.match(page.url(), /\/cerita\/\?.*kabkota=32\.05/);
    assert.equal(await page.getAttribute('[data-testid="story"]', 'data-public'), 'true');
  });
});
