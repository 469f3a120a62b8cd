/**
 * Fills the schema tables cases, case_causes, recommendations and calendar of a DuckDB connection
 * (created with createSchema) with the demo data, streaming rows through appenders: memory stays
 * bounded whatever the number of cases.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { STAGES } from '../domain/stages.ts';
import { PERIODS, epochDay } from './config.ts';
import { planCells } from './cells.ts';
import { drawCase, drawGroup } from './caseRecord.ts';
import { drawCauses } from './causeMix.ts';
import { caseIdMixer } from './ids.ts';
import { drawRecommendations } from './recommendations.ts';
import { buildRegencyParams } from './regencyParams.ts';
import { Rng } from './rng.ts';
import { TABLE_SIZE } from '../privacy/ptable.ts';
import { TableSink } from './sink.ts';

export interface GenerateOptions {
  seed: number;
  /** ISO date; nothing after it is recorded as done. */
  dataDate: string;
  /** Exact number of case rows (spread over the cells like the demo); default: the demo's own counts. */
  scale?: number;
  /** Called every `progressEvery` cases and at the end. */
  onProgress?: (casesDone: number, casesTotal: number) => void;
  progressEvery?: number;
}

export interface GenerateStats {
  cases: number;
  case_causes: number;
  recommendations: number;
  calendar: number;
}

export async function generateDemoRows(conn: DuckDBConnection, opts: GenerateOptions): Promise<GenerateStats> {
  const { seed } = opts;
  const dataDay = epochDay(opts.dataDate);
  const params = buildRegencyParams(seed);
  const cells = planCells(seed, params, dataDay, opts.scale);
  const total = cells.reduce((a, c) => a + c.cases, 0);
  const every = opts.progressEvery ?? 250_000;

  const cases = await TableSink.open(conn, 'cases');
  const causes = await TableSink.open(conn, 'case_causes');
  const recs = await TableSink.open(conn, 'recommendations');
  const calendar = await TableSink.open(conn, 'calendar');
  const caseId = caseIdMixer(seed);
  let caseIndex = 0;

  for (const cell of cells) {
    const { params: p, t, calendar: cal } = cell;
    const period = PERIODS[t];
    const place = {
      province_code: p.regency.provinceCode, regency_code: p.regency.code, year: period.year, semester: period.semester
    };
    STAGES.forEach((s, k) => {
      calendar.append({ ...place, stage_code: s.code, stage_order: s.order, planned_date: cal.planned[k], actual_date: cal.actual[k] });
    });

    const rng = new Rng(seed, 'cases', p.index, t);
    // record keys from a stream of their own: the other columns stay as they were before keys existed
    const keys = new Rng(seed, 'record_key', p.index, t);
    const key = () => Math.floor(keys.next() * TABLE_SIZE);
    for (let i = 0; i < cell.cases; i++) {
      const group = drawGroup(rng, i, period.year);
      const m = drawCase(rng, p, group, t);
      const id = caseId(caseIndex++);
      const record_key = key();
      let review: number | null = null;
      let primary: { cause_code: string; cause_class: string } | null = null;
      if (cal.reviewDay !== null) {
        // Reviews of one cycle spread over the weeks before the expert meeting is recorded.
        review = cal.reviewDay - rng.int(0, Math.min(20, cal.reviewDay - (cal.selectionDay ?? cal.reviewDay)));
        const caseCauses = drawCauses(rng, p, m, t);
        primary = caseCauses[0];
        const row = { case_id: id, ...place, target_group: group };
        for (const c of caseCauses) causes.append({ ...row, ...c, record_key });
        drawRecommendations(rng, p, group, caseCauses, review, t, dataDay).forEach((r, k) => {
          recs.append({ rec_id: `${id}-${k + 1}`, ...row, ...r, record_key: key() });
        });
      }
      cases.append({
        case_id: id, ...place, ...m, review_date: review,
        primary_cause: primary?.cause_code ?? null, primary_class: primary?.cause_class ?? null, record_key
      });
      if (caseIndex % every === 0) opts.onProgress?.(caseIndex, total);
    }
  }
  for (const s of [cases, causes, recs, calendar]) s.close();
  if (caseIndex % every !== 0) opts.onProgress?.(caseIndex, total);
  return { cases: cases.rows, case_causes: causes.rows, recommendations: recs.rows, calendar: calendar.rows };
}
