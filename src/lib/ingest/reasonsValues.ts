/**
 * Reasons for values that would otherwise go in silently wrong (issue 20): future dates, NIK-like case
 * ids, rows with more fields than the header (decimal commas in a `,` file), unbalanced quotes and unbalanced
 * quotes. Spread into REASONS (reasons.ts). Pure.
 */
type P = Record<string, string>;

export const VALUE_REASONS = {
  future_date: {
    id: (p: P) => `tanggal di masa depan (setelah tanggal impor ${p.today})`,
    en: (p: P) => `date in the future (after the import date ${p.today})`
  },
  nik_like_id: {
    id: () => 'ID kasus berupa 16 digit seperti NIK: gunakan nomor kasus audit, jangan NIK (nilai disamarkan)',
    en: () => 'case id is 16 digits like a NIK (national id number): use the audit case number, never a NIK (value masked)'
  },
  extra_fields: {
    id: (p: P) => `baris berisi ${p.got} kolom, judul ${p.expected}: koma desimal tanpa tanda kutip di berkas berpemisah koma? Simpan dengan pemisah ";" atau beri tanda kutip`,
    en: (p: P) => `row has ${p.got} fields but the header has ${p.expected}: an unquoted decimal comma in a comma-separated file? Save with ";" as separator or quote the value`
  },
  unbalanced_quote: {
    id: (p: P) => `tanda kutip (") tidak ditutup: baris ini tidak dimuat, ${p.count} baris berikutnya yang tertelan dibaca ulang terpisah; perbaiki tanda kutipnya`,
    en: (p: P) => `unclosed quote ("): this row is not loaded; the ${p.count} lines it swallowed were read again on their own; fix the quote`
  }
};
