/**
 * The target group a sheet is of, when a workbook keeps one sheet per group ("BADUTA", "Ibu Hamil",
 * "Data Catin") or its title says it ("REKAP AUDIT KASUS IBU HAMIL KABUPATEN GARUT") and the sheet has
 * no Sasaran column. Only a name or title that names exactly one group counts ("Baduta dan Balita"
 * names none). Matched on whole words with the target-group synonyms (src/lib/domain/synonyms.ts). Pure.
 */
import { TARGET_GROUP_SYNONYMS } from '../domain/synonyms.ts';
import { TARGET_GROUPS, type TargetGroupCode } from '../domain/targetGroups.ts';
import { normWords } from './text.ts';

const PHRASES: [TargetGroupCode, string[]][] = TARGET_GROUPS.flatMap((g) =>
  [g.code, g.label.id.replace(/\(.*\)/, ''), ...(TARGET_GROUP_SYNONYMS[g.code] ?? [])].map((p): [TargetGroupCode, string[]] => [g.code, normWords(p).split(' ').filter(Boolean)])
).filter(([, w]) => w.length > 0);

/** The groups a text names (whole words, any order within the phrase's run). */
function groupsIn(text: string): Set<TargetGroupCode> {
  const words = normWords(text).split(' ');
  const found = new Set<TargetGroupCode>();
  for (const [code, phrase] of PHRASES) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((w, k) => words[i + k] === w)) found.add(code);
    }
  }
  return found;
}

/** The one group the sheet's name names, else the one its title lines name together, else null. */
export function groupFromSheet(sheetName: string | undefined, title: readonly string[]): TargetGroupCode | null {
  for (const text of [sheetName ?? '', title.join(' / ')]) {
    const g = groupsIn(text);
    if (g.size === 1) return [...g][0];
    if (g.size > 1) return null;
  }
  return null;
}
