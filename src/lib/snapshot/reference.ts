/**
 * Loads the reference tables every snapshot carries: regions (from src/lib/domain), published
 * prevalence (data/reference/*.csv, copied from shared/domain with their source URLs) and the audit
 * calendar's stage windows (data/reference/calendar-windows.csv).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVINCES, REGENCIES } from '../domain/regions.ts';
import { parseCalendarWindowsCsv, type CalendarWindowRow } from '../calendar/windows.ts';

const REF_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));
const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);

export async function loadRegions(conn: DuckDBConnection): Promise<void> {
  const rows = [
    ...PROVINCES.map((p) => `(${q(p.code)}, 'province', ${q(p.name)}, ${q(p.code)}, NULL)`),
    ...REGENCIES.map((r) => `(${q(r.code)}, 'regency', ${q(r.name)}, ${q(r.provinceCode)}, ${q(r.kind)})`)
  ];
  await conn.run(`INSERT INTO regions VALUES ${rows.join(',\n')}`);
}

export const CALENDAR_WINDOWS_FILE = 'calendar-windows.csv';

/** The stage windows of data/reference/calendar-windows.csv (checked: throws naming row and column). */
export function readCalendarWindows(refDir = REF_DIR): CalendarWindowRow[] {
  return parseCalendarWindowsCsv(readFileSync(`${refDir}${CALENDAR_WINDOWS_FILE}`, 'utf8'), CALENDAR_WINDOWS_FILE);
}

export async function loadCalendarWindows(conn: DuckDBConnection, rows: readonly CalendarWindowRow[] = readCalendarWindows()): Promise<void> {
  const values = rows.map(
    (r) => `(${r.year}, ${r.semester}, ${q(r.stage_code)}, ${r.stage_order}, DATE ${q(r.start_date)}, DATE ${q(r.end_date)}, ${q(r.source)})`
  );
  await conn.run(`INSERT INTO calendar_windows VALUES ${values.join(',\n')}`);
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
