import type { Label } from './label.ts';

/** Where an audited case was selected from (AKS.md §4). */
export type CaseSourceCode = 'pk' | 'eppgbm' | 'elsimil' | 'posyandu' | 'lainnya';

export const CASE_SOURCES: readonly { code: CaseSourceCode; label: Label }[] = [
  { code: 'pk', label: { id: 'Pendataan Keluarga (keluarga berisiko stunting)', en: 'Family data collection (families at risk)' } },
  { code: 'eppgbm', label: { id: 'e-PPGBM', en: 'e-PPGBM' } },
  { code: 'elsimil', label: { id: 'Elsimil', en: 'Elsimil' } },
  { code: 'posyandu', label: { id: 'Posyandu', en: 'Posyandu' } },
  { code: 'lainnya', label: { id: 'Lainnya', en: 'Other' } }
];
export const CASE_SOURCE_CODES = CASE_SOURCES.map((s) => s.code) as readonly CaseSourceCode[];
