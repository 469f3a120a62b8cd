// Issue 6: the audit calendar status board as a user sees it, checked against direct DuckDB queries
// of the same snapshot at a fixed as-of date. The rules are re-stated here in plain SQL (not the app's
// query builders), so a wrong rule in the app fails the test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, root, useApp, waitForMap, withoutDemoMark } from './harness.mjs';

// mid-May: the team (to 31 March) and case selection (to 30 April) windows have ended, the expert review is open
const AS_OF = '2025-05-15';
const YEAR = 2025;
const SEM = 1;
// Stage windows: read straight from the calendar file (data/reference/calendar-windows.csv), not from the snapshot.
const WINDOWS_CSV = join(root, 'data', 'reference', 'calendar-windows.csv');
const STAGE_ORDER = ['tim', 'seleksi', 'kajian', 'diseminasi', 'rtl', 'evaluasi'];

/** Per regency: status, furthest stage, days late, overdue stages — the rules of src/lib/calendar/status.ts. */
async function expectedRegions(asOf = AS_OF, year = YEAR, sem = SEM) {
  const ord = STAGE_ORDER.map((c, i) => `WHEN '${c}' THEN ${i + 1}`).join(' ');
  return query(`
    WITH w AS (SELECT stage_code, CASE stage_code ${ord} END AS ord, CAST(end_date AS DATE) AS end_date
      FROM read_csv('${WINDOWS_CSV}', header = true, all_varchar = true) WHERE year = '${year}' AND semester = '${sem}'),
    s AS (
      SELECT c.province_code, c.regency_code, w.ord,
        CASE WHEN c.actual_date <= DATE '${asOf}' THEN c.actual_date END AS done,
        w.end_date AS win_end
      FROM calendar c JOIN w USING (stage_code) WHERE c.year = ${year} AND c.semester = ${sem}
    ),
    r AS (
      SELECT province_code, regency_code AS code, count(done) AS n_done,
        count(*) FILTER (WHERE done IS NULL AND win_end < DATE '${asOf}') AS overdue,
        coalesce(max(ord) FILTER (WHERE done IS NOT NULL), 0) AS furthest,
        greatest(0, max(CASE WHEN done IS NOT NULL THEN date_diff('day', win_end, done)
                              WHEN win_end < DATE '${asOf}' THEN date_diff('day', win_end, DATE '${asOf}') ELSE 0 END)) AS days_late
      FROM s GROUP BY ALL
    )
    SELECT *, CASE WHEN DATE '${asOf}' < make_date(${year}, ${sem === 1 ? 1 : 7}, 1) THEN 'not_begun'
      WHEN n_done = 6 THEN 'done' WHEN n_done = 0 THEN 'not_started' WHEN overdue > 0 THEN 'late' ELSE 'on_track' END AS status
    FROM r ORDER BY code`);
}

const num = (v) => (v === null || v === '' ? null : Number(v));
async function mapTable(page) {
  return page.$$eval('[data-testid="map-table"] [data-code]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-value')]))
  );
}
async function ready(page) {
  await waitForMap(page);
  await page.waitForSelector('[data-testid="calendar"][data-loading="false"]', { timeout: 60_000 });
}

const app = useApp();

describe('audit calendar', () => {
  it('national board: map share on schedule, status counts, stage completion and the late list equal DuckDB', async () => {
    const { page, external, errors } = await app.open();
    await page.goto(`${app.server.url}/?periode=${YEAR}-${SEM}&indikator=calendar_on_track&tampilan=kalender&per=${AS_OF}`);
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-table"] [data-code]').length === 38);
    assert.equal(await page.getAttribute('[data-testid="calendar"]', 'data-as-of'), AS_OF);
    assert.equal(await page.getAttribute('[data-testid="calendar"]', 'data-semester'), `${YEAR}-${SEM}`);

    const regions = await expectedRegions();
    assert.equal(regions.length, 514);
    const statuses = new Set(regions.map((r) => r.status));
    assert.ok(statuses.has('late') && statuses.has('on_track'), 'the fixed date gives a mix of statuses');

    // map: share of each province's regencies on track or done
    const map = await mapTable(page);
    for (const [code, v] of Object.entries(map)) {
      const mine = regions.filter((r) => r.province_code === code);
      const want = (100 * mine.filter((r) => r.status === 'on_track' || r.status === 'done').length) / mine.length;
      assert.ok(Math.abs(num(v) - want) < 1e-9, `province ${code}: ${v} vs ${want}`);
    }

    // status counts
    const counts = await page.$$eval('[data-testid="calendar-status"] li[data-status]', (lis) =>
      Object.fromEntries(lis.map((l) => [l.getAttribute('data-status'), Number(l.getAttribute('data-n'))]))
    );
    for (const s of ['not_begun', 'not_started', 'late', 'on_track', 'done'])
      assert.equal(counts[s], regions.filter((r) => r.status === s).length, `status ${s}`);

    // stage completion: Indonesia and each province, per stage
    const comp = await query(`SELECT coalesce(province_code, '00') AS code, stage_code,
        100.0 * count(*) FILTER (WHERE actual_date <= DATE '${AS_OF}') / count(*) AS pct
      FROM calendar WHERE year = ${YEAR} AND semester = ${SEM} GROUP BY GROUPING SETS ((province_code, stage_code), (stage_code))`);
    const shown = await page.$$eval('[data-testid="calendar-completion"] tbody tr', (trs) =>
      trs.flatMap((tr) => [...tr.querySelectorAll('td[data-stage]')].map((td) => ({
        code: tr.getAttribute('data-code'), stage: td.getAttribute('data-stage'), pct: Number(td.getAttribute('data-pct')), text: td.textContent.trim()
      })))
    );
    assert.equal(shown.length, 39 * 6);
    for (const c of comp) {
      const s = shown.find((x) => x.code === c.code && x.stage === c.stage_code);
      assert.ok(s && Math.abs(s.pct - c.pct) < 1e-9, `completion ${c.code}/${c.stage_code}`);
    }
    // the visible text is the id-ID percentage of the nation's team formation
    const natTim = comp.find((c) => c.code === '00' && c.stage_code === 'tim');
    const natText = shown.find((x) => x.code === '00' && x.stage === 'tim').text;
    assert.equal(natText, `${natTim.pct.toFixed(1).replace('.', ',')}%`);

    // behind schedule: every regency with days late > 0, sorted by days late (desc)
    const late = regions.filter((r) => r.days_late > 0);
    const rows = await page.$$eval('[data-testid="calendar-late"] tbody tr', (trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code'), days: Number(tr.getAttribute('data-days-late')), status: tr.getAttribute('data-status') }))
    );
    assert.equal(rows.length, late.length);
    for (const r of rows) {
      const e = late.find((x) => x.code === r.code);
      assert.ok(e, `late ${r.code}`);
      assert.equal(r.days, e.days_late, `days late ${r.code}`);
      assert.equal(r.status, e.status, `status ${r.code}`);
    }
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].days >= rows[i].days, 'sorted by days late');

    // the gantt shows the six windows with dates of the semester
    const gantt = await page.$$eval('[data-testid="calendar-gantt"] li', (lis) => lis.map((l) => [l.dataset.stage, l.dataset.start, l.dataset.end]));
    assert.deepEqual(gantt[0], ['tim', '2025-01-15', '2025-03-31']);
    assert.deepEqual(gantt[5], ['evaluasi', '2025-09-01', '2025-12-15']);
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);
  });

  it('province: the map colours each regency by its status, with a status legend', async () => {
    const { page, external } = await app.open();
    await page.goto(`${app.server.url}/?periode=${YEAR}-${SEM}&wilayah=53&indikator=calendar_on_track&tampilan=kalender&per=${AS_OF}`);
    await ready(page);
    const regions = (await expectedRegions()).filter((r) => r.province_code === '53');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="map-table"] [data-code]').length === n, regions.length);
    const map = await mapTable(page);
    const ORDER = ['not_begun', 'not_started', 'late', 'on_track', 'done']; // REGION_STATUSES
    for (const r of regions) assert.equal(num(map[r.code]), ORDER.indexOf(r.status), `status ${r.code}`);
    const legend = await page.textContent('[data-testid="legend"]');
    assert.match(legend, /Status jadwal audit/);
    for (const label of ['Terlambat', 'Sesuai jadwal', 'Selesai']) assert.match(legend, new RegExp(label));
    assert.deepEqual(external, []);
  });

  it('province: furthest stage on the map, timeline, sorting, CSV and as-of in the URL', async () => {
    const { page, external } = await app.open();
    await page.goto(`${app.server.url}/?periode=${YEAR}-${SEM}&wilayah=32&indikator=calendar_stage&tampilan=kalender&per=${AS_OF}&wil=32.01,32.03`);
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-table"] [data-code]').length === 27);
    const regions = (await expectedRegions()).filter((r) => r.province_code === '32');
    const map = await mapTable(page);
    for (const r of regions) assert.equal(num(map[r.code]), r.furthest, `furthest ${r.code}`);

    // timeline of two regencies, state per stage against DuckDB
    await page.waitForSelector('[data-testid="calendar-timeline"][data-code="32.03"]');
    const tl = await page.$$eval('[data-testid="calendar-timeline"] tbody tr', (trs) =>
      trs.map((tr) => ({ code: tr.closest('section').dataset.code, stage: tr.dataset.stage, state: tr.dataset.state, days: Number(tr.dataset.daysLate) }))
    );
    assert.equal(tl.length, 12);
    const raw = await query(`SELECT regency_code, stage_code, actual_date <= DATE '${AS_OF}' AS done FROM calendar
      WHERE year = ${YEAR} AND semester = ${SEM} AND regency_code IN ('32.01', '32.03')`);
    for (const r of tl) {
      const e = raw.find((x) => x.regency_code === r.code && x.stage_code === r.stage);
      assert.equal(r.state.startsWith('done'), e.done === true, `${r.code}/${r.stage} done`);
    }

    // sort by name: the URL keeps it, rows follow
    await page.click('[data-testid="calendar-late"] thead button >> nth=0');
    await page.waitForURL(/urut=name/);
    const names = await page.$$eval('[data-testid="calendar-late"] tbody th', (ths) => ths.map((t) => t.textContent.trim()));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'id-ID')));

    // CSV: BOM, header, one line per late regency
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="calendar-late-csv"]')]);
    const csv = withoutDemoMark(readFileSync(await download.path(), 'utf8'));
    assert.ok(csv.startsWith('\uFEFFkode;'), 'BOM + header (Indonesian Excel: ";")');
    assert.equal(csv.trim().split('\r\n').length - 1, regions.filter((r) => r.days_late > 0).length);

    // a new as-of date goes into the URL and changes the statuses
    // the as-of field is written day first (dd/mm/yyyy) and applies on Enter
    await page.fill('[data-testid="calendar-asof"]', '20/01/2025');
    await page.press('[data-testid="calendar-asof"]', 'Enter');
    await page.waitForURL(/per=2025-01-20/);
    await page.waitForSelector('[data-testid="calendar"][data-as-of="2025-01-20"][data-loading="false"]');
    const early = await expectedRegions('2025-01-20');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="calendar-status"] li[data-status="on_track"]')?.getAttribute('data-n') === String(n),
      early.filter((r) => r.province_code === '32' && r.status === 'on_track').length
    );
    assert.deepEqual(external, []);
  });
});
