import { PROVINCE_ROWS, REGENCY_ROWS } from './regions.data.ts';

export type RegionLevel = 'province' | 'regency';
export type RegencyKind = 'kabupaten' | 'kota';

export interface Province {
  code: string; // "32"
  name: string; // "Jawa Barat"
}
export interface Regency {
  code: string; // "32.03"
  name: string; // "Kabupaten Cianjur"
  provinceCode: string; // "32"
  kind: RegencyKind;
  shortName: string; // "Cianjur"
}

/** "Kabupaten Cianjur" -> "Cianjur", "Kota Administrasi Jakarta Pusat" -> "Jakarta Pusat". */
export function shortRegencyName(name: string): string {
  return name.replace(/^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+/, '');
}

export const PROVINCES: readonly Province[] = PROVINCE_ROWS.map(([code, name]) => ({ code, name }));

export const REGENCIES: readonly Regency[] = REGENCY_ROWS.map(([code, name]) => ({
  code,
  name,
  provinceCode: code.slice(0, 2),
  kind: /^Kota\b/.test(name) ? 'kota' : 'kabupaten',
  shortName: shortRegencyName(name)
}));

export const PROVINCE_BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));
export const REGENCY_BY_CODE: ReadonlyMap<string, Regency> = new Map(REGENCIES.map((r) => [r.code, r]));

export function regenciesOf(provinceCode: string): Regency[] {
  return REGENCIES.filter((r) => r.provinceCode === provinceCode);
}

export function levelOf(code: string): RegionLevel | null {
  if (/^\d{2}$/.test(code)) return PROVINCE_BY_CODE.has(code) ? 'province' : null;
  if (/^\d{2}\.\d{2}$/.test(code)) return REGENCY_BY_CODE.has(code) ? 'regency' : null;
  return null;
}

export function regionName(code: string): string | undefined {
  return PROVINCE_BY_CODE.get(code)?.name ?? REGENCY_BY_CODE.get(code)?.name;
}
