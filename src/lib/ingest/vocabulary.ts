/**
 * Matching what people write to a vocabulary code (causes, interventions, agencies, target groups),
 * strictly: a value maps to a code only when the code's code, label or one of its synonyms
 * (src/lib/domain/synonyms.ts) is found in it, and nothing else it says points elsewhere.
 *
 * 1. exact: the folded key (case, punctuation, spacing, diacritics ignored) equals a code, label
 *    (also without its parenthesised part, per "/" alternative) or synonym;
 * 2. words: every word of a synonym occurs in the value, in any order, with filler words ignored and
 *    short forms expanded ("tdk" -> "tidak"); the synonym must cover at least half of the value's
 *    words (a third for agencies: "UPTD Puskesmas Cibeber"). A negation before a synonym's word
 *    ("bukan KEK", "tidak ada jamban") or a positive word the synonym lacks ("jamban sehat",
 *    "imunisasi lengkap") blocks it. When two codes match and neither synonym contains the other
 *    ("KEK dan anemia"), the value is ambiguous and rejected;
 * 3. typos: as 2, with one edit allowed in words of 5+ letters (two in 9+), only when 2 found nothing.
 * Otherwise the value is rejected with the nearest codes as candidates ("did you mean ..."). Pure.
 */
import { AGENCY_PATTERNS, SYNONYMS, type Vocabulary } from '../domain/synonyms.ts';
import { normKey } from './text.ts';
import { NEG, NEGATORS, POSITIVE, STOP, vocabWords } from './vocabWords.ts';
import { dice, editDistance } from './similarity.ts';
import type { ReasonCode } from './reasons.ts';
import type { Parser } from './types.ts';
import { ITEMS } from './vocabularyItems.ts';

export type { Vocabulary };
export { candidateText, vocabLabel } from './vocabularyItems.ts';
export type VocabMatch = { ok: true; code: string } | { ok: false; candidates: string[]; ambiguous: boolean };

/** Suggestions: at least this similar, and within 0.1 of the best. */
const MIN_SUGGEST = 0.4;
const MIN_COVERAGE: Record<Vocabulary, number> = { cause: 0.5, intervention: 0.5, target_group: 0.5, agency: 0.34 };

interface Phrase {
  code: string;
  words: string[];
  hasNeg: boolean;
}
interface Vocab {
  exact: Map<string, string | null>;
  phrases: Phrase[];
  /** normKey of every key, for suggestions. */
  keys: { code: string; key: string; words: string[] }[];
}

function labelVariants(text: string): string[] {
  const out = new Set<string>([text, text.replace(/\([^)]*\)/g, ' ')]);
  for (const part of text.split('/')) out.add(part).add(part.replace(/\([^)]*\)/g, ' '));
  return [...out];
}

function build(v: Vocabulary): Vocab {
  const exact = new Map<string, string | null>();
  const phrases: Phrase[] = [];
  const keys: Vocab['keys'] = [];
  const stop = STOP[v];
  const add = (code: string, text: string) => {
    const k = normKey(text);
    if (!k) return;
    const prev = exact.get(k);
    exact.set(k, prev === undefined || prev === code ? code : null);
    const words = vocabWords(text).filter((w) => !stop.has(w));
    keys.push({ code, key: k, words });
    if (words.some((w) => !/^\d+$/.test(w))) phrases.push({ code, words, hasNeg: words.some((w) => NEG.has(w)) });
  };
  for (const it of ITEMS[v]) {
    for (const t of [...labelVariants(it.label.id), ...labelVariants(it.label.en)]) add(it.code, t);
  }
  for (const [code, list] of Object.entries(SYNONYMS[v])) for (const s of list) add(code, s);
  // Codes and explicit synonyms win over label fragments.
  for (const [code, list] of Object.entries(SYNONYMS[v])) for (const s of list) if (normKey(s)) exact.set(normKey(s), code);
  for (const it of ITEMS[v]) exact.set(normKey(it.code), it.code);
  return { exact, phrases, keys };
}

const VOCABS = new Map<Vocabulary, Vocab>();
const vocab = (v: Vocabulary): Vocab => {
  let x = VOCABS.get(v);
  if (!x) VOCABS.set(v, (x = build(v)));
  return x;
};

const GUARDED = (w: string) => NEGATORS.has(w) || POSITIVE.has(w) || /^\d+$/.test(w);
function sameWord(a: string, b: string, typos: boolean): boolean {
  if (a === b) return true;
  if (!typos || a.length < 5 || b.length < 5 || GUARDED(a) || GUARDED(b)) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 9 ? 2 : 1);
}

interface Hit {
  phrase: Phrase;
  size: number;
}

/** Whether a phrase is found in the value's words (see the module comment for the guards). */
function phraseHit(p: Phrase, all: string[], v: Vocabulary, typos: boolean): boolean {
  const idx: number[] = [];
  for (const w of p.words) {
    const i = all.findIndex((x, k) => !idx.includes(k) && sameWord(x, w, typos));
    if (i < 0) return false;
    idx.push(i);
  }
  const stop = STOP[v];
  const prevContent = (i: number): string | undefined => {
    for (let k = i - 1; k >= 0; k--) if (!stop.has(all[k])) return all[k];
    return undefined;
  };
  // A negation right before one of the phrase's words, when the phrase has none: "bukan KEK".
  if (!p.hasNeg && idx.some((i) => NEG.has(prevContent(i) ?? ''))) return false;
  // A positive word the phrase lacks, not itself negated: "jamban sehat", "imunisasi lengkap".
  if (v === 'cause') {
    for (let i = 0; i < all.length; i++) {
      if (POSITIVE.has(all[i]) && !idx.includes(i) && !NEGATORS.has(prevContent(i) ?? '')) return false;
    }
  }
  return true;
}

/**
 * Whether the phrases found for one code say enough of the value to name it (extra words allowed up to
 * a share): their words together, so "sering sakit diare dan ISPA" is named by "sering sakit", "diare"
 * and "ispa" of one code.
 */
function covers(words: ReadonlySet<string>, content: string[], v: Vocabulary): boolean {
  return content.length > 0 && [...words].filter((w) => !/^\d+$/.test(w)).length / content.length >= MIN_COVERAGE[v] - 1e-9;
}

function wordMatch(v: Vocabulary, all: string[], typos: boolean): VocabMatch | null {
  const content = all.filter((w) => !STOP[v].has(w) && !/^\d+$/.test(w));
  const words = all.filter((w) => !STOP[v].has(w));
  const best = new Map<string, Hit>();
  const said = new Map<string, Set<string>>();
  for (const p of vocab(v).phrases) {
    if (!phraseHit(p, words, v, typos)) continue;
    const size = p.words.length;
    const prev = best.get(p.code);
    if (!prev || size > prev.size) best.set(p.code, { phrase: p, size });
    const set = said.get(p.code) ?? new Set<string>();
    for (const w of p.words) set.add(w);
    said.set(p.code, set);
  }
  const hits = [...best.entries()].sort((a, b) => b[1].size - a[1].size);
  if (hits.length === 0 || !covers(said.get(hits[0][0])!, content, v)) return null;
  const [topCode, top] = hits[0];
  // Any other code found in the value (even by a short phrase) that the winner's phrase does not include.
  const rivals = hits.slice(1).filter(([, h]) => !h.phrase.words.every((w) => top.phrase.words.includes(w)) || h.size === top.size);
  if (rivals.length > 0) return { ok: false, candidates: [topCode, ...rivals.map(([c]) => c)], ambiguous: true };
  return { ok: true, code: topCode };
}

/** The nearest codes to an unmatched value, best first (at most `n`). */
export function nearestCodes(v: Vocabulary, value: string, n = 3): string[] {
  const k = normKey(value);
  const words = vocabWords(value).filter((w) => !STOP[v].has(w));
  const score = new Map<string, number>();
  for (const e of vocab(v).keys) {
    const shared = e.words.filter((w) => words.some((x) => sameWord(x, w, true))).length;
    const s = Math.max(dice(k, e.key), shared / Math.max(1, Math.max(e.words.length, words.length)));
    if (s > (score.get(e.code) ?? 0)) score.set(e.code, s);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const floor = Math.max(MIN_SUGGEST, (ranked[0]?.[1] ?? 0) - 0.1);
  return ranked.filter(([, s]) => s >= floor).slice(0, n).map(([c]) => c);
}

/** Matches one written value to a code of the vocabulary (see the module comment). */
export function matchVocabulary(v: Vocabulary, value: unknown): VocabMatch {
  const text = value === null || value === undefined ? '' : String(value);
  const k = normKey(text);
  if (!k) return { ok: false, candidates: [], ambiguous: false };
  const x = vocab(v).exact.get(k);
  if (x) return { ok: true, code: x };
  if (v === 'agency') for (const [re, code] of AGENCY_PATTERNS) if (re.test(k)) return { ok: true, code };
  const all = vocabWords(text);
  const m = wordMatch(v, all, false) ?? wordMatch(v, all, true);
  if (m) return m;
  return { ok: false, candidates: nearestCodes(v, text), ambiguous: x === null };
}

/** Issue params for a rejected value: the candidates (codes) and which vocabulary they belong to. */
export function candidateParams(v: Vocabulary, m: Extract<VocabMatch, { ok: false }>): Record<string, string> | undefined {
  if (m.candidates.length === 0) return undefined;
  return { vocab: v, candidates: m.candidates.join(','), ...(m.ambiguous ? { ambiguous: '1' } : {}) };
}

/** A value parser for the row reader: the code, or the vocabulary's rejection with its candidates. */
export function pVocab(v: Vocabulary, code: ReasonCode): Parser<string> {
  return (x) => {
    const m = matchVocabulary(v, x);
    if (m.ok) return { ok: true, value: m.code };
    const params = candidateParams(v, m);
    return params ? { ok: false, code, params } : { ok: false, code };
  };
}

/**
 * The other causes of a cell, one per ";" or line (labels contain commas); a part that is not one
 * cause as a whole is split further at commas, "/", "+", "&" and " dan " outside parentheses
 * ("KEK, anemia"; "1. BBLR 2. diare" bullets removed). `known` says whether a text is one cause.
 */
export function splitCauses(text: string, known: (t: string) => boolean): string[] {
  const out: string[] = [];
  const clean = (t: string) => t.replace(/^\s*(\d{1,2}[.)]|[-•*])\s*/, '').trim();
  for (const part of text.split(/[;\n]+|\s+\d{1,2}[.)]\s+/).map(clean).filter(Boolean)) {
    if (known(part)) {
      out.push(part);
      continue;
    }
    const pieces: string[] = [];
    let depth = 0;
    let cur = '';
    const words = part.split(/(\s+dan\s+|[,/+&()])/i);
    for (const w of words) {
      if (w === '(') depth++;
      if (w === ')') depth = Math.max(0, depth - 1);
      if (depth === 0 && /^(\s+dan\s+|[,/+&])$/i.test(w)) (pieces.push(cur), (cur = ''));
      else cur += w;
    }
    pieces.push(cur);
    const ps = pieces.map(clean).filter(Boolean);
    out.push(...(ps.length > 1 ? ps : [part]));
  }
  return out;
}
