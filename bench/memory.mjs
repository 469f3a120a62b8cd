// Samples the resident memory of Chromium's processes (renderer = the tab, including DuckDB's worker
// and its wasm heap; total = every process of the browser) from /proc, every 250 ms, keeping the peak.
import { readFileSync } from 'node:fs';

const rssMB = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

export class MemorySampler {
  #timer;
  #peakRenderer = 0;
  #startRenderer = null;
  startedAt = Date.now();
  /** [seconds since start, tab MB], every 2 s. */
  trace = [];
  #peakTotal = 0;

  static async start(browser) {
    const s = new MemorySampler();
    s.cdp = await browser.newBrowserCDPSession();
    const sample = async () => {
      try {
        const { processInfo } = await s.cdp.send('SystemInfo.getProcessInfo');
        let renderer = 0, total = 0;
        for (const p of processInfo) {
          const mb = rssMB(p.id);
          total += mb;
          if (p.type === 'renderer') renderer = Math.max(renderer, mb);
        }
        s.#startRenderer ??= renderer;
        const t = Math.round((Date.now() - s.startedAt) / 1000);
        if (t >= 2 * s.trace.length) s.trace.push([t, Math.round(renderer)]);
        s.#peakRenderer = Math.max(s.#peakRenderer, renderer);
        s.#peakTotal = Math.max(s.#peakTotal, total);
      } catch {
        /* browser closing */
      }
    };
    await sample();
    s.#timer = setInterval(sample, 250);
    return s;
  }
  peakRendererMB() {
    return Math.round(this.#peakRenderer);
  }
  /** The tab's memory at the first sample (before the measured action). */
  startRendererMB() {
    return Math.round(this.#startRenderer ?? 0);
  }
  peakTotalMB() {
    return Math.round(this.#peakTotal);
  }
  async stop() {
    clearInterval(this.#timer);
    await this.cdp?.detach().catch(() => {});
  }
}
