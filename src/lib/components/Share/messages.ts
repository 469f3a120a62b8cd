/** Strings of the public-mode bar and the share link (Bahasa Indonesia default, English). */
import type { Lang } from '$lib/domain/label.ts';
import { makeTranslator } from '$lib/i18n/messages.ts';

const id = {
  publicMode: 'Mode publik',
  publicOn: 'Aman untuk ditampilkan: setiap jumlah sedikit disesuaikan (paling banyak ±3, sama di setiap layar dan unduhan) dan jumlah di bawah {k} ditampilkan sebagai "<{k}", agar tidak ada anak yang dapat dikenali dengan menggabungkan tabel. Karena itu total di tabel publik tidak selalu sama persis dengan jumlah barisnya. Detail kasus tidak tersedia.',
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
  publicOn: 'Safe to show: every count is slightly adjusted (by at most ±3, the same on every screen and download) and counts below {k} show as "<{k}", so that no child can be singled out by combining tables. Public tables therefore need not add up exactly. Case detail is unavailable.',
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
