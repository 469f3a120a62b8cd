/**
 * The kabupaten/kota a worksheet's title block names ("KABUPATEN GARUT", "TPPS Kota Bandung - Semester
 * II 2024", "Kabupaten/Kota : Garut"), for a sheet of one district that has no Kabupaten/Kota column.
 * Only a title that names exactly one regency counts; a bare name is taken only after "Kabupaten/Kota"
 * and when no kabupaten and kota share it (matchRegion). Pure.
 */
import type { Regency } from '../domain/regions.ts';
import { matchRegion } from './regionMatch.ts';
import { normWords } from './text.ts';

const MAX_NAME_WORDS = 4;
/** Words that end a name in a title line. */
const STOP = new Set(['semester', 'smt', 'sem', 'tahun', 'thn', 'periode', 'provinsi', 'prov', 'tpps', 'tim', 'dinas', 'bulan', 'januari', 'juli', 'dan', 'di']);

function candidatesIn(line: string): Regency[] {
  const words = normWords(line).split(' ').filter(Boolean);
  const found: Regency[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'kota' && (words[i - 1] === 'kabupaten' || words[i - 1] === 'kab')) continue; // "Kabupaten/Kota": read above
    let prefix: string | null = null;
    let start = i + 1;
    if ((w === 'kabupaten' || w === 'kab') && words[i + 1] === 'kota') {
      prefix = ''; // "Kabupaten/Kota : Garut": a bare name follows
      start = i + 2;
    } else if (w === 'kabupaten' || w === 'kab' || w === 'kota') {
      prefix = w === 'kota' ? 'kota ' : 'kabupaten ';
      if (words[i + 1] === 'administrasi') start = i + 2;
    }
    if (prefix === null) continue;
    const name: string[] = [];
    for (let j = start; j < words.length && name.length < MAX_NAME_WORDS && !STOP.has(words[j]) && !/^\d/.test(words[j]); j++) name.push(words[j]);
    // the longest run of words that names a regency ("Bandung Barat" before "Bandung")
    for (let n = name.length; n > 0; n--) {
      const m = matchRegion(prefix + name.slice(0, n).join(' '));
      if (m.ok) {
        found.push(m.regency);
        break;
      }
    }
  }
  return found;
}

/** The one regency the title lines name, or null (none, or several different ones). */
export function regionFromTitle(lines: readonly string[]): Regency | null {
  const codes = new Map<string, Regency>();
  for (const line of lines) for (const r of candidatesIn(line)) codes.set(r.code, r);
  return codes.size === 1 ? [...codes.values()][0] : null;
}
