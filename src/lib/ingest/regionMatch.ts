/**
 * Matches how a district officer writes a kabupaten/kota to its Kemendagri code:
 * `KAB. CIANJUR`, `Kab Cianjur`, `Kabupaten Cianjur`, `Cianjur`, `3203`, `32.03` -> 32.03.
 * A bare name that several regencies share (`Bogor`: Kabupaten Bogor and Kota Bogor; or a name used in
 * several provinces) is never guessed: the result lists the candidates. Pure.
 */
import { REGENCIES, REGENCY_BY_CODE, type Regency, type RegencyKind } from '../domain/regions.ts';
import { normWords } from './text.ts';

export type RegionMatch =
  | { ok: true; regency: Regency }
  | { ok: false; reason: 'unknown_region' }
  | { ok: false; reason: 'ambiguous_region'; candidates: Regency[] };

/** Written prefixes and the kind they imply, longest first. */
const PREFIXES: [string, RegencyKind][] = [
  ['kabupaten administrasi ', 'kabupaten'],
  ['kota administrasi ', 'kota'],
  ['kabupaten ', 'kabupaten'],
  ['kabupatan ', 'kabupaten'],
  ['kab ', 'kabupaten'],
  ['kota ', 'kota'],
  ['kot ', 'kota']
];

const squash = (s: string) => s.replace(/ /g, '');
const BY_SHORT = new Map<string, Regency[]>();
for (const r of REGENCIES) {
  const k = squash(normWords(r.shortName));
  BY_SHORT.set(k, [...(BY_SHORT.get(k) ?? []), r]);
}

function byCode(code: string): RegionMatch {
  const r = REGENCY_BY_CODE.get(code);
  return r ? { ok: true, regency: r } : { ok: false, reason: 'unknown_region' };
}

export function matchRegion(v: unknown): RegionMatch {
  if (typeof v === 'number') {
    // 3203 typed as a number, or 32.03 that Excel stored as the float 32.03 (32.10 becomes 32.1).
    if (Number.isInteger(v) && v >= 1100 && v <= 9999) return byCode(`${String(v).slice(0, 2)}.${String(v).slice(2)}`);
    if (!Number.isInteger(v) && v > 10 && v < 100) return byCode(v.toFixed(2));
    return { ok: false, reason: 'unknown_region' };
  }
  if (typeof v !== 'string') return { ok: false, reason: 'unknown_region' };
  const raw = v.trim();
  const code = /^(\d{2})[.\s-]?(\d{2})$/.exec(raw);
  if (code) return byCode(`${code[1]}.${code[2]}`);
  let words = normWords(raw);
  let kind: RegencyKind | null = null;
  for (const [p, k] of PREFIXES) {
    if (words.startsWith(p)) {
      words = words.slice(p.length);
      kind = k;
      break;
    }
  }
  const found = (BY_SHORT.get(squash(words)) ?? []).filter((r) => kind === null || r.kind === kind);
  if (found.length === 1) return { ok: true, regency: found[0] };
  if (found.length === 0) return { ok: false, reason: 'unknown_region' };
  return { ok: false, reason: 'ambiguous_region', candidates: found };
}

/** "Kabupaten Bogor (32.01), Kota Bogor (32.71)". */
export function describeCandidates(cands: readonly Regency[]): string {
  return cands.map((r) => `${r.name} (${r.code})`).join(', ');
}
