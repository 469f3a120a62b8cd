import { describe, expect, it } from 'vitest';
import { legendChoicesFor, legendTarget, resolveLegend } from './legendSets.ts';

const prevalence = { code: 'prevalence', unit: 'percent' } as const;
const share = { code: 'cause_share', unit: 'percent' } as const;
const cases = { code: 'cases', unit: 'count' } as const;

describe('legend sets', () => {
  it('offers WHO only for prevalence and fixed 0–100 % only for percentages', () => {
    expect(legendChoicesFor(prevalence)).toContain('who');
    expect(legendChoicesFor(share)).not.toContain('who');
    expect(legendChoicesFor(share)).toContain('fixed');
    expect(legendChoicesFor(cases)).toEqual(['auto', 'quantile', 'equal', 'jenks']);
  });
  it('defaults: WHO for prevalence, quantiles otherwise; a choice that does not fit falls back', () => {
    expect(resolveLegend('auto', prevalence)).toBe('who');
    expect(resolveLegend('auto', share)).toBe('quantile');
    expect(resolveLegend('jenks', prevalence)).toBe('jenks');
    expect(resolveLegend('fixed', share)).toBe('fixed');
    expect(resolveLegend('who', share)).toBe('quantile');
    expect(resolveLegend('fixed', cases)).toBe('quantile');
  });
  it('shows the national 14 % target with the WHO classes of prevalence only', () => {
    expect(legendTarget('who', prevalence, 'id')).toEqual({ value: 14, label: 'Target nasional 14 % (Perpres 72/2021)' });
    expect(legendTarget('quantile', prevalence, 'id')).toBeNull();
    expect(legendTarget('fixed', share, 'en')).toBeNull();
  });
});
