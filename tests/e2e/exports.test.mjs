// Exports as a user gets them: the calendar's charts (PNG, SVG, CSV) and the map's vector image, under
// the production Content-Security-Policy of deploy/nginx.conf and offline (harness aborts any request
// leaving 127.0.0.1). PNG decodes at 2× the element's box (plus the caption block), SVG parses and
// embeds Noto Sans as data URLs, CSV values equal direct DuckDB queries of the same snapshot.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { csvRows, query, root, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

const AS_OF = '2025-03-31';
/** The line every export of the demo snapshot carries (src/lib/export/demoMark.svelte.ts). */
const DEMO_LINE = 'DATA DEMO (sintetis) — bukan hasil audit BKKBN';
const URL_CAL = `/?periode=2025-1&wilayah=32&indikator=calendar_stage&tampilan=kalender&per=${AS_OF}&wil=32.01,32.03`;
// compose.ts CAPTION: pad 10, line 17 → height of n caption lines
const captionHeight = (n) => (n > 0 ? 10 + n * 17 + 5 : 0);
const CSP = /Content-Security-Policy "([^"]+)"/.exec(readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8'))[1];

/** A page whose HTML documents carry the production CSP. */
async function openWithCsp(app) {
  const opened = await app.open();
  await opened.page.route('**/*', async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    if (req.resourceType() !== 'document' || u.hostname !== '127.0.0.1') return route.fallback();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  return opened;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), buf: readFileSync(await dl.path()) };
}

/** Root size of an SVG document, checked for xmlns and viewBox, and well-formed per the browser's parser. */
async function checkSvg(page, text) {
  const root = /^<svg\b[^>]*>/.exec(text)?.[0];
  assert.ok(root, 'starts with <svg');
  assert.match(root, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const vb = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(root);
  assert.ok(vb, 'viewBox');
  const width = Number(/\swidth="([\d.]+)"/.exec(root)[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)[1]);
  assert.equal(Number(vb[1]), width);
  assert.equal(Number(vb[2]), height);
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, paths: doc.querySelectorAll('path').length };
  }, text);
  assert.equal(parsed.error, null, 'SVG parses');
  assert.equal(parsed.root, 'svg');
  // the app's font travels inside the file; nothing points outside it
  assert.match(text, /@font-face\{font-family:'Noto Sans';[^}]*src:url\(data:font\/woff2;base64,/);
  // no resource outside the file (links of <a> elements are not resources)
  const external = [...text.matchAll(/url\((?!data:|#|&quot;data:|"data:|'data:)[^)]{0,80}|<(?:image|img|use)\b[^>]*?\b(?:xlink:href|href|src)="(?!data:|#)[^"]{0,80}/g)].map((m) => m[0]);
  assert.deepEqual(external, [], 'no external resource in the SVG');
  return { width, height, paths: parsed.paths };
}

/**
 * Draws the SVG with and without its @font-face rules (no Noto Sans is installed on the system) and
 * tells whether the pictures differ, i.e. the embedded font is loaded and used, under the page's CSP.
 */
async function embeddedFontDraws(page, svg) {
  return page.evaluate(async (s) => {
    const draw = async (text) => {
      const img = new Image();
      await new Promise((ok, fail) => {
        img.onload = ok;
        img.onerror = fail;
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
      });
      await img.decode().catch(() => {});
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, c.width, c.height).data;
    };
    const a = await draw(s);
    const b = await draw(s.replace(/@font-face\{[^}]*\}/g, ''));
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff > 100;
  }, svg);
}

function checkPng(buf, width, height) {
  const png = PNG.sync.read(buf);
  assert.ok(Math.abs(png.width - 2 * width) <= 2, `PNG width ${png.width} vs 2×${width}`);
  assert.ok(Math.abs(png.height - 2 * height) <= 2, `PNG height ${png.height} vs 2×${height}`);
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 160 && png.data[i + 3] > 0) ink++;
  assert.ok(ink > 500, `the PNG is not blank (${ink} dark pixels)`);
  return png;
}

/** Parses our CSV (BOM, Indonesian `;` and decimal commas, RFC 4180 quotes; csvRows) into objects keyed by header. */
function parseCsv(text) {
  const [head, ...body] = csvRows(text, 'id');
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const iso = (d) => (d ? new Date(d).toISOString().slice(0, 10) : '');
const app = useApp();

describe('exports', () => {
  it('calendar charts: PNG at 2×, vector-free SVG with font and caption, CSV equal to DuckDB, under the CSP', async () => {
    const { page, external, errors } = await openWithCsp(app);
    await page.goto(app.server.url + URL_CAL);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="calendar"][data-loading="false"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="calendar-timeline"][data-code="32.03"]');
    // the CSP is really in force: an inline data: font is refused by font-src 'self'
    const blocked = await page.evaluate(async () => {
      const f = new FontFace('Probe', 'url(data:font/woff2;base64,AAAA)');
      return f.load().then(() => 'loaded', (e) => String(e));
    });
    assert.notEqual(blocked, 'loaded');

    const charts = {
      status: { title: 'Status kab/kota', el: () => document.querySelector('[data-testid="calendar-status"]').parentElement },
      gantt: { title: 'Jadwal tahapan', el: () => document.querySelector('[data-testid="calendar-gantt"]').parentElement },
      completion: { title: 'Penyelesaian tahap', el: () => document.querySelector('table[data-testid="calendar-completion"]') },
      timeline: { title: 'Lini waktu kab/kota', el: () => document.querySelector('[data-testid="calendar-timeline"]').parentElement }
    };
    const csvs = {};
    for (const [key, c] of Object.entries(charts)) {
      const box = await page.evaluate(`(() => { const e = (${c.el.toString()})(); return { w: e.offsetWidth, h: e.offsetHeight }; })()`);
      assert.ok(box.w > 50 && box.h > 20, `${key} box`);
      const svg = await download(page, `[data-testid="calendar-${key}-export-svg"]`);
      assert.match(svg.name, /^kalender_.+_32_2025-1_per-2025-03-31\.svg$/);
      const text = svg.buf.toString('utf8');
      const size = await checkSvg(page, text);
      const caption = [...text.matchAll(/class="export-caption"[^>]*>([^<]*)</g)].map((m) => m[1]);
      // the demo snapshot: the caption opens with the demo mark, then the title
      assert.ok(caption.join(' ').startsWith(`${DEMO_LINE} ${c.title}`), `${key} caption demo mark and title: ${caption.slice(0, 3).join(' | ')}`);
      assert.ok(caption.some((l) => l.includes('31 Maret 2025')), `${key} caption as-of date`);
      assert.ok(caption.some((l) => l.includes('Jawa Barat')), `${key} caption place`);
      assert.equal(size.width, box.w, `${key} SVG width = element width`);
      assert.ok(Math.abs(size.height - (box.h + captionHeight(caption.length))) <= 1, `${key} SVG height ${size.height}`);
      if (key === 'gantt') assert.ok(await embeddedFontDraws(page, text), 'the embedded Noto Sans is used when the SVG is drawn');
      const png = await download(page, `[data-testid="calendar-${key}-export-png"]`);
      assert.match(png.name, /\.png$/);
      checkPng(png.buf, size.width, size.height);
      const csv = await download(page, `[data-testid="calendar-${key}-export-csv"]`);
      csvs[key] = parseCsv(withoutDemoMark(csv.buf.toString('utf8')));
    }

    // status counts of the province's regencies (the app's rules re-stated in SQL, see calendar.test.mjs)
    const st = await query(`
      WITH w AS (SELECT stage_code, CAST(end_date AS DATE) AS win_end FROM read_csv('${join(root, 'data', 'reference', 'calendar-windows.csv')}',
              header = true, all_varchar = true) WHERE year = '2025' AND semester = '1'),
      s AS (SELECT regency_code, CASE WHEN actual_date <= DATE '${AS_OF}' THEN actual_date END AS done, win_end
            FROM calendar JOIN w USING (stage_code) WHERE year = 2025 AND semester = 1 AND province_code = '32'),
      r AS (SELECT regency_code, count(done) AS n_done, count(*) FILTER (WHERE done IS NULL AND win_end < DATE '${AS_OF}') AS overdue FROM s GROUP BY 1)
      SELECT CASE WHEN n_done = 6 THEN 'done' WHEN n_done = 0 THEN 'not_started' WHEN overdue > 0 THEN 'late' ELSE 'on_track' END AS status, count(*) AS n
      FROM r GROUP BY 1`);
    const total = st.reduce((a, r) => a + r.n, 0);
    assert.equal(csvs.status.length, 5);
    for (const row of csvs.status) {
      const want = st.find((r) => r.status === row.status)?.n ?? 0;
      assert.equal(Number(row.jumlah_kab_kota), want, `status ${row.status}`);
      assert.ok(Math.abs(Number(row.persen) - (100 * want) / total) < 1e-9);
    }

    // stage windows: the same as the strip shows
    const windows = await page.$$eval('[data-testid="calendar-gantt"] li', (lis) => lis.map((l) => [l.dataset.stage, l.dataset.start, l.dataset.end]));
    assert.deepEqual(csvs.gantt.map((r) => [r.kode_tahap, r.mulai, r.selesai]), windows);
    assert.deepEqual(windows[0], ['tim', '2025-01-15', '2025-03-31']);

    // stage completion: Indonesia and the province, each stage
    const comp = await query(`SELECT coalesce(province_code, '00') AS code, stage_code, count(*) FILTER (WHERE actual_date <= DATE '${AS_OF}') AS done, count(*) AS n
      FROM calendar WHERE year = 2025 AND semester = 1 GROUP BY GROUPING SETS ((province_code, stage_code), (stage_code))`);
    const shownCodes = new Set(csvs.completion.map((r) => r.kode));
    assert.deepEqual([...shownCodes].sort(), ['00', '32']);
    assert.equal(csvs.completion.length, 12);
    for (const row of csvs.completion) {
      const e = comp.find((c) => c.code === row.kode && c.stage_code === row.kode_tahap);
      assert.equal(Number(row.selesai), e.done, `done ${row.kode}/${row.kode_tahap}`);
      assert.equal(Number(row.jumlah_kab_kota), e.n);
      assert.ok(Math.abs(Number(row.persen) - (100 * e.done) / e.n) < 1e-9);
    }

    // timeline: planned and actual (as of the date) of both regencies
    const tl = await query(`SELECT regency_code, stage_code, planned_date, CASE WHEN actual_date <= DATE '${AS_OF}' THEN actual_date END AS actual
      FROM calendar WHERE year = 2025 AND semester = 1 AND regency_code IN ('32.01', '32.03') ORDER BY regency_code, stage_order`);
    assert.deepEqual(
      csvs.timeline.map((r) => [r.kode, r.kode_tahap, r.Rencana, r.Realisasi]),
      tl.map((r) => [r.regency_code, r.stage_code, iso(r.planned_date), iso(r.actual)])
    );

    assert.deepEqual(external, []);
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/i.test(e) && !/Probe|AAAA/.test(e)), [], 'no CSP violation from the exports');
  });

  it('map: vector SVG with one path per region, legend and attribution; PNG at 2×', async () => {
    const { page, external } = await openWithCsp(app);
    await page.goto(`${app.server.url}/?periode=2025-1&indikator=calendar_on_track&tampilan=kalender&per=${AS_OF}`);
    await waitForMap(page, { level: 'province' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-table"] [data-code]').length === 38);
    const regions = await page.$$eval('[data-testid="map-table"] [data-code]', (rows) => rows.length);
    const svg = await download(page, '[data-testid="map-svg"]');
    const text = svg.buf.toString('utf8');
    const size = await checkSvg(page, text);
    assert.equal(size.paths, regions, 'one <path> per region shown');
    assert.match(text, /geoBoundaries/);
    const mark = [...text.matchAll(/<text class="demo-mark"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' ');
    assert.equal(mark, DEMO_LINE, 'the demo mark on the map image');
    assert.equal(await page.textContent('header [data-testid="demo-mark"]'), 'DATA DEMO (sintetis)', 'the header shows the demo mark');
    const legend = [...text.matchAll(/<g class="legend-entry">/g)].length;
    const shownLegend = await page.$$eval('[data-testid="legend"] li', (lis) => lis.length);
    assert.equal(legend, shownLegend, 'legend entries as on screen');
    const png = await download(page, '[data-testid="map-png"]');
    checkPng(png.buf, size.width, size.height);
    assert.deepEqual(external, []);
  });
});
