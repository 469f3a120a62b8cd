/**
 * The snapshot schema: one source of truth for the generator, the import, the browser database and
 * data/README.md (rendered from here by scripts/gen-schema-doc.ts; a test keeps the two in sync).
 * Sort keys put province, regency and period first so Parquet row-group statistics prune by them.
 */
import { CASE_SOURCE_CODES } from './sources.ts';
import { TARGET_GROUP_CODES } from './targetGroups.ts';
import { STAGE_CODES } from './stages.ts';
import { CAUSE_CODES } from './causes.ts';
import { AGENCIES, INTERVENTION_CODES, RECOMMENDATION_STATUSES } from './interventions.ts';

export const SCHEMA_VERSION = 1;

export type SqlType = 'VARCHAR' | 'SMALLINT' | 'TINYINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export interface Column {
  name: string;
  type: SqlType;
  nullable: boolean;
  meaning: string;
  /** Allowed values, or a description of the range. */
  allowed?: readonly string[] | string;
}
export interface Table {
  name: string;
  meaning: string;
  columns: readonly Column[];
  sortBy: readonly string[];
}

const req = (name: string, type: SqlType, meaning: string, allowed?: Column['allowed']): Column => ({ name, type, nullable: false, meaning, allowed });
const opt = (name: string, type: SqlType, meaning: string, allowed?: Column['allowed']): Column => ({ name, type, nullable: true, meaning, allowed });

const PLACE_PERIOD: readonly Column[] = [
  req('province_code', 'VARCHAR', 'Kemendagri province code', '2 digits, one of the 38 provinces (`32`)'),
  req('regency_code', 'VARCHAR', 'Kemendagri kabupaten/kota code', '`NN.NN`, one of the 514 regencies (`32.03`)'),
  req('year', 'SMALLINT', 'Year of the audit cycle', '2020–2100'),
  req('semester', 'TINYINT', 'Audit cycle: 1 = January–June, 2 = July–December', ['1', '2'])
];
const GROUP = req('target_group', 'VARCHAR', 'Target group of the audited case', TARGET_GROUP_CODES);
const FLAG = (name: string, meaning: string) => opt(name, 'BOOLEAN', meaning);
/** The record key of public-safe mode's cell-key method (src/lib/privacy/ptable.ts). */
const RECORD_KEY = (meaning: string) =>
  req('record_key', 'SMALLINT', `${meaning} Random, drawn when the snapshot is built (the demo: from its seed; imports: a random byte); never derived from any identity. Public-safe mode perturbs a count by the sum of its records' keys (src/lib/privacy/ptable.ts).`, '0–255');

export const TABLES: readonly Table[] = [
  {
    name: 'regions',
    meaning: 'The 38 provinces and 514 kabupaten/kota (idn-area-data 4.0.1).',
    sortBy: ['code'],
    columns: [
      req('code', 'VARCHAR', 'Kemendagri code', '`32` (province) or `32.03` (regency)'),
      req('level', 'VARCHAR', 'Administrative level', ['province', 'regency']),
      req('name', 'VARCHAR', 'Official name', '`Jawa Barat`, `Kabupaten Cianjur`'),
      req('province_code', 'VARCHAR', 'Province the region is in (itself for a province)', '2 digits'),
      opt('kind', 'VARCHAR', 'Regency or city; NULL for provinces', ['kabupaten', 'kota'])
    ]
  },
  {
    name: 'cases',
    meaning: 'One row per audited case (auditee). Pseudonymous: no name, NIK, birth date or address.',
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'case_id'],
    columns: [
      req('case_id', 'VARCHAR', 'Pseudonymous case id, unique in the snapshot; not derived from any identity number', '`K` + 10 hex digits, or the worksheet id hashed'),
      ...PLACE_PERIOD,
      GROUP,
      req('source', 'VARCHAR', 'Where the case was selected from', CASE_SOURCE_CODES),
      opt('review_date', 'DATE', 'Date of the expert-panel review (kajian tim pakar)', 'inside or after the semester'),
      opt('mother_age_years', 'SMALLINT', 'Age of the (future) mother in whole years (catin, bumil, nifas)', '10–60'),
      opt('trimester', 'TINYINT', 'Trimester at audit (bumil)', ['1', '2', '3']),
      opt('child_age_months', 'SMALLINT', 'Child age in whole months (baduta 0–23, balita 24–59)', '0–59'),
      opt('child_sex', 'VARCHAR', 'Child sex', ['L', 'P']),
      opt('haz', 'DOUBLE', 'Length/height-for-age z-score (WHO 2006), children', '−6 to +6'),
      opt('whz', 'DOUBLE', 'Weight-for-length/height z-score, children', '−5 to +5'),
      opt('birth_weight_g', 'SMALLINT', 'Birth weight in grams (children, and the baby of an ibu nifas)', '400–6000'),
      opt('lila_cm', 'DOUBLE', 'Mid-upper-arm circumference (LiLA) in cm, mothers', '10–50'),
      opt('hb_g_dl', 'DOUBLE', 'Haemoglobin in g/dL, mothers', '3–20'),
      FLAG('stunted', 'HAZ < −2'),
      FLAG('severely_stunted', 'HAZ < −3'),
      FLAG('kek', 'LiLA < 23.5 cm (chronic energy deficiency)'),
      FLAG('anaemia', 'Hb < 11 g/dL (10.5 in trimester II)'),
      FLAG('lbw', 'Birth weight < 2500 g'),
      FLAG('too_young', '4T: mother younger than 20'),
      FLAG('too_old', '4T: mother 35 or older'),
      FLAG('too_close', '4T: less than 2 years since the previous birth'),
      FLAG('too_many', '4T: more than 3 children'),
      FLAG('unsafe_water', 'Household without a proper drinking-water source'),
      FLAG('poor_sanitation', 'Household without a proper latrine'),
      FLAG('poor_household', 'Pre-prosperous / lowest welfare deciles'),
      FLAG('smoker_in_house', 'Someone smokes in the home'),
      opt('primary_cause', 'VARCHAR', 'The primary root cause (copy of the primary row in case_causes)', CAUSE_CODES),
      opt('primary_class', 'VARCHAR', 'Class of the primary cause', ['spesifik', 'sensitif']),
      RECORD_KEY('Record key of the case.')
    ]
  },
  {
    name: 'case_causes',
    meaning: 'Root causes the expert panel found for each case; exactly one primary per case that has causes. Place, period and group are repeated from the case so views aggregate without a join.',
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'case_id', 'cause_code'],
    columns: [
      req('case_id', 'VARCHAR', 'The case (cases.case_id)'),
      ...PLACE_PERIOD,
      GROUP,
      req('cause_code', 'VARCHAR', 'Root cause; must apply to the target group (src/lib/domain/causes.ts)', CAUSE_CODES),
      req('cause_class', 'VARCHAR', 'Nutrition-specific or nutrition-sensitive', ['spesifik', 'sensitif']),
      req('is_primary', 'BOOLEAN', 'The primary cause of the case'),
      RECORD_KEY("The case's record key (cases.record_key), repeated so counts of cases need no join.")
    ]
  },
  {
    name: 'recommendations',
    meaning: 'Expert-panel recommendations (the RTL items) per case, with their follow-up status.',
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'case_id', 'rec_id'],
    columns: [
      req('rec_id', 'VARCHAR', 'Recommendation id, unique in the snapshot'),
      req('case_id', 'VARCHAR', 'The case (cases.case_id)'),
      ...PLACE_PERIOD,
      GROUP,
      opt('cause_code', 'VARCHAR', 'The cause the recommendation answers', CAUSE_CODES),
      req('intervention_code', 'VARCHAR', 'Intervention type', INTERVENTION_CODES),
      req('intervention_class', 'VARCHAR', 'Nutrition-specific or nutrition-sensitive intervention', ['spesifik', 'sensitif']),
      req('agency_code', 'VARCHAR', 'Responsible agency (OPD) or BAAS', AGENCIES.map((a) => a.code)),
      req('status', 'VARCHAR', 'Follow-up status', RECOMMENDATION_STATUSES.map((s) => s.code)),
      req('recommended_date', 'DATE', 'Date of the recommendation (expert review)'),
      req('due_date', 'DATE', 'Date by which it should be delivered'),
      opt('delivered_date', 'DATE', 'Date delivered; set when status is delivered or followed_up'),
      opt('followed_up_date', 'DATE', 'Date of the follow-up visit; set when status is followed_up'),
      RECORD_KEY('Record key of the recommendation (its own, not the case’s).')
    ]
  },
  {
    name: 'calendar',
    meaning: 'Audit calendar: per regency, semester and stage, the planned and the actual completion date.',
    sortBy: ['province_code', 'regency_code', 'year', 'semester', 'stage_order'],
    columns: [
      ...PLACE_PERIOD,
      req('stage_code', 'VARCHAR', 'Audit stage (src/lib/domain/stages.ts)', STAGE_CODES),
      req('stage_order', 'TINYINT', 'Position of the stage in the cycle', '1–6'),
      opt('planned_date', 'DATE', 'Date the regency planned to complete the stage'),
      opt('actual_date', 'DATE', 'Date the stage was completed; NULL while not done')
    ]
  },
  {
    name: 'calendar_windows',
    meaning: 'The audit calendar: per year, semester and stage the dates the stage is expected between (inclusive), with their source; from data/reference/calendar-windows.csv. The calendar statuses are judged against it.',
    sortBy: ['year', 'semester', 'stage_order'],
    columns: [
      req('year', 'SMALLINT', 'Year of the audit cycle', '2000–2100'),
      req('semester', 'TINYINT', 'Audit cycle: 1 = January–June, 2 = July–December', ['1', '2']),
      req('stage_code', 'VARCHAR', 'Audit stage (src/lib/domain/stages.ts)', STAGE_CODES),
      req('stage_order', 'TINYINT', 'Position of the stage in the cycle', '1–6'),
      req('start_date', 'DATE', 'First day of the expected window'),
      req('end_date', 'DATE', 'Last day of the expected window (a stage done after it is late)', 'on or after start_date; may fall in the next semester'),
      req('source', 'VARCHAR', 'Where the window comes from (a BKKBN calendar, or "reconstructed ...")')
    ]
  },
  {
    name: 'prevalence',
    meaning: 'Published stunting prevalence (SSGI/SKI) by province and, where known, by regency; `00` is national.',
    sortBy: ['region_code', 'year', 'survey'],
    columns: [
      req('region_code', 'VARCHAR', 'Kemendagri code, or `00` for Indonesia'),
      req('level', 'VARCHAR', 'Level of the figure', ['national', 'province', 'regency']),
      req('province_code', 'VARCHAR', 'Province of the figure (`00` for national)'),
      req('year', 'SMALLINT', 'Survey year'),
      req('survey', 'VARCHAR', 'Survey', ['SSGI', 'SKI']),
      req('prevalence_pct', 'DOUBLE', 'Share of children under five with HAZ < −2, in percent', '0–100'),
      opt('boundary_note', 'VARCHAR', 'Set when the figure is for a pre-2022 boundary (Papua before the split)'),
      req('source_url', 'VARCHAR', 'Where the figure was published')
    ]
  }
];

export const TABLE_BY_NAME: ReadonlyMap<string, Table> = new Map(TABLES.map((t) => [t.name, t]));

/** `CREATE TABLE` for a table of the schema (DuckDB dialect). */
export function createTableSql(table: Table, name = table.name): string {
  const cols = table.columns.map((c) => `  ${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(',\n');
  return `CREATE TABLE ${name} (\n${cols}\n)`;
}
