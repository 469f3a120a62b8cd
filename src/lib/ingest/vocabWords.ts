/**
 * The words of what people write, as the vocabulary matcher (vocabulary.ts) reads them: short forms
 * expanded ("tdk" -> "tidak"), compounds joined ("MP ASI" -> "mpasi"), filler words per vocabulary,
 * negations and positive words (the guards of a match). Pure.
 */
import type { Vocabulary } from '../domain/synonyms.ts';
import { normWords } from './text.ts';

const EXPAND: Record<string, string> = {
  tdk: 'tidak', tak: 'tidak', gak: 'tidak', ga: 'tidak', nggak: 'tidak', blm: 'belum', krg: 'kurang', kurng: 'kurang',
  yg: 'yang', dg: 'dengan', dgn: 'dengan', utk: 'untuk', pd: 'pada', sdh: 'sudah', udh: 'sudah', bln: 'bulan', thn: 'tahun',
  imun: 'imunisasi', kronis: 'kronik', anemi: 'anemia', anaemia: 'anemia', ekslusif: 'eksklusif', eksklusive: 'eksklusif',
  exclusive: 'eksklusif', ekslusive: 'eksklusif', eksklusiv: 'eksklusif', klg: 'keluarga', kel: 'keluarga', kes: 'kesehatan',
  premature: 'prematur', prematuritas: 'prematur', pemberian: '', jml: 'jumlah'
};
/** Word pairs written apart or together ("MP-ASI", "MP ASI", "MPASI"). */
const COMPOUNDS: [RegExp, string][] = [
  [/\bmp asi\b/g, 'mpasi'], [/\bber kb\b/g, 'kb'], [/\bpra sejahtera\b/g, 'prasejahtera'], [/\bpasca salin\b/g, 'pascasalin'],
  [/\bpasca persalinan\b/g, 'pascapersalinan'], [/\bpost partum\b/g, 'postpartum'], [/\btata laksana\b/g, 'tatalaksana'],
  [/\bseptic tank\b/g, 'septiktank'], [/\bseptik tank\b/g, 'septiktank'], [/\bjkn kis\b/g, 'jkn'], [/\bbab sembarangan\b/g, 'babs']
];
const BASE_STOP = ['yang', 'dan', 'atau', 'dengan', 'pada', 'di', 'ke', 'dari', 'untuk', 'karena', 'akibat', 'ada', 'punya', 'memiliki', 'mempunyai', 'mendapat', 'the', 'of', 'kab', 'kabupaten', 'kota', 'kec', 'kecamatan', 'uptd', 'bulan', 'tahun', 'kali', 'oleh', 'sering', 'masih', 'sangat', 'dalam', 'se'];
export const STOP: Record<Vocabulary, Set<string>> = {
  cause: new Set([...BASE_STOP, 'ibu', 'anak', 'bayi', 'keluarga', 'riwayat', 'faktor', 'masalah', 'hamil', 'bumil', 'nifas', 'catin', 'baduta', 'balita', 'mengalami', 'menderita', 'kondisi']),
  agency: new Set([...BASE_STOP, 'ibu', 'anak', 'kantor', 'bagian', 'bidang', 'wilayah', 'setempat']),
  intervention: new Set(BASE_STOP),
  target_group: new Set([...BASE_STOP, 'kelompok', 'sasaran', 'usia'])
};
export const NEG = new Set(['tidak', 'bukan', 'tanpa', 'belum', 'non']);
/** Words that turn a positive word into a negative one ("tidak lengkap", "kurang tepat"). */
export const NEGATORS = new Set([...NEG, 'kurang', 'gagal']);
export const POSITIVE = new Set(['lengkap', 'layak', 'sehat', 'patuh', 'baik', 'cukup', 'normal', 'sudah', 'aman', 'tepat', 'eksklusif', 'rutin', 'teratur', 'lancar', 'sesuai', 'memadai']);
/** Folded words of a text, short forms expanded and compounds joined. */
export function vocabWords(text: string): string[] {
  let s = normWords(text);
  for (const [re, to] of COMPOUNDS) s = s.replace(re, to);
  const out: string[] = [];
  for (const w of s.split(' ')) {
    if (!w) continue;
    const e = w in EXPAND ? EXPAND[w] : w;
    if (e) out.push(...e.split(' '));
  }
  return out;
}
