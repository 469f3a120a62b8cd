// Issue 20 ("What the screens say"): what the map, legends, tooltips, exports and controls tell a user,
// checked in Chromium against direct DuckDB queries of the same snapshot (written here independently).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvRows, launch, openPage, query, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

// the SVG renderer: its regions take keyboard focus, which shows the tooltip without pointer coordinates
const app = useApp({ webgl: false });

const num = (v) => (v === null || v === '' ? null : Number(v));
const close = (a, b, msg) => assert.ok(Math.abs(a - b) < 1e-9, `${msg}: ${a} vs ${b}`);
const mapValue = (page, code) => page.getAttribute(`[data-testid="map-table"] [data-code="${code}"]`, 'data-value').then(num);
async function tooltipOf(page, code) {
  await page.focus(`[data-testid="map"] svg path[data-code="${code}"]`);
  await page.waitForSelector('[data-testid="map-tooltip"]');
  return (await page.textContent('[data-testid="map-tooltip"]')).replace(/\s+/g, ' ').trim();
}

/** Downloads a chart's SVG export and reads it back in the page: caption lines and text drawn outside its box. */
async function exportedSvg(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}-svg"]`)]);
  const text = readFileSync(await d.path(), 'utf8');
  const lines = [...text.matchAll(/class="export-caption"[^>]*>([^<]*)</g)].map((m) => m[1].replace(/&amp;/g, '&'));
  // the demo snapshot's mark comes first (src/lib/export/demoMark.svelte.ts), then the chart's caption
  assert.equal(lines[0], 'DATA DEMO (sintetis) — bukan hasil audit BKKBN');
  const caption = lines.slice(1);
  const outside = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return ['parse error'];
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:0;top:0;z-index:-1';
    host.append(document.importNode(doc.documentElement, true));
    document.body.append(host);
    const root = host.firstElementChild;
    const [vx, vy, vw, vh] = root.getAttribute('viewBox').split(/[\s,]+/).map(Number);
    const bad = [];
    const inside = (r, b) => r.left >= b.left - 0.5 && r.top >= b.top - 0.5 && r.right <= b.right + 0.5 && r.bottom <= b.bottom + 0.5;
    for (const t of root.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || (r.width === 0 && r.height === 0)) continue;
      // within the file's viewBox, and within every svg box that clips it (nested pictures clip by default)
      for (let a = t.parentElement; a && a !== host; a = a.parentElement)
        if (a instanceof SVGSVGElement && (a === root || getComputedStyle(a).overflow !== 'visible') && !inside(r, a.getBoundingClientRect()))
          bad.push(`${t.textContent.trim()} outside ${a === root ? `viewBox ${vx} ${vy} ${vw} ${vh}` : 'its chart'}`);
    }
    host.remove();
    return bad;
  }, text);
  return { text, caption, outside };
}

describe('what the screens say', () => {
  it('the cause-share map follows the Causes view mode and agrees with its heatmap and DuckDB', async () => {
    const { page, external } = await app.open();
    await page.goto(`${app.server.url}/?tampilan=penyebab&indikator=cause_share&penyebab=sanitasi`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const [{ primary }] = await query(`SELECT 100.0 * count(*) FILTER (WHERE primary_cause = 'sanitasi') / count(primary_cause) AS primary
      FROM cases WHERE province_code = '53'`);
    const [{ anyShare }] = await query(`SELECT 100.0 * count(DISTINCT case_id) FILTER (WHERE cause_code = 'sanitasi') / count(DISTINCT case_id) AS anyShare
      FROM case_causes WHERE province_code = '53'`);
    assert.ok(anyShare - primary > 5, 'the two modes differ for NTT sanitation');
    const cell = '[data-testid="cause-matrix"] tr[data-code="53"] td.cell[data-cause="sanitasi"]';

    // primary cause only (the view's default)
    close(await mapValue(page, '53'), primary, 'map, primary');
    close(num(await page.getAttribute(cell, 'data-share')), primary, 'heatmap, primary');
    assert.match(await page.textContent('[data-testid="legend"] figcaption'), /penyebab utama Jamban \/ sanitasi tidak layak \(%\)/);
    const tip = await tooltipOf(page, '53');
    assert.match(tip, /Nusa Tenggara Timur/);
    assert.match(tip, new RegExp(primary.toLocaleString('id-ID', { maximumFractionDigits: 1 }).replace('.', '\\.')));
    assert.match(tip, /Penyebab utama saja/);

    // any cause
    await page.click('[data-testid="cause-mode"] button[data-mode="any"]');
    await page.waitForSelector('[data-testid="causes"][data-mode="any"][data-loading="false"]', { timeout: 60_000 });
    await page.waitForFunction(
      (v) => Math.abs(Number(document.querySelector('[data-testid="map-table"] [data-code="53"]')?.getAttribute('data-value')) - v) < 1e-9,
      anyShare,
      { timeout: 30_000 }
    );
    await waitForMap(page);
    close(await mapValue(page, '53'), anyShare, 'map, any');
    close(num(await page.getAttribute(cell, 'data-share')), anyShare, 'heatmap, any');
    assert.match(await page.textContent('[data-testid="legend"] figcaption'), /semua penyebab/i);
    assert.match(await tooltipOf(page, '53'), /Semua penyebab/);
    assert.deepEqual(external, []);
  });

  it('calendar stage map: a stage legend with names, the stage in the tooltip, the semester shown, no causes note', async () => {
    const { page } = await app.open();
    const asOf = '2025-03-31';
    await page.goto(`${app.server.url}/?periode=2025-1&wilayah=32&indikator=calendar_stage&tampilan=kalender&per=${asOf}`);
    await waitForMap(page);
    const legend = await page.$$eval('[data-testid="legend"] li:not(.nodata) .label', (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(legend, [
      '0 · Belum ada tahap selesai', '1 · Pembentukan tim AKS', '2 · Identifikasi & seleksi kasus', '3 · Kajian tim pakar',
      '4 · Diseminasi', '5 · Rencana tindak lanjut (RTL)', '6 · Tindak lanjut & evaluasi'
    ]);
    assert.match(await page.textContent('[data-testid="legend"] figcaption'), /Tahap audit terjauh · 2025 Semester I$/);
    assert.equal(await page.$('[data-testid="shares-note"]'), null, 'no causes note');
    const [{ furthest }] = await query(`SELECT coalesce(max(CASE stage_code WHEN 'tim' THEN 1 WHEN 'seleksi' THEN 2 WHEN 'kajian' THEN 3
        WHEN 'diseminasi' THEN 4 WHEN 'rtl' THEN 5 WHEN 'evaluasi' THEN 6 END) FILTER (WHERE actual_date <= DATE '${asOf}'), 0) AS furthest
      FROM calendar WHERE regency_code = '32.01' AND year = 2025 AND semester = 1`);
    const tip = await tooltipOf(page, '32.01');
    assert.match(tip, new RegExp(`${furthest} · ${legend[furthest].slice(4).replace(/[()&]/g, '.')}`));

    // the period "all": the legend names the latest semester in the calendar (national: the median stage)
    const [{ y, s }] = await query(`SELECT year AS y, semester AS s FROM calendar ORDER BY year DESC, semester DESC LIMIT 1`);
    await page.goto(`${app.server.url}/?indikator=calendar_stage&tampilan=kalender&lang=en`);
    await waitForMap(page);
    await page.waitForFunction(() => /Semester/.test(document.querySelector('[data-testid="legend"] figcaption')?.textContent ?? ''));
    assert.equal(
      (await page.textContent('[data-testid="legend"] figcaption')).trim(),
      `Furthest audit stage (median of regencies) · ${y} Semester ${s === 1 ? 'I' : 'II'}`
    );
  });

  it('cause class headings read "Gizi spesifik 49,3%" (a space before the share)', async () => {
    const { page } = await app.open();
    await page.goto(`${app.server.url}/?tampilan=penyebab`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const [{ v }] = await query(`SELECT 100.0 * count(*) FILTER (WHERE primary_class = 'spesifik') / count(primary_class) AS v FROM cases`);
    const heads = await page.$$eval('[data-testid="cause-profile"] section h4', (els) => els.map((e) => e.innerText.trim()));
    const pct = v.toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    assert.ok(heads.includes(`Gizi spesifik ${pct}%`), JSON.stringify(heads));
    assert.ok(heads.some((h) => /^Gizi sensitif \d+,\d%$/.test(h)), JSON.stringify(heads));
  });

  it('side by side: a 5th pick is refused with a visible message, nothing dropped', async () => {
    const { page } = await app.open();
    await page.goto(`${app.server.url}/?tampilan=penyebab&wilayah=53`);
    await waitForMap(page, { level: 'regency' });
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const codes = await page.$$eval('[data-testid="ranking-table"] tbody tr[data-code]', (trs) => trs.slice(0, 5).map((tr) => tr.dataset.code));
    assert.equal(codes.length, 5);
    assert.equal(await page.$('[data-testid="compare-full"]'), null);
    for (const [i, c] of codes.slice(0, 4).entries()) {
      await page.check(`[data-compare="${c}"]`);
      await page.waitForFunction((n) => (new URL(location.href).searchParams.get('banding') ?? '').split(',').length === n, i + 1);
    }
    await page.waitForSelector('[data-testid="compare-full"]');
    assert.ok(await page.isVisible('[data-testid="compare-full"]'));
    assert.match(await page.textContent('[data-testid="compare-full"]'), /paling banyak 4/);
    assert.ok(await page.isDisabled(`[data-compare="${codes[4]}"]`), 'the 5th box is disabled');
    await page.click(`[data-compare="${codes[4]}"]`, { force: true });
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).searchParams.get('banding'), codes.slice(0, 4).join(','), 'the first four are kept');
    // unticking one frees a place
    await page.uncheck(`[data-compare="${codes[0]}"]`);
    await page.waitForSelector('[data-testid="compare-full"]', { state: 'detached' });
    assert.ok(!(await page.isDisabled(`[data-compare="${codes[4]}"]`)));
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }])
    it(`the share popover opens inside the viewport at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await app.open({ viewport });
      await page.goto(`${app.server.url}/?wilayah=53`);
      await waitForMap(page);
      await page.click('[data-testid="share-open"]');
      await page.waitForSelector('[data-testid="share-dialog"]', { state: 'visible' });
      await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="share-dialog"]')).visibility === 'visible');
      const box = await page.locator('[data-testid="share-dialog"]').boundingBox();
      const vw = await page.evaluate(() => document.documentElement.clientWidth);
      assert.ok(box.x >= 0, `left edge ${box.x}`);
      assert.ok(box.x + box.width <= vw, `right edge ${box.x + box.width} > ${vw}`);
      assert.ok(box.width > 200, 'wide enough to read the link');
      // the link field and the copy button are on screen and usable
      const btn = await page.locator('[data-testid="share-copy"]').boundingBox();
      assert.ok(btn.x >= 0 && btn.x + btn.width <= vw, 'copy button on screen');
    });

  it('CSV downloads open as numbers in Indonesian Excel (";", decimal comma, BOM) and in English with "," and dots', async () => {
    const { page } = await app.open();
    await page.goto(`${app.server.url}/?tampilan=penyebab`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const [{ share }] = await query(`SELECT round(100.0 * count(*) FILTER (WHERE primary_cause = 'anemia') / count(primary_cause), 1) AS share
      FROM cases WHERE province_code = '53'`);
    const save = async () => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="matrix-csv"]')]);
      return d.path();
    };
    const idPath = await save();
    const idText = withoutDemoMark(readFileSync(idPath, 'utf8'));
    assert.ok(idText.startsWith('\uFEFFkode;Provinsi;'), idText.slice(0, 40));
    assert.match(idText, /\r\n53;Nusa Tenggara Timur;\d+;/);
    assert.match(idText, new RegExp(`;${String(share).replace('.', ',')};`), 'a decimal comma');
    // what a spreadsheet set to ";" and "," reads: numbers, not text
    const [row] = await query(`SELECT "Anemia (%)" AS v, typeof("Anemia (%)") AS t FROM read_csv('${idPath}', delim = ';', decimal_separator = ',', header = true, auto_detect = true, skip = 1) WHERE kode = '53'`);
    assert.deepEqual([row.v, row.t], [share, 'DOUBLE']);
    assert.equal(csvRows(idText).length, 39);

    await page.goto(`${app.server.url}/?tampilan=penyebab&lang=en`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    const enText = withoutDemoMark(readFileSync(await save(), 'utf8'));
    assert.ok(enText.startsWith('\uFEFFkode,Province,'), enText.slice(0, 40));
    assert.match(enText, new RegExp(`,${String(share).replace('.', '\\.')},`), 'a decimal dot');
    assert.equal(csvRows(enText, 'en').length, 39);
  });

  it('chart SVG exports carry the caption (title, filters, data date, source) and cut no label', async () => {
    const { page } = await app.open();
    await page.goto(`${app.server.url}/?tampilan=penyebab&wilayah=53&periode=2024-1`);
    await waitForMap(page, { level: 'regency' });
    await page.waitForSelector('[data-testid="causes"][data-loading="false"]', { timeout: 60_000 });
    for (const [testid, title] of [['trend', 'Tren per semester'], ['profile', 'Profil penyebab: Nusa Tenggara Timur'], ['matrix', 'Penyebab × wilayah']]) {
      const { caption, outside } = await exportedSvg(page, testid);
      assert.equal(caption[0], title, `${testid} caption title`);
      const all = caption.join(' ');
      assert.match(all, /Penyebab utama saja/, `${testid}: the mode`);
      assert.match(all, /Nusa Tenggara Timur/, `${testid}: the place`);
      assert.match(all, /2024 Semester I/, `${testid}: the period`);
      assert.match(all, /Data per \d{1,2} \p{L}+ \d{4}/u, `${testid}: the data date`);
      assert.match(all, /Sumber: Peta AKS/, `${testid}: the source`);
      assert.deepEqual(outside, [], `${testid}: text outside the image`);
    }
    await page.goto(`${app.server.url}/?tampilan=intervensi`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="timeliness"]', { timeout: 60_000 });
    const { caption, outside } = await exportedSvg(page, 'timeliness');
    assert.equal(caption[0], 'Ketepatan waktu');
    assert.match(caption.join(' '), /Indonesia.*Data per.*Sumber: Peta AKS/);
    assert.deepEqual(outside, [], 'timeliness: text outside the image');
  });

  for (const webgl of [false, true])
    it(`while the data loads the map shows loading, not "Tidak ada data" (${webgl ? 'MapLibre' : 'SVG'})`, async () => {
      const browser = webgl ? await launch() : app.browser;
      try {
        const { page, context } = await openPage(browser);
        // no first-paint file (src/lib/paint), and every range read of the database answers late: the map
        // is drawn long before its values
        await context.route(/\.paint(-public)?\.json(\?|$)/, (route) => route.abort());
        await context.route(/\.duckdb(\?|$)/, async (route) => {
          await new Promise((r) => setTimeout(r, 400));
          await route.continue();
        });
        await page.goto(`${app.server.url}/`);
        await page.waitForSelector(`[data-testid="map"][data-renderer="${webgl ? 'webgl' : 'svg'}"][data-loading="true"]`, { timeout: 60_000 });
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-table"] [data-code]').length === 38, null, { timeout: 60_000 });
        assert.ok(await page.isVisible('[data-testid="map-loading"]'), 'a loading indicator on the map');
        assert.equal(await page.textContent('[data-testid="map-loading"]'), 'Memuat data…');
        assert.equal(await page.$('[data-testid="legend"] li.nodata'), null, 'no "Tidak ada data" in the legend');
        const shown = await page.$$eval('[data-testid="map-table"] [data-code]', (rows) => rows.map((r) => r.textContent));
        assert.ok(shown.every((t) => !t.includes('Tidak ada data')), 'no region reads "Tidak ada data"');
        if (!webgl) {
          const fills = await page.$$eval('[data-testid="map"] svg .regions path', (ps) => ps.map((p) => p.getAttribute('fill')));
          assert.equal(fills.length, 38);
          assert.deepEqual(fills.filter((f) => f.includes('hatch')), [], 'no region hatched');
        }
        assert.equal(await page.getAttribute('[data-testid="map"]', 'data-ready'), 'false');
        // then the data arrives: values, no loading indicator
        await waitForMap(page);
        assert.equal(await page.$('[data-testid="map-loading"]'), null);
        assert.equal(await page.getAttribute('[data-testid="map"]', 'data-loading'), 'false');
        assert.ok((await page.$$eval('[data-testid="map-table"] [data-code]', (rows) => rows.filter((r) => r.getAttribute('data-value') !== '').length)) > 30);
        await context.close();
      } finally {
        if (webgl) await browser.close();
      }
    });

  it('the calendar "as of" date reads day first (dd/mm/yyyy) in the Indonesian UI, typed or picked', async () => {
    const { page } = await app.open();
    await page.goto(`${app.server.url}/?periode=2025-1&tampilan=kalender&per=2025-03-31`);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="calendar"][data-loading="false"]', { timeout: 60_000 });
    const field = '[data-testid="calendar-asof"]';
    assert.equal(await page.inputValue(field), '31/03/2025');
    assert.equal(await page.getAttribute(field, 'type'), 'text');
    await page.fill(field, '20/01/2025');
    await page.press(field, 'Enter');
    await page.waitForURL(/per=2025-01-20/);
    await page.waitForSelector('[data-testid="calendar"][data-as-of="2025-01-20"]');
    assert.equal(await page.inputValue(field), '20/01/2025');
    // a day that does not exist is refused with a message, the date stays
    await page.fill(field, '31/02/2025');
    await page.press(field, 'Enter');
    await page.waitForSelector('[data-testid="calendar-asof-error"]');
    assert.match(await page.textContent('[data-testid="calendar-asof-error"]'), /hari\/bulan\/tahun/);
    assert.match(page.url(), /per=2025-01-20/);
    // the native picker (hidden, opened by the button) sets the same date
    await page.$eval('.asof input[type="date"]', (el) => {
      el.value = '2025-02-14';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForURL(/per=2025-02-14/);
    await page.waitForFunction(() => document.querySelector('[data-testid="calendar-asof"]').value === '14/02/2025');
  });
});
