import type { Label } from './label.ts';

/** The audit stages of one semester's cycle, in order. */
export type StageCode = 'tim' | 'seleksi' | 'kajian' | 'diseminasi' | 'rtl' | 'evaluasi';

export interface Stage {
  code: StageCode;
  order: number;
  label: Label;
  /** BKKBN's four official reporting stages (Sipasti "tahap") this stage belongs to. */
  tahap: 1 | 2 | 3 | 4;
  /**
   * Expected window, in days from the first day of the semester (Jan 1 or Jul 1):
   * the stage should be done between `startDay` and `endDay` (inclusive). Reconstructed from the
   * BKKBN statements and district SOPs in shared/domain/AKS.md §1.2–1.5 (the official calendar is
   * not public): evaluation runs three months past the semester's end (monthly monitoring for 3 months).
   */
  startDay: number;
  endDay: number;
}

export const STAGES: readonly Stage[] = [
  { code: 'tim', order: 1, tahap: 1, startDay: 0, endDay: 45, label: { id: 'Pembentukan tim AKS', en: 'Audit team formed' } },
  { code: 'seleksi', order: 2, tahap: 2, startDay: 30, endDay: 75, label: { id: 'Identifikasi & seleksi kasus', en: 'Case selection' } },
  { code: 'kajian', order: 3, tahap: 2, startDay: 60, endDay: 120, label: { id: 'Kajian tim pakar', en: 'Expert review' } },
  { code: 'diseminasi', order: 4, tahap: 3, startDay: 105, endDay: 165, label: { id: 'Diseminasi', en: 'Dissemination' } },
  { code: 'rtl', order: 5, tahap: 3, startDay: 120, endDay: 180, label: { id: 'Rencana tindak lanjut (RTL)', en: 'Follow-up plan (RTL)' } },
  { code: 'evaluasi', order: 6, tahap: 4, startDay: 150, endDay: 270, label: { id: 'Tindak lanjut & evaluasi', en: 'Follow-up and evaluation' } }
];

export const STAGE_CODES = STAGES.map((s) => s.code) as readonly StageCode[];
export const STAGE_BY_CODE: ReadonlyMap<StageCode, Stage> = new Map(STAGES.map((s) => [s.code, s]));
