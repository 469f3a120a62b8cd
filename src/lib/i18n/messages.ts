/**
 * UI strings. Bahasa Indonesia is the default; English must have exactly the same keys (checked by the
 * type). Labels of domain things (regions, groups, causes, periods) come from src/lib/domain.
 */
import type { Lang } from '$lib/domain/label.ts';

const id = {
  appName: 'Peta AKS',
  appSubtitle: 'Audit Kasus Stunting',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch the interface to English',
  filters: 'Filter',
  period: 'Periode',
  allPeriods: 'Semua periode',
  targetGroup: 'Sasaran',
  allGroups: 'Semua sasaran',
  indicator: 'Indikator',
  cause: 'Penyebab',
  survey: 'Survei prevalensi',
  classification: 'Klasifikasi',
  'classification.quantile': 'Kuantil',
  'classification.equal': 'Interval sama',
  'classification.jenks': 'Jenks (natural breaks)',
  'classification.auto': 'Otomatis',
  'classification.who': 'Ambang WHO/UNICEF',
  'classification.fixed': 'Tetap 0–100 %',
  breadcrumb: 'Lokasi',
  indonesia: 'Indonesia',
  loadingTitle: 'Memuat data',
  'stage.engine': 'Menyiapkan mesin kueri…',
  'stage.manifest': 'Membaca daftar snapshot data…',
  'stage.snapshot': 'Mengunduh dan membuka snapshot data…',
  'stage.ready': 'Siap',
  errorTitle: 'Data tidak dapat dimuat',
  technicalDetail: 'Detail teknis',
  reload: 'Muat ulang',
  'error.no-worker': 'Peramban ini tidak mendukung Web Worker, yang dibutuhkan mesin kueri. Gunakan versi terbaru Chrome, Edge atau Firefox.',
  'error.engine': 'Mesin kueri (DuckDB-WASM) gagal dimulai. Muat ulang halaman; jika masih gagal, gunakan peramban versi terbaru.',
  'error.manifest-http': 'Snapshot data tidak dapat dimuat ({detail}). Jalankan `npm run data:demo` lalu muat ulang halaman.',
  'error.manifest-network': 'Server data tidak dapat dihubungi ({detail}). Periksa bahwa server aplikasi berjalan, lalu muat ulang.',
  'error.manifest-invalid': 'Berkas data/current.json rusak atau tidak lengkap ({detail}). Buat ulang snapshot dengan `npm run data:demo`.',
  'error.schema-version': 'Snapshot data dibuat untuk versi aplikasi lain ({detail}). Buat ulang snapshot dengan `npm run data:demo`.',
  'error.attach': 'Berkas basis data snapshot tidak dapat dibuka ({detail}). Pastikan berkas yang disebut di data/current.json ada, lalu muat ulang.',
  'error.query': 'Sebuah kueri gagal ({detail}). Ubah filter atau muat ulang halaman.',
  summaryTitle: 'Ringkasan',
  casesAudited: 'Kasus diaudit',
  regenciesAudited: 'Kabupaten/kota diaudit',
  concluded: 'Kasus dengan penyebab utama',
  sensitiveShare: 'Penyebab utama gizi sensitif',
  topCause: 'Penyebab utama terbanyak',
  topCauses: 'Penyebab utama terbanyak',
  casesUnit: 'kasus',
  noData: 'Tidak ada data',
  emptyTitle: 'Tidak ada data untuk filter ini',
  emptyHint: 'Coba periode, sasaran atau wilayah lain.',
  clearFilters: 'Hapus filter',
  selectedRegency: 'Kabupaten/kota terpilih',
  clearSelection: 'Tutup detail',
  prevalenceNote: 'Prevalensi dari survei terbitan Kemenkes, tidak dipengaruhi filter periode dan sasaran.',
  boundaryNote: 'Angka untuk batas wilayah sebelum pemekaran Papua 2022.',
  nationalPrevalence: 'Prevalensi nasional',
  provincePrevalence: 'Prevalensi provinsi',
  regionsWithFigure: '{n} wilayah',
  mapValues: 'Nilai peta',
  dataDate: 'Data per',
  dataSource: 'Sumber',
  snapshot: 'Snapshot',
  recordsBehind: 'n = {n}',
  region: 'Wilayah',
  value: 'Nilai',
  loadingData: 'Memperbarui…',
  sharesNote: 'Persentase dari kasus yang telah disimpulkan penyebab utamanya oleh tim pakar.',
  views: 'Tampilan',
  viewMap: 'Peta & ringkasan'
};

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  appName: 'Peta AKS',
  appSubtitle: 'Stunting Case Audit',
  switchLanguage: 'Bahasa Indonesia',
  switchLanguageLabel: 'Ganti bahasa antarmuka ke Bahasa Indonesia',
  filters: 'Filters',
  period: 'Period',
  allPeriods: 'All periods',
  targetGroup: 'Target group',
  allGroups: 'All target groups',
  indicator: 'Indicator',
  cause: 'Cause',
  survey: 'Prevalence survey',
  classification: 'Classification',
  'classification.quantile': 'Quantile',
  'classification.equal': 'Equal interval',
  'classification.jenks': 'Jenks (natural breaks)',
  'classification.auto': 'Automatic',
  'classification.who': 'WHO/UNICEF thresholds',
  'classification.fixed': 'Fixed 0–100 %',
  breadcrumb: 'Location',
  indonesia: 'Indonesia',
  loadingTitle: 'Loading data',
  'stage.engine': 'Starting the query engine…',
  'stage.manifest': 'Reading the data snapshot list…',
  'stage.snapshot': 'Downloading and opening the data snapshot…',
  'stage.ready': 'Ready',
  errorTitle: 'The data could not be loaded',
  technicalDetail: 'Technical detail',
  reload: 'Reload',
  'error.no-worker': 'This browser does not support Web Workers, which the query engine needs. Use a current Chrome, Edge or Firefox.',
  'error.engine': 'The query engine (DuckDB-WASM) failed to start. Reload the page; if it still fails, use a current browser.',
  'error.manifest-http': 'The data snapshot could not be loaded ({detail}). Run `npm run data:demo` and reload.',
  'error.manifest-network': 'The data server could not be reached ({detail}). Check that the app server is running, then reload.',
  'error.manifest-invalid': 'The file data/current.json is damaged or incomplete ({detail}). Rebuild the snapshot with `npm run data:demo`.',
  'error.schema-version': 'The data snapshot was made for another version of the app ({detail}). Rebuild it with `npm run data:demo`.',
  'error.attach': 'The snapshot database file could not be opened ({detail}). Check that the file named in data/current.json exists, then reload.',
  'error.query': 'A query failed ({detail}). Change the filters or reload the page.',
  summaryTitle: 'Summary',
  casesAudited: 'Audited cases',
  regenciesAudited: 'Regencies/cities audited',
  concluded: 'Cases with a primary cause',
  sensitiveShare: 'Primary cause nutrition-sensitive',
  topCause: 'Most frequent primary cause',
  topCauses: 'Most frequent primary causes',
  casesUnit: 'cases',
  noData: 'No data',
  emptyTitle: 'No data for these filters',
  emptyHint: 'Try another period, target group or region.',
  clearFilters: 'Clear filters',
  selectedRegency: 'Selected regency/city',
  clearSelection: 'Close detail',
  prevalenceNote: 'Prevalence from surveys published by the Ministry of Health; not affected by the period and target-group filters.',
  boundaryNote: 'Figure for the boundaries before the 2022 Papua split.',
  nationalPrevalence: 'National prevalence',
  provincePrevalence: 'Province prevalence',
  regionsWithFigure: '{n} regions',
  mapValues: 'Map values',
  dataDate: 'Data as of',
  dataSource: 'Source',
  snapshot: 'Snapshot',
  recordsBehind: 'n = {n}',
  region: 'Region',
  value: 'Value',
  loadingData: 'Updating…',
  sharesNote: 'Percent of the cases whose primary cause the expert panel has concluded.',
  views: 'Views',
  viewMap: 'Map & summary'
};

export const MESSAGES: Record<Lang, Messages> = { id, en };

/**
 * A translator over a dictionary pair; `{name}` placeholders are filled from `vars`. Features keep their
 * own dictionaries beside their components (`messages.ts` in the component folder) and make their
 * translator with this, so no feature edits this file.
 */
export function makeTranslator<K extends string>(dicts: Record<Lang, Record<K, string>>, lang: Lang) {
  const m = dicts[lang];
  return (key: K, vars?: Record<string, string | number>): string =>
    vars ? m[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : m[key];
}

/** The translator for the core interface strings. */
export function translator(lang: Lang) {
  return makeTranslator<MessageKey>(MESSAGES, lang);
}
export type Translate = ReturnType<typeof translator>;
