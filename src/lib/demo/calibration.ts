/**
 * Stunting calibration: the share of audited children who are stunted (HAZ < -2) per regency follows
 * SSGI 2022 (data/reference/prevalence*.csv, AKS.md §5). Audited children are selected at-risk cases,
 * so the level is higher than the survey's, but the ranking across provinces is the survey's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { PROVINCES, REGENCIES } from '../domain/regions.ts';

const REF_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));

/**
 * SSGI 2022 predates the 2022 Papua split: Papua (91) then covered today's 93/94/95, and Papua Barat
 * (92) covered today's 96 (Papua Barat Daya).
 */
export const PRE_SPLIT_PROVINCE: Readonly<Record<string, string>> = { '93': '91', '94': '91', '95': '91', '96': '92' };

type Row = Record<string, string>;
function readCsv(file: string): Row[] {
  return Papa.parse<Row>(readFileSync(REF_DIR + file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** SSGI 2022 prevalence (fraction) for each of the 38 current provinces. */
export function ssgi2022ByProvince(): Map<string, number> {
  const raw = new Map<string, number>();
  for (const r of readCsv('prevalence.csv')) {
    if (r.year === '2022' && r.survey === 'SSGI') raw.set(r.province_code, Number(r.prevalence_pct) / 100);
  }
  const out = new Map<string, number>();
  for (const p of PROVINCES) {
    const v = raw.get(p.code) ?? raw.get(PRE_SPLIT_PROVINCE[p.code] ?? '');
    if (v === undefined) throw new Error(`no SSGI 2022 prevalence for province ${p.code}`);
    out.set(p.code, v);
  }
  return out;
}

/** SSGI 2022 regency prevalence (fraction) where published (Aceh, Jabar, Jateng, old-Papua districts, ...). */
export function ssgi2022ByRegency(): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of readCsv('prevalence_kabkota.csv')) {
    if (r.year === '2022' && r.survey === 'SSGI') out.set(r.regency_code, Number(r.prevalence_pct) / 100);
  }
  return out;
}

/** Survey prevalence -> share stunted among audited children (selected at-risk cases). */
export function auditedStuntedShare(prevalence: number): number {
  return Math.min(0.85, 0.18 + 1.45 * prevalence);
}

/** Weight of a published regency figure against its province's figure. */
export const REGENCY_WEIGHT = 0.65;

/**
 * Each regency's reference prevalence: the regency figure leaned on where published, else the
 * province figure with a small regency offset (cities a bit lower). `jitter(code)` is a seeded N(0,1).
 */
export function regencyPrevalence(jitter: (code: string) => number): Map<string, number> {
  const prov = ssgi2022ByProvince();
  const kab = ssgi2022ByRegency();
  const out = new Map<string, number>();
  for (const r of REGENCIES) {
    const p = prov.get(r.provinceCode)!;
    const k = kab.get(r.code);
    const v = k !== undefined ? REGENCY_WEIGHT * k + (1 - REGENCY_WEIGHT) * p : p + 0.02 * jitter(r.code) - (r.kind === 'kota' ? 0.025 : 0);
    out.set(r.code, Math.max(0.04, v));
  }
  return out;
}
