// `node bench/import-memory.mjs [MB]` (after `npx vite build`): the browser import of a large kasus CSV
// (default 200 MB, the 12-column sheet of tests/e2e/import.test.mjs rotating over three regencies),
// through the "Impor data" dialog in headless Chromium. Prints and saves (bench/results/import-*.json) the
// time from choosing the file to "Dimuat", and the peak resident memory of the tab (renderer process,
// which holds the import worker and DuckDB-WASM's worker and heap; startTabMB: before the import) and of the whole browser, sampled
// every 250 ms from /proc (bench/memory.mjs). BENCH_TRACE=1 adds the tab's memory every 2 s (trace).
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, startServer, waitForMap, root } from '../tests/e2e/harness.mjs';
import { MemorySampler } from './memory.mjs';

const targetMB = Number(process.argv[2] ?? 200);
const tmp = mkdtempSync(join(tmpdir(), 'peta-bench-import-'));
const file = join(tmp, `kasus-${targetMB}mb.csv`);

async function writeCsv() {
  const REG = ['3203', '36.02', 'Kota Kendari'];
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  let bytes = 0;
  let n = 0;
  const header = 'ID kasus;Kabupaten/Kota;Tahun;Semester;Sasaran;Sumber;Tanggal kajian;Usia anak (bulan);Jenis kelamin;TB/U (z);Penyebab utama;Catatan\n';
  await write(header);
  bytes += header.length;
  while (bytes < targetMB * 1e6) {
    const line = `BIGCASE-${n};${REG[n % 3]};2023;1;baduta;pk;15/03/2023;14;L;-2,45;asupan_gizi;catatan lapangan nomor ${n}\n`;
    bytes += line.length;
    n++;
    const w = write(line);
    if (w) await w;
  }
  await new Promise((r) => out.end(r));
  return n;
}

const rows = await writeCsv();
const sizeMB = Math.round(statSync(file).size / 1e5) / 10;
const server = await startServer();
const browser = await launch();
let result;
try {
  const { page, context } = await openPage(browser);
  await page.goto(server.url + '/');
  await waitForMap(page, { level: 'province' });
  const memory = await MemorySampler.start(browser);
  await page.click('[data-testid="import-open"]');
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="import-input"]', [file]);
  // the dialog's phase (read, validate, encode, load) as it changes, to place the trace's peaks
  const phases = [];
  const phaseTimer = setInterval(() => {
    page.evaluate(() => document.querySelector('[data-testid="import-dialog"] progress')?.getAttribute('aria-label') ?? '').then((p) => {
      const label = p.replace(/kasus-\d+mb\.csv/, '').trim();
      if (label && phases.at(-1)?.[1] !== label) phases.push([Math.round((Date.now() - t0) / 1000), label]);
    }, () => {});
  }, 1000);
  await page.waitForSelector('[data-testid="import-loaded"], [data-testid="import-message"]', { timeout: 1_800_000 });
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(phaseTimer);
  const loaded = (await page.textContent('[data-testid="import-result"]'))?.trim().slice(0, 120);
  await page.keyboard.press('Escape');
  await waitForMap(page);
  await memory.stop();
  result = {
    date: new Date().toISOString(), machine: `${cpus().length} cores, ${Math.round(totalmem() / 1e9)} GB`, fileMB: sizeMB, rows,
    seconds: Math.round(seconds * 10) / 10, startTabMB: memory.startRendererMB(), peakTabMB: memory.peakRendererMB(), peakBrowserMB: memory.peakTotalMB(), loaded,
    ...(process.env.BENCH_TRACE ? { trace: memory.trace.map(([t, mb]) => `${t}s ${mb}`).join(', '), phases: phases.map(([t, p]) => `${t}s ${p}`).join(', '), importStartS: Math.round((t0 - memory.startedAt) / 1000) } : {})
  };
  await context.close();
} finally {
  await browser.close();
  server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(JSON.stringify(result, null, 2));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', `import-${result.date.slice(0, 16).replace(/[:T]/g, '')}.json`), JSON.stringify(result, null, 2) + '\n');
