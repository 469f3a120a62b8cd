// First paint vs the raw floor (issue 17), in one run: a fresh browser context opens the dashboard
// (first visit: the national map painted, then the live data from DuckDB-WASM on the map, then the
// MapLibre (WebGL) map drawn over the SVG one), waits until the
// service worker holds the app and the snapshot, and opens it again (repeat visit); a bare page with
// the same DuckDB-WASM bundle, database and one GROUP BY gives the floor (its own fresh context).
// Every time is read in the page (performance.now, ms since navigation), with the app's peta:* marks.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The floor page's files for bench/server.mjs's `extra` routes. */
export async function floorRoutes() {
  const assets = readdirSync(join(root, 'build/_app/immutable/assets'));
  const pick = (re) => `/_app/immutable/assets/${assets.find((f) => re.test(f))}`;
  const bundle = { worker: pick(/^duckdb-browser-eh\.worker\..*\.js$/), wasm: pick(/^duckdb-eh\..*\.wasm$/) };
  const js = await build({ entryPoints: [join(root, 'bench/floor.js')], bundle: true, format: 'esm', write: false, target: 'es2022', logLevel: 'error' });
  const html = `<!doctype html><meta charset="utf-8"><title>floor</title><script>window.__floorBundle=${JSON.stringify(bundle)}</script><script type="module" src="/__floor/floor.js"></script>`;
  return { '/__floor/': { type: 'text/html; charset=utf-8', body: html }, '/__floor/floor.js': { type: 'text/javascript', body: js.outputFiles[0].text } };
}

/**
 * Records, at the frame they are first seen: the painted map (first-paint file), the live data on the
 * map (DuckDB answered every view's query and the map shows its values; the SVG renderer draws them,
 * the same classes and colours as the painted frame), and the MapLibre (WebGL) map drawn with them.
 * MapLibre is started only once the live map rows are in (DashboardModel.holdWebgl: its software-rendered
 * first frame competes for the two cores with the wasm compile); `live` does not wait for it, `gl` does.
 */
const recorder = () => {
  const tick = () => {
    const map = document.querySelector('[data-testid="map"]');
    const p = window.__peta;
    if (window.__petaPainted === undefined && map?.dataset.ready === 'true') {
      window.__petaPainted = performance.now();
      window.__petaPaintSource = document.querySelector('.map')?.dataset.source;
    }
    const live = document.querySelector('main')?.dataset.ready === 'true' && document.querySelector('.map')?.dataset.source === 'live' && map?.dataset.ready === 'true' && map?.dataset.loading === 'false' && p?.coordinator?.busy === 0;
    if (window.__petaLive === undefined && live) window.__petaLive = performance.now();
    // the WebGL map has drawn the live data and the SVG preview is gone (an SVG-only browser: at once)
    const gl = map?.dataset.renderer === 'svg' || (map?.dataset.renderer === 'webgl' && !!map.querySelector('canvas') && map.dataset.preview === 'false');
    if (window.__petaLive !== undefined && live && gl) {
      window.__petaGl = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function visit(context, url) {
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.waitForFunction(() => window.__petaGl !== undefined, null, { timeout: 120_000 });
  const r = await page.evaluate(() => ({
    painted: window.__petaPainted,
    source: window.__petaPaintSource,
    live: window.__petaLive,
    gl: window.__petaGl,
    controlled: !!navigator.serviceWorker?.controller,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('peta:')).map((m) => [m.name.slice(5), Math.round(m.startTime)]))
  }));
  return { page, r };
}

async function waitForOfflineCopy(page) {
  for (let i = 0; i < 400; i++) {
    const ok = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg?.active?.state !== 'activated') return false;
      return (await (await caches.open('peta-data')).keys()).some((k) => k.url.endsWith('.duckdb'));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the service worker did not keep the snapshot');
}

/** One round: floor, first visit, repeat visit (ms since navigation). */
export async function measurePaintRound(browser, url) {
  const viewport = { width: 1366, height: 900 };
  const fc = await browser.newContext({ viewport });
  const fp = await fc.newPage();
  await fp.goto(url + '/__floor/');
  await fp.waitForFunction(() => window.__floorMs !== undefined, null, { timeout: 120_000 });
  const floor = await fp.evaluate(() => window.__floorMs);
  await fc.close();

  const context = await browser.newContext({ viewport });
  await context.addInitScript(recorder);
  try {
    const first = await visit(context, url);
    await waitForOfflineCopy(first.page);
    await first.page.close();
    const repeat = await visit(context, url);
    return { floor, first: first.r, repeat: repeat.r };
  } finally {
    await context.close();
  }
}

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const span = (xs) => ({ median: Math.round(med(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });

/** `rounds` rounds; medians with min–max, the targets of issue 17, and the last round's marks. */
export async function measurePaint(browser, url, rounds = 3) {
  const all = [];
  for (let i = 0; i < rounds; i++) all.push(await measurePaintRound(browser, url));
  const floor = span(all.map((x) => x.floor));
  const first = span(all.map((x) => x.first.painted));
  const repeat = span(all.map((x) => x.repeat.painted));
  const firstLive = span(all.map((x) => x.first.live));
  const repeatLive = span(all.map((x) => x.repeat.live));
  const firstGl = span(all.map((x) => x.first.gl));
  const repeatGl = span(all.map((x) => x.repeat.gl));
  const targets = {
    'first visit painted ≤ 1000 ms': first.median <= 1000,
    'repeat visit painted ≤ 600 ms': repeat.median <= 600,
    'both painted below the floor': first.median < floor.median && repeat.median < floor.median,
    'live data on the map within 1.2 × floor (first visit)': firstLive.median <= 1.2 * floor.median
  };
  return { rounds, floor, first, repeat, firstLive, repeatLive, firstGl, repeatGl, liveRatio: Math.round((firstLive.median / floor.median) * 100) / 100, targets, sources: all.map((x) => [x.first.source, x.repeat.source]), controlled: all.map((x) => x.repeat.controlled), marks: { first: all.at(-1).first.marks, repeat: all.at(-1).repeat.marks }, raw: all.map((x) => ({ floor: Math.round(x.floor), first: Math.round(x.first.painted), firstLive: Math.round(x.first.live), firstGl: Math.round(x.first.gl), repeat: Math.round(x.repeat.painted), repeatLive: Math.round(x.repeat.live), repeatGl: Math.round(x.repeat.gl) })) };
}

export function printPaint(p) {
  const fmt = (s) => `${s.median} (${s.min}–${s.max})`;
  console.log(`\nFirst paint vs floor, ${p.rounds} rounds, ms since navigation: median (min–max)`);
  console.table({
    'floor: bare DuckDB-WASM + ATTACH + GROUP BY': { painted: fmt(p.floor), 'live data on the map': '', 'WebGL map drawn': '' },
    'first visit': { painted: fmt(p.first), 'live data on the map': fmt(p.firstLive), 'WebGL map drawn': fmt(p.firstGl) },
    'repeat visit': { painted: fmt(p.repeat), 'live data on the map': fmt(p.repeatLive), 'WebGL map drawn': fmt(p.repeatGl) }
  });
  console.log(`  live / floor (first visit): ${p.liveRatio}; WebGL map / floor: ${Math.round((p.firstGl.median / p.floor.median) * 100) / 100}`);
  for (const [k, v] of Object.entries(p.targets)) console.log(`  ${v ? 'met    ' : 'NOT met'}  ${k}`);
  console.log('  peta:* marks (last round, ms):', JSON.stringify(p.marks));
}
