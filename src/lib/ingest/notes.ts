/**
 * What the import tells about a file, sheet or column without rejecting anything (ignored columns,
 * identity columns dropped, the encoding a file was read in, how ambiguous dates were read, an age
 * column given in years): plain words in Bahasa Indonesia and English, for the CLI summary and the
 * browser's import dialog. Pure.
 */
import type { Lang } from '../domain/label.ts';
import type { Note } from './types.ts';

type P = Record<string, string>;
const NOTES: Record<Note['code'], { id: (p: P) => string; en: (p: P) => string }> = {
  extra_column: { id: () => 'kolom tambahan diabaikan', en: () => 'extra column ignored' },
  privacy_dropped: {
    id: () => 'kolom identitas dibuang demi privasi (tidak pernah dimuat)',
    en: () => 'identity column dropped for privacy (never loaded)'
  },
  duplicate_column: {
    id: (p) => `judul kolom ganda: kolom ini (kolom ke-${p.position ?? '?'}) sama dengan kolom ke-${p.first ?? '?'} dan tidak dimuat; ganti judulnya bila berisi data lain`,
    en: (p) => `duplicated header: this column (column ${p.position ?? '?'}) repeats column ${p.first ?? '?'} and is not loaded; rename it if it holds other data`
  },
  sheet_ignored: {
    id: () => 'lembar tidak dikenali sebagai kasus/rekomendasi/kalender, diabaikan',
    en: () => 'sheet not recognised as kasus/rekomendasi/kalender, ignored'
  },
  encoding: {
    id: (p) => `berkas bukan UTF-8: dibaca sebagai ${p.encoding}`,
    en: (p) => `file is not UTF-8: read as ${p.encoding}`
  },
  dates_day_first: {
    id: (p) => `semua ${p.count} tanggal ambigu (mis. ${p.example}): dibaca hari/bulan/tahun, kebiasaan Indonesia`,
    en: (p) => `all ${p.count} dates are ambiguous (e.g. ${p.example}): read as day/month/year, the Indonesian order`
  },
  dates_month_first: {
    id: (p) => `tanggal ditulis bulan/hari/tahun (mis. ${p.example}): dibaca demikian`,
    en: (p) => `dates are written month/day/year (e.g. ${p.example}): read that way`
  },
  age_in_years: {
    id: () => 'usia anak dalam tahun: dikonversi ke bulan (× 12)',
    en: () => 'child age given in years: converted to months (× 12)'
  }
};

export function noteMessage(n: Note, lang: Lang = 'en'): string {
  return NOTES[n.code][lang](n.params ?? {});
}
