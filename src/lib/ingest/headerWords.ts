/**
 * Header words as districts write them, beyond the exact spellings of headers.ts: "KATEGORI SASARAN",
 * "Jenis Sasaran", "TANGGAL AUDIT", "Faktor Penyebab Utama", "Penyebab Pendukung", "Umur (bln)",
 * "Nama Kabupaten/Kota", "Jenis Intervensi yang Direkomendasikan". A rule names the words a header
 * must hold (each group: one of its words) and the words that rule it out; the first rule of a sheet
 * kind that fits gives the field. Used only when no exact spelling matched, and never for a header
 * that names a person (headers.ts isPrivacyHeader runs first). Pure.
 */
import type { SheetKind } from './types.ts';
import { normWords } from './text.ts';

interface Rule {
  key: string;
  /** Every group must have one of its words in the header. */
  all: readonly (readonly string[])[];
  /** None of these words may be in the header. */
  none?: readonly string[];
}

/** Headers longer than this are sentences, not column names. */
const MAX_WORDS = 6;
const DATE = ['tanggal', 'tgl', 'tangal', 'date'];
const CAUSE = ['penyebab', 'masalah', 'faktor', 'determinan'];
const OTHER = ['lain', 'lainnya', 'lainya', 'tambahan', 'pendukung', 'sekunder', 'penyerta', 'other', 'secondary'];
const CHILD = ['anak', 'balita', 'baduta', 'bayi', 'child'];
const MONTHS = ['bulan', 'bln', 'bl', 'months', 'month'];
const YEARS = ['tahun', 'thn', 'th', 'years', 'year'];
const COUNTING = ['jumlah', 'jml', 'total', 'banyaknya'];

const RULES: Record<SheetKind, readonly Rule[]> = {
  kasus: [
    { key: 'case_ref', all: [['kode', 'id', 'no', 'nomor', 'nomer'], ['kasus', 'case']] },
    { key: 'case_ref', all: [['kode', 'id'], ['sasaran']] },
    { key: 'region', all: [['kabupaten', 'kab', 'kabkota', 'kota', 'regency']], none: ['kecamatan', 'provinsi', 'lahir', ...DATE] },
    { key: 'target_group', all: [['sasaran']], none: ['kode', 'id', 'no', 'nomor', 'nama', ...COUNTING, ...DATE] },
    { key: 'selection_date', all: [DATE, ['seleksi', 'identifikasi', 'pemilihan', 'penetapan', 'terpilih', 'selection']] },
    { key: 'review_date', all: [DATE, ['audit', 'kajian', 'pengkajian', 'review', 'pembahasan', 'diskusi']] },
    { key: 'child_age_months', all: [['usia', 'umur', 'age'], MONTHS], none: ['kehamilan', 'hamil', 'ibu'] },
    { key: 'child_age_months', all: [['usia', 'umur', 'age'], CHILD], none: [...YEARS, 'kehamilan'] },
    { key: 'trimester', all: [['trimester']] },
    { key: 'haz', all: [['tb', 'pb'], ['u']], none: ['bb'] },
    { key: 'whz', all: [['bb'], ['tb', 'pb']], none: ['u'] },
    { key: 'other_causes', all: [CAUSE, OTHER] },
    { key: 'primary_cause', all: [['penyebab', 'akar', 'determinan']], none: [...COUNTING] },
    { key: 'primary_cause', all: [['faktor', 'masalah'], ['utama', 'dominan', 'pokok', 'stunting']], none: [...COUNTING, 'risiko'] },
    { key: 'source', all: [['sumber']], none: ['air', 'minum', 'dana', 'biaya'] }
  ],
  rekomendasi: [
    { key: 'case_ref', all: [['kode', 'id', 'no', 'nomor', 'nomer'], ['kasus', 'case']] },
    { key: 'recommended_date', all: [DATE, ['rekomendasi', 'recommendation']] },
    { key: 'delivered_date', all: [DATE, ['diberikan', 'pemberian', 'pelaksanaan', 'realisasi', 'intervensi', 'delivered']] },
    { key: 'followed_up_date', all: [DATE, ['tindak', 'tindaklanjut', 'monitoring', 'pemantauan', 'evaluasi', 'follow']] },
    { key: 'due_date', all: [['batas', 'tenggat', 'target', 'deadline', 'due']] },
    { key: 'status', all: [['status']] },
    { key: 'agency', all: [['opd', 'instansi', 'pelaksana', 'penanggung', 'pj', 'agency']] },
    { key: 'intervention', all: [['intervensi', 'rekomendasi', 'intervention', 'recommendation', 'rtl']], none: [...COUNTING, ...DATE] },
    { key: 'region', all: [['kabupaten', 'kab', 'kabkota', 'kota', 'regency']], none: ['kecamatan', 'provinsi', 'lahir', ...DATE] },
    { key: 'cause', all: [CAUSE] }
  ],
  kalender: [
    { key: 'region', all: [['kabupaten', 'kab', 'kabkota', 'kota', 'regency']], none: ['kecamatan', 'provinsi', 'lahir', ...DATE] },
    { key: 'planned_date', all: [['rencana', 'jadwal', 'planned', 'plan']] },
    { key: 'actual_date', all: [['realisasi', 'pelaksanaan', 'selesai', 'actual', 'done']] },
    { key: 'stage', all: [['tahap', 'tahapan', 'kegiatan', 'stage']], none: [...DATE] }
  ]
};

/** The field a header's words name in a sheet kind, or null. */
export function fieldFromWords(kind: SheetKind, header: string): string | null {
  const list = normWords(header).split(' ').filter(Boolean);
  // a header is a few words; a sentence (an instruction line) names no column
  if (list.length === 0 || list.length > MAX_WORDS) return null;
  const words = new Set(list);
  for (const r of RULES[kind]) {
    if (r.none?.some((w) => words.has(w))) continue;
    if (r.all.every((group) => group.some((w) => words.has(w)))) return r.key;
  }
  return null;
}
