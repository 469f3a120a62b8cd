/** Strings of the public-mode bar and the share link (Bahasa Indonesia default, English). */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  publicMode: 'Mode publik',
  publicOn: 'Aman untuk ditampilkan: jumlah di bawah {k} ditampilkan sebagai "<{k}", persentase darinya tidak ditampilkan, "×" disembunyikan agar angka kecil tidak dapat dihitung dari total, peta menampilkan rentang nilai, dan detail kasus tidak tersedia.',
  publicOff: 'Mode internal: semua angka ditampilkan. Jangan tampilkan layar ini di depan umum.',
  threshold: 'Ambang',
  share: 'Bagikan tautan',
  shareTitle: 'Tautan ke tampilan ini, dengan filter dan mode yang sama',
  sharePublic: 'Tautan aman untuk publik',
  copy: 'Salin',
  copied: 'Tautan disalin',
  copyFailed: 'Salin manual: pilih tautan lalu Ctrl+C',
  close: 'Tutup'
};
const en: typeof id = {
  publicMode: 'Public mode',
  publicOn: 'Safe to show: counts below {k} show as "<{k}", shares derived from them are withheld, "×" is hidden so a small count cannot be worked out from a total, the map shows value bands, and case detail is unavailable.',
  publicOff: 'Internal mode: every number is shown. Do not show this screen in public.',
  threshold: 'Threshold',
  share: 'Share link',
  shareTitle: 'A link to this view, with the same filters and mode',
  sharePublic: 'Link safe for the public',
  copy: 'Copy',
  copied: 'Link copied',
  copyFailed: 'Copy by hand: select the link and press Ctrl+C',
  close: 'Close'
};

export const shareTranslator = (lang: Lang) => makeTranslator<keyof typeof id>({ id, en }, lang);
export type ShareT = ReturnType<typeof shareTranslator>;
