import { describe, expect, it } from 'vitest';
import { funnelSections, overdueList, sortRegions, withNames } from './present.ts';
import { nextSort, paramsPatch, parseParams } from './params.ts';
import type { CoverageRegionRow, FunnelRow } from '$lib/queries/interventions/index.ts';

describe('view parameters', () => {
  it('defaults to type breakdown and coverage ascending, ignoring unknown values', () => {
    expect(parseParams({})).toEqual({ by: 'type', sort: 'coverage', desc: false });
    expect(parseParams({ menurut: 'x', urut: "'; DROP", arah: 'sideways' })).toEqual({ by: 'type', sort: 'coverage', desc: false });
    expect(parseParams({ menurut: 'opd', urut: 'lewat' })).toEqual({ by: 'agency', sort: 'past_due', desc: true });
    expect(parseParams({ urut: 'nama', arah: 'turun' })).toEqual({ by: 'type', sort: 'name', desc: true });
  });
  it('writes minimal parameters that parse back', () => {
    expect(paramsPatch({ by: 'type', sort: 'coverage', desc: false })).toEqual({ menurut: null, urut: null, arah: null });
    const p = { by: 'agency', sort: 'recommended', desc: false } as const;
    const patch = paramsPatch(p);
    expect(patch).toEqual({ menurut: 'opd', urut: 'rekomendasi', arah: 'naik' });
    expect(parseParams(patch as Record<string, string>)).toEqual(p);
  });
  it('flips the direction on the same column, else starts at the column default', () => {
    const p = parseParams({});
    expect(nextSort(p, 'coverage').desc).toBe(true);
    expect(nextSort(p, 'past_due')).toEqual({ by: 'type', sort: 'past_due', desc: true });
  });
});

const row = (key: string, cls: 'spesifik' | 'sensitif', recommended: number, delivered: number): FunnelRow => ({
  key, cls, recommended, delivered, followed_up: 0, past_due: 0
});

describe('funnel sections', () => {
  it('keeps specific apart from sensitive, in domain order, with sensitive categories', () => {
    const s = funnelSections([row('jamban_sehat', 'sensitif', 4, 1), row('ttd', 'spesifik', 3, 3), row('pmt_ibu', 'spesifik', 2, 1), row('air_minum_layak', 'sensitif', 5, 0)], 'type', 'id');
    expect(s.map((x) => x.cls)).toEqual(['spesifik', 'sensitif']);
    expect(s[0].items.map((i) => i.key)).toEqual(['pmt_ibu', 'ttd']);
    expect(s[0].totals).toEqual({ recommended: 5, delivered: 4, followed_up: 0, past_due: 0 });
    expect(s[1].items.map((i) => [i.key, i.category])).toEqual([['air_minum_layak', 'Air minum'], ['jamban_sehat', 'Sanitasi']]);
    expect(s[0].items[0].category).toBeNull();
  });
  it('labels agencies in the interface language', () => {
    const s = funnelSections([row('dinkes', 'spesifik', 1, 1)], 'agency', 'en');
    expect(s[0].items[0].label).toBe('Health Office / Puskesmas');
    expect(s[1].items).toEqual([]);
  });
});

const reg = (code: string, recommended: number, coverage: number, past_due: number): CoverageRegionRow => ({
  code, recommended, delivered: 0, followed_up: 0, coverage, past_due, open: past_due
});

describe('regions', () => {
  const rows = withNames([reg('32', 100, 60, 5), reg('53', 50, 40, 20), reg('11', 10, 60, 0), reg('94', 40, 80, 20)]);
  it('names regions and sorts with ties by name', () => {
    expect(rows[0].name).toBe('Jawa Barat');
    expect(sortRegions(rows, 'coverage', false, 'id').map((r) => r.code)).toEqual(['53', '11', '32', '94']);
    expect(sortRegions(rows, 'recommended', true, 'id').map((r) => r.code)).toEqual(['32', '53', '94', '11']);
  });
  it('lists past-due regions worst first (ties: higher share), without zeros', () => {
    expect(overdueList(rows).map((r) => r.code)).toEqual(['94', '53', '32']);
    expect(overdueList(rows, 1).map((r) => r.code)).toEqual(['94']);
  });
});
