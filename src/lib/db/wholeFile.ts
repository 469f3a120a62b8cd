/**
 * The snapshot database fetched whole while the engine compiles, when that is cheaper than range reads.
 *
 * On a fast link a small database (the demo's 11 MB) arrives long before DuckDB-WASM is instantiated;
 * registered as a buffer, ATTACH and the first queries read memory instead of issuing range requests
 * (bench, 2 cores: ATTACH 78–88 ms -> 16–20 ms). On a slow link, or for a large database, downloading
 * it whole would cost far more than the few ranges the national view reads, so the download gives way:
 * it is aborted, and the caller falls back to range reads, when
 * - the response is not a plain 200 with a Content-Length (compressed, chunked, an error, a redirect
 *   to another origin), or the file is larger than `maxBytes` (known from a HEAD, before any GET);
 * - at `take()` (the engine is ready and waits for the file) the rest would take longer than `graceMs`
 *   at the rate measured so far.
 * Every failure resolves to null; nothing here throws.
 */

export interface WholeFileOptions {
  /** Larger databases are read by range (memory, and the share the national view reads falls with size). */
  maxBytes?: number;
  /** How long the engine may wait for the rest of the file once it is ready, at the measured rate. */
  graceMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export const WHOLE_FILE_MAX_BYTES = 16 * 1024 * 1024;
export const WHOLE_FILE_GRACE_MS = 250;

export type WholeFileOutcome = 'whole' | 'too-large' | 'not-plain' | 'too-slow' | 'failed';

export class WholeFile {
  /** Why the file was or was not taken whole (set once `take()` has resolved). */
  outcome: WholeFileOutcome | null = null;
  private readonly ctrl = new AbortController();
  private readonly maxBytes: number;
  private readonly graceMs: number;
  private readonly now: () => number;
  private size = 0;
  private received = 0;
  private startedAt = 0;
  private firstByteAt = 0;
  private readonly done: Promise<Uint8Array | null>;

  constructor(url: string, opts: WholeFileOptions = {}) {
    this.maxBytes = opts.maxBytes ?? WHOLE_FILE_MAX_BYTES;
    this.graceMs = opts.graceMs ?? WHOLE_FILE_GRACE_MS;
    this.now = opts.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.done = this.read(url, opts.fetch ?? fetch.bind(globalThis)).catch(() => this.give('failed'));
  }

  /**
   * The whole file, or null (read it by range). Waits only while the rest is expected within `graceMs`
   * at the rate measured so far; otherwise the download is aborted.
   */
  async take(): Promise<Uint8Array | null> {
    const rest = this.expectedRestMs();
    if (rest > this.graceMs) return this.give('too-slow');
    // a stall after the estimate: give up at the grace period, with a margin for the last chunk
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(this.give('too-slow')), this.graceMs * 2 + 50)));
    const bytes = await Promise.race([this.done, deadline]);
    clearTimeout(timer);
    if (bytes && !this.outcome) this.outcome = 'whole';
    return this.outcome === 'whole' ? bytes : null;
  }

  /** Milliseconds until the last byte at the rate seen since the first (0 when done, Infinity before any byte). */
  private expectedRestMs(): number {
    if (this.outcome) return this.outcome === 'whole' ? 0 : Infinity;
    if (this.size > 0 && this.received >= this.size) return 0;
    if (!this.firstByteAt || this.received === 0) return Infinity;
    const elapsed = Math.max(1, this.now() - this.startedAt);
    return ((this.size - this.received) * elapsed) / this.received;
  }

  /** Why a response cannot be read whole, or null. */
  private refuse(res: Response, body: boolean): WholeFileOutcome | null {
    const length = Number(res.headers.get('content-length') ?? 'NaN');
    const encoding = (res.headers.get('content-encoding') ?? 'identity').toLowerCase();
    if (res.status !== 200 || encoding !== 'identity' || !Number.isInteger(length) || length <= 0) return 'not-plain';
    if (length > this.maxBytes) return 'too-large';
    if (body && this.size && length !== this.size) return 'not-plain';
    this.size = length;
    return null;
  }

  private give(outcome: WholeFileOutcome): null {
    if (this.outcome === 'whole') return null;
    this.outcome ??= outcome;
    this.ctrl.abort();
    return null;
  }

  private async read(url: string, fetchImpl: typeof fetch): Promise<Uint8Array | null> {
    // a HEAD first (one round trip, while the engine compiles): a large file is never requested whole
    const head = await fetchImpl(url, { method: 'HEAD', signal: this.ctrl.signal });
    await head.arrayBuffer(); // read out (empty): an unread HEAD is reported as aborted (net::ERR_ABORTED)
    const problem = this.refuse(head, false);
    if (problem) return this.give(problem);
    const res = await fetchImpl(url, { signal: this.ctrl.signal });
    const refused = this.refuse(res, true);
    if (refused || !res.body) {
      res.body?.cancel().catch(() => {});
      return this.give(refused ?? 'not-plain');
    }
    const length = Number(res.headers.get('content-length'));
    const bytes = new Uint8Array(length);
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (this.received + value.byteLength > length) return this.give('not-plain');
      bytes.set(value, this.received);
      this.received += value.byteLength;
      this.firstByteAt ||= this.now();
    }
    if (this.received !== length) return this.give('failed');
    if (this.outcome) return null; // given up meanwhile
    this.outcome = 'whole';
    return bytes;
  }
}
