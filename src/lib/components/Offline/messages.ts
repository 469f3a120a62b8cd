/** Strings of the offline / data-date indicator (Bahasa Indonesia default, English). */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  offline: 'Luring',
  offlineTitle: 'Tidak ada koneksi: dasbor memakai salinan data yang tersimpan di perangkat ini',
  dataDate: 'Data per {date}'
};
const en: typeof id = {
  offline: 'Offline',
  offlineTitle: 'No connection: the dashboard uses the copy of the data kept on this device',
  dataDate: 'Data as of {date}'
};
export const offlineT = (lang: Lang) => makeTranslator({ id, en }, lang);
