/**
 * Loads the reference tables every snapshot carries: regions (from src/lib/domain) and published
 * prevalence (data/reference/*.csv, copied from shared/domain with their source URLs).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';
import { PROVINCES, REGENCIES } from '../domain/regions.ts';

const REF_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));
const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);

export async function loadRegions(conn: DuckDBConnection): Promise<void> {
  const rows = [
    ...PROVINCES.map((p) => `(${q(p.code)}, 'province', ${q(p.name)}, ${q(p.code)}, NULL)`),
    ...REGENCIES.map((r) => `(${q(r.code)}, 'regency', ${q(r.name)}, ${q(r.provinceCode)}, ${q(r.kind)})`)
  ];
  await conn.run(`INSERT INTO regions VALUES ${rows.join(',\n')}`);
}

export async function loadPrevalence(conn: DuckDBConnection, refDir = REF_DIR): Promise<void> {
  const prov = `${refDir}prevalence.csv`.replaceAll("'", "''");
  const kab = `${refDir}prevalence_kabkota.csv`.replaceAll("'", "''");
  await conn.run(`
    INSERT INTO prevalence
    SELECT province_code, CASE WHEN province_code = '00' THEN 'national' ELSE 'province' END, province_code,
           year, survey, prevalence_pct,
           CASE WHEN province_name ILIKE '%pre-2022 boundary%' THEN province_name END, source_url
    FROM read_csv('${prov}', header = true, all_varchar = true,
         columns = {'province_code':'VARCHAR','province_name':'VARCHAR','year':'SMALLINT','survey':'VARCHAR','prevalence_pct':'DOUBLE','source_url':'VARCHAR'})
    UNION ALL
    SELECT regency_code, 'regency', province_code, year, survey, prevalence_pct, NULL, source_url
    FROM read_csv('${kab}', header = true,
         columns = {'province_code':'VARCHAR','province_name':'VARCHAR','regency_code':'VARCHAR','regency_name':'VARCHAR','year':'SMALLINT','survey':'VARCHAR','prevalence_pct':'DOUBLE','source_url':'VARCHAR'})`);
}
