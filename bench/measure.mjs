// The measurements of `npm run bench`, each timed inside the page (performance.now) from the user's
// action until every visible view has its new data: the coordinator has run the update the action
// caused, no query is running, and the map has repainted (its data-ready went false, then true).
import { DEMO_PERIODS, PROVINCES, TARGET_GROUP_CODES, periodKey } from '../src/lib/domain/index.ts';

const DEMO_PERIODS_KEYS = DEMO_PERIODS.map(periodKey);
const GROUP_CODES = TARGET_GROUP_CODES;
const PROVINCE_CODES = PROVINCES.map((p) => p.code);

/** A varied, deterministic list of filter changes: period, target group and indicator in turn. */
export function changePlan(n) {
  const periods = [...DEMO_PERIODS_KEYS, ''];
  const groups = ['', ...GROUP_CODES];
  const indicators = ['cases', 'sensitive_share', 'cause_share'];
  const plan = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 3);
    if (i % 3 === 0) plan.push({ testid: 'filter-period', value: periods[(k * 3 + 1) % periods.length] });
    else if (i % 3 === 1) plan.push({ testid: 'filter-group', value: groups[(k + 1) % groups.length] });
    else plan.push({ testid: 'filter-indicator', value: indicators[(k + 1) % indicators.length] });
  }
  return plan;
}

/** Runs inside the page: performs `act`, resolves with ms until settled, and the SQL the change ran. */
const settleInPage = async ({ kind, arg, level }) => {
  const peta = window.__peta;
  const c = peta.coordinator;
  const map = document.querySelector('[data-testid="map"]');
  const u0 = c.stats.updates;
  let sawBusyMap = false;
  const obs = new MutationObserver(() => map.dataset.ready === 'false' && (sawBusyMap = true));
  obs.observe(map, { attributes: true, attributeFilter: ['data-ready'] });
  const t0 = performance.now();
  if (kind === 'select') {
    const sel = document.querySelector(`[data-testid="${arg.testid}"]`);
    sel.value = arg.value;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (kind === 'drill') peta.model.select(arg);
  else if (kind === 'home') peta.model.navigate({ province: null });
  await new Promise((resolve, reject) => {
    const deadline = t0 + 60_000;
    const tick = () => {
      const done = c.stats.updates > u0 && c.busy === 0 && sawBusyMap && map.dataset.ready === 'true' && (!level || map.dataset.level === level);
      if (done) return resolve();
      if (performance.now() > deadline) return reject(new Error(`not settled: ${JSON.stringify(arg)}`));
      requestAnimationFrame(tick);
    };
    tick();
  });
  const ms = performance.now() - t0;
  obs.disconnect();
  const sqls = c.log.filter((e) => e.update > u0).map((e) => e.sql);
  // The floor: the same SQL run directly on the engine, one after another, as the coordinator's
  // single connection would. A public page exposes no engine (src/lib/db/testHook.ts): its floor is
  // measured on an internal page by `floorInPage`.
  let floor = null;
  if (peta.engine) {
    floor = 0;
    for (const sql of sqls) {
      const q0 = performance.now();
      await peta.engine.query(sql);
      floor += performance.now() - q0;
    }
  }
  // public mode's SQL: the p-table applied inside DuckDB (ptable.ts publishedSql, cell key = key sum mod 256)
  const disclosed = sqls.filter((s) => s.includes('::BIGINT % 256)')).length;
  return { ms, floor, sqls, queries: sqls.length, disclosed };
};

/** Runs inside an internal page: the given SQL on its engine, one after another; total ms. */
const floorInPage = async (sqls) => {
  let floor = 0;
  for (const sql of sqls) {
    const q0 = performance.now();
    await window.__peta.engine.query(sql);
    floor += performance.now() - q0;
  }
  return floor;
};

async function openDashboard(browser, url, path = '/') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + path);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => window.__peta?.coordinator?.busy === 0);
  return { context, page };
}

/**
 * Navigation → national map painted with data, in ms: performance.now() at the first animation frame
 * after the map's data-ready last became true, recorded in the page (reading the clock after
 * Playwright's polling instead added 0.3–0.5 s of waiting under software WebGL). Taken once every query
 * has finished.
 */
export async function measureColdStart(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((records) => {
      for (const r of records)
        if (r.target instanceof HTMLElement && r.target.dataset.testid === 'map' && r.target.dataset.ready === 'true')
          requestAnimationFrame(() => (window.__petaPaintedAt = performance.now()));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(url + '/');
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => window.__peta?.coordinator?.busy === 0 && window.__petaPaintedAt !== undefined);
  const ms = await page.evaluate(() => window.__petaPaintedAt);
  await context.close();
  return ms;
}

export async function measureFilterChanges(browser, url, plan, path = '/') {
  const { context, page } = await openDashboard(browser, url, path);
  const total = [], floor = [];
  for (const step of plan) {
    const r = await page.evaluate(settleInPage, { kind: 'select', arg: step });
    total.push(r.ms);
    if (r.queries > 0) floor.push(r.floor);
  }
  await context.close();
  return { total, floor };
}

/**
 * The cost of public mode on a filter change: the same plan on two dashboards open side by side, one
 * internal (`/`) and one public (`/?publik=1`, the p-table applied inside DuckDB), step by step in turn
 * (internal, then public) so that a change in the machine's load falls on both alike. Returns both
 * series (ms until settled, and the floor: the change's SQL rerun directly on the engine) and, per
 * step, public − internal.
 */
export async function measurePublicCost(browser, url, plan) {
  const internal = await openDashboard(browser, url, '/');
  const pub = await openDashboard(browser, url, '/?publik=1');
  const mode = await pub.page.evaluate(() => new URL(location.href).searchParams.get('publik'));
  if (mode !== '1') throw new Error('the public dashboard lost publik=1');
  const r = { internal: { total: [], floor: [] }, public: { total: [], floor: [] }, diff: [] };
  try {
    for (const step of plan) {
      const a = await internal.page.evaluate(settleInPage, { kind: 'select', arg: step });
      const b = await pub.page.evaluate(settleInPage, { kind: 'select', arg: step });
      r.internal.total.push(a.ms);
      r.public.total.push(b.ms);
      if (a.queries > 0) r.internal.floor.push(a.floor);
      if (b.queries > 0) r.public.floor.push(await internal.page.evaluate(floorInPage, b.sqls));
      r.diff.push(b.ms - a.ms);
      if (a.disclosed > 0) throw new Error(`the internal dashboard ran public-mode SQL: ${JSON.stringify(step)}`);
      if (b.queries > 0 && b.disclosed === 0) throw new Error(`the public dashboard ran no public-mode SQL: ${JSON.stringify(step)}`);
    }
  } finally {
    await internal.context.close();
    await pub.context.close();
  }
  return r;
}

export async function measureDrills(browser, url, n) {
  const { context, page } = await openDashboard(browser, url);
  const total = [];
  for (let i = 0; i < n; i++) {
    const code = PROVINCE_CODES[(i * 7) % PROVINCE_CODES.length];
    total.push((await page.evaluate(settleInPage, { kind: 'drill', arg: code, level: 'regency' })).ms);
    await page.evaluate(settleInPage, { kind: 'home', arg: null, level: 'province' });
  }
  await context.close();
  return { total };
}
