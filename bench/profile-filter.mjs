// Where a filter change's time goes: `npx tsx bench/profile-filter.mjs [size] [n]` (after `vite build`).
// For each change: ms until the coordinator's queries resolved, until the last Svelte update ran
// (a microtask after the results), until the map's data-ready went false→true, and the raw SQL time.
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { manifestFor, serve } from './server.mjs';
import { changePlan } from './measure.mjs';

const root = new URL('..', import.meta.url).pathname;
const size = Number(process.argv[2] ?? 1000000);
const n = Number(process.argv[3] ?? 12);
const dir = size ? join(root, `data/snapshots/scale-${size}`) : join(root, 'data/snapshots/demo');
const manifest = manifestFor(dir, size ? `scale-${size}` : 'demo');
const server = await serve(join(root, 'build'), { manifest, dbPath: join(dir, 'snapshot.duckdb') });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => (m.text().startsWith('[peta-aks] engine') || m.type() === 'error') && console.log(m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t0 = Date.now();
await page.goto(server.url + '/');
await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
await page.waitForFunction(() => window.__peta?.coordinator?.busy === 0);
console.log('cold', Date.now() - t0, 'ms', await page.evaluate(() => performance.now()));
const rows = [];
for (const step of changePlan(n)) {
  rows.push(
    await page.evaluate(async (arg) => {
      const c = window.__peta.coordinator;
      const map = document.querySelector('[data-testid="map"]');
      const m = window.__petaMap;
      const marks = {};
      const u0 = c.stats.updates;
      let sawBusy = false;
      const obs = new MutationObserver(() => {
        if (map.dataset.ready === 'false' && !sawBusy) { sawBusy = true; marks.mapBusy = performance.now() - t0; }
        if (map.dataset.ready === 'true' && sawBusy) marks.readyAttr = performance.now() - t0;
      });
      m.once('idle', () => (marks.idle = performance.now() - t0));
      obs.observe(map, { attributes: true, attributeFilter: ['data-ready'] });
      let sourcedata = 0;
      const onSrc = (e) => { if (e.sourceId === 'regions' && e.isSourceLoaded) sourcedata = performance.now() - t0; };
      m.on('sourcedata', onSrc);
      let renders = 0; let lastRender = 0;
      const onRender = () => { renders++; lastRender = performance.now() - t0; };
      m.on('render', onRender);
      const t0 = performance.now();
      const sel = document.querySelector(`[data-testid="${arg.testid}"]`);
      sel.value = arg.value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => {
        const tick = () => {
          if (!marks.updated && c.stats.updates > u0) marks.updated = performance.now() - t0;
          if (marks.updated && !marks.queries && c.busy === 0) marks.queries = performance.now() - t0;
          if (c.stats.updates > u0 && c.busy === 0 && sawBusy && map.dataset.ready === 'true') return resolve();
          if (performance.now() - t0 > 15000) { marks.timeout = `busy ${c.busy} sawBusy ${sawBusy} ready ${map.dataset.ready}`; return resolve(); }
          requestAnimationFrame(tick);
        };
        tick();
      });
      marks.total = performance.now() - t0;
      obs.disconnect();
      m.off('sourcedata', onSrc);
      m.off('render', onRender);
      marks.regionsLoaded = sourcedata;
      marks.renders = renders;
      marks.lastRender = lastRender;
      const sqls = c.log.filter((e) => e.update > u0);
      marks.coordQ = sqls.reduce((a, e) => a + e.ms, 0);
      let floor = 0;
      for (const e of sqls) { const q0 = performance.now(); await window.__peta.engine.query(e.sql); floor += performance.now() - q0; }
      marks.floor = floor;
      marks.nq = sqls.length;
      marks.step = `${arg.testid.slice(7)}=${arg.value}`;
      for (const k in marks) if (typeof marks[k] === 'number') marks[k] = Math.round(marks[k]);
      return marks;
    }, step)
  );
}
console.table(rows);
await browser.close();
server.close();
