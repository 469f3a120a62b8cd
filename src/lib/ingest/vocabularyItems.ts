/**
 * The items of each vocabulary (causes, interventions, agencies, target groups, from src/lib/domain)
 * and how a code is named in a report: its label and code, and the "did you mean" part of a rejection
 * message. Apart from the matching (vocabulary.ts), so the reason messages (reasons.ts) can use it
 * without an import cycle. Pure.
 */
import type { Label, Lang } from '../domain/label.ts';
import { CAUSES } from '../domain/causes.ts';
import { AGENCIES, INTERVENTIONS } from '../domain/interventions.ts';
import { TARGET_GROUPS } from '../domain/targetGroups.ts';
import type { Vocabulary } from '../domain/synonyms.ts';

export const ITEMS: Record<Vocabulary, readonly { code: string; label: Label }[]> = {
  cause: CAUSES,
  intervention: INTERVENTIONS,
  agency: AGENCIES,
  target_group: TARGET_GROUPS
};

/** "Label [code]" of a code, in the report's language. */
export function vocabLabel(v: Vocabulary, code: string, lang: Lang = 'id'): string {
  const it = ITEMS[v].find((i) => i.code === code);
  return it ? `${it.label[lang]} [${code}]` : code;
}

/** The "did you mean" part of a rejection message, or ''. */
export function candidateText(p: Record<string, string>, lang: Lang): string {
  if (!p.candidates || !p.vocab) return '';
  const labels = p.candidates.split(',').map((c) => vocabLabel(p.vocab as Vocabulary, c, lang));
  if (p.ambiguous) return lang === 'id' ? `; ambigu, bisa berarti: ${labels.join(' atau ')}` : `; ambiguous, could be: ${labels.join(' or ')}`;
  return lang === 'id' ? `; mungkin maksud Anda: ${labels.join(', ')}` : `; did you mean: ${labels.join(', ')}`;
}
