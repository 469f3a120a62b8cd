// The phone-layout and projector screenshots in docs/screenshots/ (README "Phones, projectors and screen
// readers"), made with headless Chromium over the production build: `vite build && node scripts/docs-screenshots.mjs`
// (all of them) or `… docs-screenshots.mjs projector-story` (the named ones only).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, root, startServer, waitForMap } from '../tests/e2e/harness.mjs';

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const only = process.argv.slice(2);
const server = await startServer();
const browser = await launch();
try {
  const shot = async (name, path, act, viewport = PHONE) => {
    if (only.length && !only.includes(name)) return;
    const { page, context } = await openPage(browser, { viewport });
    await page.goto(server.url + path);
    if (path.startsWith('/cerita')) await page.waitForSelector('[data-testid="story-deck"][data-loading="false"]', { timeout: 60_000 });
    else await waitForMap(page);
    await act?.(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}.png`) });
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  };
  await shot('phone-dashboard', '/?periode=2025-2');
  await shot('phone-filter-sheet', '/?periode=2025-2', (p) => p.click('[data-testid="filter-summary"]'));
  await shot('phone-views-menu', '/?periode=2025-2&wilayah=32&tampilan=penyebab', (p) => p.click('[data-testid="view-menu"]'));
  await shot('phone-table', '/?periode=2025-2&wilayah=32&tampilan=intervensi', async (p) => {
    await p.locator('[data-testid="coverage-table"]').scrollIntoViewIfNeeded();
    await p.evaluate(() => window.scrollBy(0, -60));
  });
  await shot('phone-story', '/cerita/?wilayah=32&kabkota=32.05&periode=2025-2');
  await shot('projector-story', '/cerita/?wilayah=32&kabkota=32.05&layar=2', undefined, PROJECTOR);
} finally {
  await browser.close();
  server.stop();
}
