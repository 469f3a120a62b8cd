/**
 * Record keys for imported rows (the CLI and the browser import): uniform in [0, TABLE_SIZE) from the
 * platform's cryptographic random source (Web Crypto, in Node and in browsers alike), drawn in blocks.
 * Never derived from an identity, and not reproducible: a re-import gets new keys (so new noise).
 */
import { TABLE_SIZE } from './ptable.ts';

const BLOCK = 4096;
let buf = new Uint8Array(0);
let at = 0;

export function randomRecordKey(): number {
  if (at >= buf.length) {
    buf = crypto.getRandomValues(new Uint8Array(BLOCK));
    at = 0;
  }
  // TABLE_SIZE is 256: one byte is one uniform key
  return buf[at++] % TABLE_SIZE;
}
