/**
 * Pseudonymous case ids: 'K' + 10 hex digits. The id is a keyed bijection of the case's running
 * index (an invertible mix on 40 bits), so ids are unique for up to 2^40 cases, look random, and are
 * never derived from any identity number.
 */
const MASK = (1n << 40n) - 1n;
const M1 = 0x9e3779b97fn; // odd multipliers: multiplication mod 2^40 is invertible
const M2 = 0xc2b2ae3d27n;

export function caseIdMixer(seed: number): (index: number) => string {
  const key = (BigInt(seed >>> 0) * 0x5851f42dn) & MASK;
  return (index: number) => {
    let x = (BigInt(index) + key) & MASK;
    x = (x * M1) & MASK;
    x ^= x >> 19n;
    x = (x * M2) & MASK;
    x ^= x >> 21n;
    return 'K' + x.toString(16).padStart(10, '0');
  };
}
