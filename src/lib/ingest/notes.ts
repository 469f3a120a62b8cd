/**
 * Notes (not errors) in plain words, Bahasa Indonesia and English: columns ignored, duplicated or
 * dropped, rows skipped (blank, totals, column numbers, signature block), where the period came from
 * and periods that disagree, the encoding a file was read in, how ambiguous dates were read, an age
 * column given in years. Also the per-sheet context lines (header row, title block, period sources),
 * for the CLI summary and the browser's import dialog. Pure.
 */
import type { Lang } from '../domain/label.ts';
import type { Note, NoteCode, PeriodSource, SheetStat } from './types.ts';

type P = Record<string, string>;
const SOURCE: Record<PeriodSource, { id: string; en: string }> = {
  column: { id: 'kolom Tahun/Semester', en: 'the Tahun/Semester columns' },
  title: { id: 'judul lembar', en: 'the title block' },
  dates: { id: 'tanggal seleksi/kajian', en: 'the selection/review dates' },
  option: { id: 'periode yang dipilih', en: 'the period chosen' }
};
const src = (s: string, lang: Lang) => (SOURCE[s as PeriodSource] ?? { id: s, en: s })[lang];

const TEXT: Record<NoteCode, { id: (p: P) => string; en: (p: P) => string }> = {
  extra_column: { id: () => 'kolom tambahan diabaikan', en: () => 'extra column ignored' },
  privacy_dropped: { id: () => 'kolom identitas dibuang demi privasi (tidak pernah dimuat)', en: () => 'identity column dropped for privacy (never loaded)' },
  duplicate_column: {
    id: (p) => `judul kolom ganda: kolom ini (kolom ke-${p.position ?? '?'}) sama dengan kolom ke-${p.first ?? '?'} dan tidak dimuat; ganti judulnya bila berisi data lain`,
    en: (p) => `duplicated header: this column (column ${p.position ?? '?'}) repeats column ${p.first ?? '?'} and is not loaded; rename it if it holds other data`
  },
  sheet_ignored: { id: () => 'lembar bukan kasus/rekomendasi/kalender, diabaikan', en: () => 'sheet not recognised as kasus/rekomendasi/kalender, ignored' },
  blank_rows: { id: (p) => `${p.n} baris kosong dilewati (baris ${p.rows})`, en: (p) => `${p.n} blank rows skipped (rows ${p.rows})` },
  totals_row: { id: (p) => `baris jumlah "${p.value}" dilewati`, en: (p) => `totals row "${p.value}" skipped` },
  numbering_row: { id: () => 'baris nomor kolom dilewati', en: () => 'column-number row skipped' },
  footer_rows: { id: (p) => `${p.n} baris di bawah jumlah (tanda tangan, catatan) dilewati (baris ${p.rows})`, en: (p) => `${p.n} rows below the totals (signatures, notes) skipped (rows ${p.rows})` },
  period_conflict: {
    id: (p) => `periode tidak sama: ${src(p.a, 'id')}${p.av ? ` ${p.av}` : ''}, ${src(p.b, 'id')} ${p.bv}; dipakai ${src(p.used, 'id')}${p.rows ? ` (baris ${p.rows})` : ''}`,
    en: (p) => `periods disagree: ${src(p.a, 'en')}${p.av ? ` ${p.av}` : ''}, ${src(p.b, 'en')} ${p.bv}; ${src(p.used, 'en')} used${p.rows ? ` (rows ${p.rows})` : ''}`
  },
  title_period_unclear: {
    id: (p) => `judul menyebut lebih dari satu periode, tidak dipakai: "${p.title}"`,
    en: (p) => `the title names more than one period, not used: "${p.title}"`
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
  title_region: {
    id: (p) => `tidak ada kolom Kabupaten/Kota: semua baris dari ${p.region} (${p.code}), sesuai judul lembar`,
    en: (p) => `no Kabupaten/Kota column: every row is from ${p.region} (${p.code}), as the title block says`
  },
  sheet_group: {
    id: (p) => `tidak ada kolom Sasaran: semua baris sasaran ${p.group}, sesuai nama atau judul lembar`,
    en: (p) => `no Sasaran column: every row is target group ${p.group}, as the sheet's name or title says`
  },
  age_in_years: {
    id: () => 'usia anak dalam tahun: dikonversi ke bulan (× 12)',
    en: () => 'child age given in years: converted to months (× 12)'
  }
};

export function noteText(n: Note, lang: Lang = 'en'): string {
  return TEXT[n.code][lang](n.params ?? {});
}
/** The note's text (issue 20's name for noteText). */
export const noteMessage = noteText;

/** Where a note is: file [sheet], row N, column "X". */
export function noteWhere(n: Note, lang: Lang = 'en'): string {
  const [row, col] = lang === 'id' ? ['baris', 'kolom'] : ['row', 'column'];
  return `${n.file}${n.sheet ? ` [${n.sheet}]` : ''}${n.row ? ` ${row} ${n.row}` : ''}${n.column ? ` ${col} "${n.column}"` : ''}`;
}

/** The period sources of a sheet in words: "the title block (2023-1): 12 rows". */
export function periodSourceText(s: SheetStat, lang: Lang = 'en'): string {
  const parts = Object.entries(s.periodSources ?? {}).map(([k, n]) => {
    const value = k === 'title' ? s.titlePeriod : k === 'option' ? s.optionPeriod : undefined;
    return `${src(k, lang)}${value ? ` (${value})` : ''}: ${n}`;
  });
  return parts.join(', ');
}
