/**
 * Strings of the view navigation at the top of the dashboard (Bahasa Indonesia default, English); the
 * navigation's name and the map entry are the core strings `views` and `viewMap`.
 */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  story: 'Cerita kabupaten',
  storyTitle: 'Cerita kabupaten/kota untuk presentasi (PETIK AKSI)',
  storyPick: 'pilih kabupaten/kota',
  place: 'Wilayah'
};
const en: typeof id = {
  story: 'District story',
  storyTitle: 'The regency/city story for presenting (PETIK AKSI)',
  storyPick: 'choose a regency/city',
  place: 'Region'
};

export const navTranslator = (lang: Lang) => makeTranslator<keyof typeof id>({ id, en }, lang);
export type NavT = ReturnType<typeof navTranslator>;
