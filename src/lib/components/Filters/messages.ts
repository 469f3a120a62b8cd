/** Strings of the phone's filter summary and sheet (Bahasa Indonesia default, English). */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  open: 'Ubah filter',
  title: 'Filter',
  done: 'Selesai',
  applies: 'Setiap pilihan langsung berlaku pada peta dan tampilan.'
};
const en: typeof id = {
  open: 'Change filters',
  title: 'Filters',
  done: 'Done',
  applies: 'Each choice applies to the map and views at once.'
};

export const filterTranslator = (lang: Lang) => makeTranslator<keyof typeof id>({ id, en }, lang);
