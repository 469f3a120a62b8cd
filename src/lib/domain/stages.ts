import type { Label } from './label.ts';

/**
 * The audit stages of one semester's cycle, in order. Their expected windows per year and semester are
 * data, not constants: data/reference/calendar-windows.csv (the snapshot's `calendar_windows` table,
 * src/lib/calendar/windows.ts).
 */
export type StageCode = 'tim' | 'seleksi' | 'kajian' | 'diseminasi' | 'rtl' | 'evaluasi';

export interface Stage {
  code: StageCode;
  order: number;
  label: Label;
  /** BKKBN's four official reporting stages (Sipasti "tahap") this stage belongs to. */
  tahap: 1 | 2 | 3 | 4;
}

export const STAGES: readonly Stage[] = [
  { code: 'tim', order: 1, tahap: 1, label: { id: 'Pembentukan tim AKS', en: 'Audit team formed' } },
  { code: 'seleksi', order: 2, tahap: 2, label: { id: 'Identifikasi & seleksi kasus', en: 'Case selection' } },
  { code: 'kajian', order: 3, tahap: 2, label: { id: 'Kajian tim pakar', en: 'Expert review' } },
  { code: 'diseminasi', order: 4, tahap: 3, label: { id: 'Diseminasi', en: 'Dissemination' } },
  { code: 'rtl', order: 5, tahap: 3, label: { id: 'Rencana tindak lanjut (RTL)', en: 'Follow-up plan (RTL)' } },
  { code: 'evaluasi', order: 6, tahap: 4, label: { id: 'Tindak lanjut & evaluasi', en: 'Follow-up and evaluation' } }
];

export const STAGE_CODES = STAGES.map((s) => s.code) as readonly StageCode[];
export const STAGE_BY_CODE: ReadonlyMap<StageCode, Stage> = new Map(STAGES.map((s) => [s.code, s]));
