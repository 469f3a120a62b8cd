/**
 * Code lookups: every domain code list (src/lib/domain) can be written as its code or its Indonesian
 * or English label, case/spacing/punctuation-insensitive (`Ibu hamil`, `BUMIL`, `pregnant woman`).
 * Labels are also matched without their parenthesised part and per `/`-separated alternative
 * ("Dinas Kesehatan / Puskesmas" -> "Dinas Kesehatan", "Puskesmas"). A key that would point to two
 * codes is dropped rather than guessed. Pure.
 */
import type { Label } from '../domain/label.ts';
import { CASE_SOURCES } from '../domain/sources.ts';
import { RECOMMENDATION_STATUSES } from '../domain/interventions.ts';
import { STAGES } from '../domain/stages.ts';
import { normKey } from './text.ts';
import { matchVocabulary, type Vocabulary } from './vocabulary.ts';

export type Lookup = (v: unknown) => string | null;

function variants(text: string): string[] {
  const out = new Set<string>([text, text.replace(/\([^)]*\)/g, ' ')]);
  for (const part of text.split('/')) {
    out.add(part);
    out.add(part.replace(/\([^)]*\)/g, ' '));
  }
  return [...out].map(normKey).filter((k) => k.length > 0);
}

export function buildLookup(items: readonly { code: string; label?: Label }[], extra: Record<string, string[]> = {}): Lookup {
  const map = new Map<string, string | null>();
  const add = (key: string, code: string) => {
    const prev = map.get(key);
    map.set(key, prev === undefined || prev === code ? code : null); // null: ambiguous key
  };
  for (const it of items) {
    const keys = [normKey(it.code), ...(it.label ? [...variants(it.label.id), ...variants(it.label.en)] : [])];
    for (const k of keys) add(k, it.code);
  }
  // Exact codes and explicit aliases win over label fragments.
  for (const it of items) map.set(normKey(it.code), it.code);
  for (const [code, aliases] of Object.entries(extra)) for (const a of aliases) map.set(normKey(a), code);
  return (v) => {
    if (v === null || v === undefined) return null;
    return map.get(normKey(String(v))) ?? null;
  };
}

/** Target groups, causes, interventions and agencies: the synonym matcher (vocabulary.ts, domain/synonyms.ts). */
const vocabLookup = (v: Vocabulary): Lookup => (x) => {
  const m = matchVocabulary(v, x);
  return m.ok ? m.code : null;
};
export const lookupTargetGroup = vocabLookup('target_group');
export const lookupSource = buildLookup(CASE_SOURCES, {
  pk: ['pk', 'pk21', 'pk23', 'pk24', 'krs', 'keluarga berisiko stunting', 'pendataan keluarga'],
  eppgbm: ['ppgbm', 'sigizi', 'sigizi terpadu'],
  lainnya: ['lain', 'lain lain', 'other']
});
export const lookupCause = vocabLookup('cause');
export const lookupIntervention = vocabLookup('intervention');
export const lookupAgency = vocabLookup('agency');
export const lookupStatus = buildLookup(RECOMMENDATION_STATUSES, {
  planned: ['rencana', 'direncanakan', 'diusulkan', 'usulan', 'belum', 'belum diberikan', 'belum dilaksanakan', 'belum dilakukan', 'belum terlaksana',
    'belum diintervensi', 'belum ada', 'dalam proses', 'proses', 'sedang proses', 'sedang diproses', 'on progress', 'in progress', 'sedang berjalan', 'menunggu'],
  delivered: ['sudah diberikan', 'terlaksana', 'dilaksanakan', 'sudah', 'sudah dilaksanakan', 'sudah dilakukan', 'sudah terlaksana', 'terealisasi',
    'sudah direalisasikan', 'sudah diintervensi', 'diintervensi', 'sudah diterima', 'diterima', 'done'],
  followed_up: ['tindak lanjut', 'sudah ditindaklanjuti', 'ditindaklanjuti', 'sudah dievaluasi', 'dievaluasi', 'sudah dipantau', 'dipantau',
    'sudah dimonitor', 'dimonitor', 'selesai', 'follow up', 'followed up']
});
/** Stages by code or label only: a bare number is refused (BKKBN's 4 "tahap" differ from our 6 stages). */
export const lookupStage = buildLookup(STAGES, {
  tim: ['pembentukan tim', 'tim aks', 'team formed'],
  seleksi: ['seleksi kasus', 'identifikasi kasus', 'identifikasi dan seleksi kasus'],
  kajian: ['kajian pakar', 'kajian', 'review'],
  diseminasi: ['diseminasi audit'],
  rtl: ['rtl', 'rencana tindak lanjut'],
  evaluasi: ['evaluasi', 'evaluasi rtl', 'tindak lanjut dan evaluasi']
});
export const lookupSex = buildLookup(
  [
    { code: 'L', label: { id: 'Laki-laki', en: 'Male' } },
    { code: 'P', label: { id: 'Perempuan', en: 'Female' } }
  ],
  { L: ['lk', 'laki', 'm', 'boy', 'pria'], P: ['pr', 'f', 'girl', 'wanita'] }
);

/** ya/tidak flags: ya, y, iya, yes, true, 1, v / tidak, t, tdk, no, n, false, 0, bukan. */
export function parseFlag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  const k = normKey(String(v ?? ''));
  if (['ya', 'y', 'iya', 'yes', 'true', '1', 'v', 'benar', 'ada'].includes(k)) return true;
  if (['tidak', 't', 'tdk', 'no', 'n', 'false', '0', 'bukan', 'tidakada', 'salah'].includes(k)) return false;
  return null;
}

/** Semester: 1, 2, I, II, "Semester I", "Sem 2", "S1". */
export function parseSemester(v: unknown): 1 | 2 | null {
  if (typeof v === 'number') return v === 1 ? 1 : v === 2 ? 2 : null;
  const k = normKey(String(v ?? '')).replace(/^(semester|sem|s)/, '');
  if (k === '1' || k === 'i') return 1;
  if (k === '2' || k === 'ii') return 2;
  return null;
}
