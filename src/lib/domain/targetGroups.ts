import type { Label } from './label.ts';

/** The audited target groups (sasaran AKS). */
export type TargetGroupCode = 'catin' | 'bumil' | 'nifas' | 'baduta' | 'balita';

export interface TargetGroup {
  code: TargetGroupCode;
  label: Label;
  /** Whether the auditee is a child (anthropometry) or a (future) mother (LiLA, Hb). */
  subject: 'mother' | 'child';
  /** Child age range in months (inclusive) for baduta/balita. */
  ageMonths?: readonly [number, number];
}

export const TARGET_GROUPS: readonly TargetGroup[] = [
  { code: 'catin', label: { id: 'Calon pengantin', en: 'Bride-to-be' }, subject: 'mother' },
  { code: 'bumil', label: { id: 'Ibu hamil', en: 'Pregnant woman' }, subject: 'mother' },
  { code: 'nifas', label: { id: 'Ibu nifas', en: 'Post-partum mother' }, subject: 'mother' },
  { code: 'baduta', label: { id: 'Baduta (0–23 bulan)', en: 'Child under two (0–23 months)' }, subject: 'child', ageMonths: [0, 23] },
  { code: 'balita', label: { id: 'Balita (24–59 bulan)', en: 'Child under five (24–59 months)' }, subject: 'child', ageMonths: [24, 59] }
];

export const TARGET_GROUP_CODES = TARGET_GROUPS.map((g) => g.code) as readonly TargetGroupCode[];
export const TARGET_GROUP_BY_CODE: ReadonlyMap<TargetGroupCode, TargetGroup> = new Map(TARGET_GROUPS.map((g) => [g.code, g]));
