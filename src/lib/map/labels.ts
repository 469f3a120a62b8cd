/** Short region labels for the map, and the component's few interface strings (id/en). */
import type { Lang } from '$lib/domain/label.ts';
import { REGENCIES, PROVINCE_BY_CODE, REGENCY_BY_CODE, shortRegencyName } from '$lib/domain/regions.ts';

/** Province names too long for a map label. */
const PROVINCE_SHORT: Record<string, string> = {
  '19': 'Kep. Bangka Belitung',
  '21': 'Kep. Riau',
  '31': 'DKI Jakarta',
  '34': 'DI Yogyakarta'
};

/** Short names that a kabupaten and a kota share (e.g. Bogor), where "Kota" must stay. */
const AMBIGUOUS_SHORT: ReadonlySet<string> = (() => {
  const kab = new Set(REGENCIES.filter((r) => r.kind === 'kabupaten').map((r) => `${r.provinceCode}|${r.shortName}`));
  const out = new Set<string>();
  for (const r of REGENCIES) if (r.kind === 'kota' && kab.has(`${r.provinceCode}|${r.shortName}`)) out.add(r.code);
  return out;
})();

/**
 * Map label of a region: provinces by (shortened) name; regencies without "Kabupaten"/"Kota",
 * except that a city keeps "Kota" when a regency of the same name exists ("Kota Bogor" vs "Bogor").
 */
export function regionLabel(code: string, name?: string): string {
  if (code.length === 2) return PROVINCE_SHORT[code] ?? name ?? PROVINCE_BY_CODE.get(code)?.name ?? code;
  const full = name ?? REGENCY_BY_CODE.get(code)?.name ?? code;
  const short = shortRegencyName(full);
  return AMBIGUOUS_SHORT.has(code) ? `Kota ${short}` : short;
}

const STRINGS = {
  id: {
    noData: 'Tidak ada data',
    table: 'Tabel',
    hideTable: 'Sembunyikan tabel',
    region: 'Wilayah',
    province: 'Provinsi',
    regency: 'Kabupaten/kota',
    value: 'Nilai',
    count: 'n',
    countPrefix: 'n = ',
    sortBy: 'Urutkan menurut',
    loading: 'Memuat peta…',
    loadingData: 'Memuat data…',
    loadError: 'Peta tidak dapat dimuat',
    mapLabel: 'Peta',
    tableCaption: 'Nilai per wilayah',
    classCount: 'wilayah',
    hidden: 'disembunyikan (mode publik)'
  },
  en: {
    noData: 'No data',
    table: 'Table',
    hideTable: 'Hide table',
    region: 'Region',
    province: 'Province',
    regency: 'Regency/city',
    value: 'Value',
    count: 'n',
    countPrefix: 'n = ',
    sortBy: 'Sort by',
    loading: 'Loading map…',
    loadingData: 'Loading data…',
    loadError: 'The map could not be loaded',
    mapLabel: 'Map',
    tableCaption: 'Values by region',
    classCount: 'regions',
    hidden: 'hidden (public mode)'
  }
} as const satisfies Record<Lang, Record<string, string>>;

export type MapStringKey = keyof (typeof STRINGS)['id'];

export function mapText(lang: Lang, key: MapStringKey): string {
  return (STRINGS[lang] ?? STRINGS.id)[key];
}

export function locale(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'id-ID';
}
