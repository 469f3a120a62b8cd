// How long the browser takes to open the published snapshot: serves build/, loads the dashboard in
// headless Chromium five times (fresh context each) and prints the engine's own stage timings
// (engine start, manifest, ATTACH of the database file over HTTP range reads), the app's performance
// marks (peta:engine-ready, peta:map-mount, peta:map-style-loaded, peta:map-first-idle) and the time to a painted
// map. `npm run build` first. (The database's range reads run in DuckDB's worker, which Playwright does
// not see; tests/e2e/deploy.test.mjs measures the bytes transferred on the server side.)
import { launch, openPage, startServer, waitForMap } from '../tests/e2e/harness.mjs';

const server = await startServer();
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openPage(browser);
    let timings = null;
    page.on('console', (m) => {
      const t = m.text();
      if (t.startsWith('[peta-aks] engine timings')) timings = JSON.parse(t.slice(t.indexOf('{')));
    });
    const t0 = Date.now();
    await page.goto(server.url + '/');
    await waitForMap(page);
    const r = (x) => Math.round(x);
    // the app's performance marks (ms since navigation): engine ready, map mounted / style loaded / first painted
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('peta:')).map((m) => [m.name.slice(5), Math.round(m.startTime)])));
    runs.push({ engineMs: r(timings.engineMs), manifestMs: r(timings.manifestMs), attachMs: r(timings.attachMs), totalMs: r(timings.totalMs), ...marks, mapPaintedMs: Date.now() - t0 });
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.table(runs);
