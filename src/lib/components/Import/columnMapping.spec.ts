import { describe, expect, it } from 'vitest';
import type { UnmappedSheet } from '$lib/ingest/types.ts';
import { choiceToMapping, initialChoice, mergeMappings, templateFields } from './columnMapping.ts';

const u: UnmappedSheet = {
  file: 'k.csv', kind: 'kasus', headers: ['No. Register', 'Kabupaten/Kota', 'Sasaran', 'Catatan'],
  guesses: { region: 'Kabupaten/Kota', target_group: 'Sasaran' }, missing: ['case_ref']
};

describe('column mapping in the dialog', () => {
  it('pre-selects the automatic guesses and turns the officer\'s changes into the CLI\'s mapping JSON', () => {
    const c = initialChoice(u);
    expect(c.case_ref).toBe('');
    expect(c.region).toBe('Kabupaten/Kota');
    expect(templateFields('kasus').required.map((f) => f.key)).toEqual(['case_ref', 'region', 'year', 'semester', 'target_group']);
    expect(choiceToMapping(u, c)).toEqual({});
    expect(choiceToMapping(u, { ...c, case_ref: 'No. Register', target_group: '' })).toEqual({ kasus: { 'No. Register': 'case_ref', Sasaran: null } });
    expect(mergeMappings({ kasus: { A: 'case_ref' }, columns: { B: null } }, { kasus: { C: 'region' } })).toEqual({ kasus: { A: 'case_ref', C: 'region' }, columns: { B: null } });
  });
});
