/** Strings of the map modes: one map, small multiples per semester, timeline (Bahasa Indonesia default, English). */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  modes: 'Tampilan peta',
  single: 'Satu peta',
  split: 'Per semester',
  timeline: 'Linimasa',
  semesters: 'Semester yang dibandingkan',
  splitAria: 'Peta {indicator} per semester, satu legenda untuk semua',
  splitNote: 'Satu legenda dan klasifikasi untuk semua peta. Klik wilayah untuk masuk ke dalamnya.',
  loading: 'Memuat peta per semester…',
  noSemesters: 'Belum ada semester dengan data.',
  prevalenceNote: 'Prevalensi berasal dari survei per tahun, bukan per semester: pilih satu peta.',
  prev: 'Semester sebelumnya',
  next: 'Semester berikutnya',
  play: 'Putar',
  pause: 'Jeda',
  timelineAria: 'Linimasa semester (← → untuk berpindah)',
  showing: 'Menampilkan {semester}'
};
const en: Record<keyof typeof id, string> = {
  modes: 'Map view',
  single: 'One map',
  split: 'By semester',
  timeline: 'Timeline',
  semesters: 'Semesters compared',
  splitAria: 'Map of {indicator} per semester, one legend for all',
  splitNote: 'One legend and classification for every map. Click a region to go into it.',
  loading: 'Loading the maps per semester…',
  noSemesters: 'No semester with data yet.',
  prevalenceNote: 'Prevalence comes from yearly surveys, not semesters: choose one map.',
  prev: 'Previous semester',
  next: 'Next semester',
  play: 'Play',
  pause: 'Pause',
  timelineAria: 'Semester timeline (← → to move)',
  showing: 'Showing {semester}'
};

export type CompareKey = keyof typeof id;
export const compareTranslator = (lang: Lang) => makeTranslator<CompareKey>({ id, en }, lang);
export type CompareT = ReturnType<typeof compareTranslator>;
