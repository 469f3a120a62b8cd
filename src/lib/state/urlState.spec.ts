import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, disclosureOf, parseState, serializeState, stateSearch, toQueryFilters, withChanges, type DashboardState } from './urlState.ts';

const parse = (q: string) => parseState(new URLSearchParams(q));

describe('URL state', () => {
  it('empty URL = defaults, and defaults serialize to nothing', () => {
    expect(parse('')).toEqual(DEFAULT_STATE);
    expect(stateSearch(DEFAULT_STATE)).toBe('');
  });

  it('round-trips a full state', () => {
    const q = 'periode=2024-1&sasaran=baduta&wilayah=32&kabkota=32.03&indikator=cause_share&penyebab=asupan_gizi&kelas=jenks&lang=en&tampilan=penyebab&mode=any&urut=sanitasi';
    const s = parse(q);
    expect(s).toEqual({
      period: { year: 2024, semester: 1 }, group: 'baduta', province: '32', regency: '32.03', indicator: 'cause_share',
      cause: 'asupan_gizi', survey: null, classification: 'jenks', lang: 'en', view: 'penyebab', public: null, threshold: 5,
      mapMode: 'single', semesters: [], extras: { mode: 'any', urut: 'sanitasi' }
    });
    expect(serializeState(s).toString()).toBe(q);
    expect(parse(serializeState(s).toString())).toEqual(s);
  });

  it('carries the map mode and the split view\'s semesters (valid, distinct, ascending, at most 8)', () => {
    const s = parse('indikator=cause_share&peta=semester&semester=2025-2,2024-1,2024-1,2024-3,x,2025-1');
    expect(s.mapMode).toBe('split');
    expect(s.semesters).toEqual([{ year: 2024, semester: 1 }, { year: 2025, semester: 1 }, { year: 2025, semester: 2 }]);
    expect(serializeState(s).toString()).toBe('indikator=cause_share&peta=semester&semester=2024-1%2C2025-1%2C2025-2');
    expect(parse('peta=waktu').mapMode).toBe('timeline');
    expect(parse('peta=nope').mapMode).toBe('single');
    expect(parse('peta=semester&semester=' + Array.from({ length: 12 }, (_, i) => `${2020 + Math.floor(i / 2)}-${(i % 2) + 1}`).join(',')).semesters).toHaveLength(8);
    expect(serializeState(parse('peta=waktu&semester=2024-1')).toString()).toBe('peta=waktu');
  });

  it('carries public mode and its threshold; the threshold never leaves its bounds', () => {
    const s = parse('wilayah=32&publik=1&ambang=10');
    expect([s.public, s.threshold]).toEqual([true, 10]);
    expect(serializeState(s).toString()).toBe('wilayah=32&publik=1&ambang=10');
    expect(disclosureOf(s, false)).toEqual({ public: true, threshold: 10 });
    expect(parse('publik=0').public).toBe(false);
    expect(disclosureOf(parse(''), true).public).toBe(true);
    expect(disclosureOf(parse(''), false).public).toBe(false);
    expect(parse('publik=1&ambang=1').threshold).toBe(5);
    expect(parse('publik=yes').public).toBeNull();
  });

  it("a view's own parameters pass through, and are cleared when the view changes", () => {
    const s = parse('tampilan=penyebab&urut=sanitasi&wilayah=32');
    expect(stateSearch(withChanges(s, { province: '53' }))).toBe('?wilayah=53&tampilan=penyebab&urut=sanitasi');
    expect(stateSearch(withChanges(s, { view: 'kalender' }))).toBe('?wilayah=32&tampilan=kalender');
    expect(parse('urut=' + 'x'.repeat(401)).extras).toEqual({});
    expect(parse('Bad-Key=1').extras).toEqual({});
  });

  it('prevalence keeps its survey-year', () => {
    const s = parse('indikator=prevalence&survei=SKI-2023');
    expect(s.survey).toEqual({ survey: 'SKI', year: 2023 });
    expect(stateSearch(s)).toBe('?indikator=prevalence&survei=SKI-2023');
  });

  it('unknown or malicious values fall back to defaults', () => {
    const s = parse("periode=2024-3&sasaran=x&wilayah=32' OR 1=1&kabkota=33.01&indikator=drop&penyebab=<script>&kelas=x&lang=fr&survei=BPS-2020");
    expect(s).toEqual(DEFAULT_STATE);
    expect(parse('wilayah=32&kabkota=33.01').regency).toBeNull(); // regency outside the province
    expect(parse('kabkota=32.03').regency).toBeNull(); // regency needs its province
  });

  it('omits what the indicator does not use; keeps a cause valid for the group', () => {
    const s: DashboardState = { ...DEFAULT_STATE, indicator: 'cases', cause: 'air_minum', survey: { survey: 'SSGI', year: 2022 } };
    expect(stateSearch(s)).toBe('');
    expect(parse('sasaran=catin&indikator=cause_share&penyebab=mpasi_tidak_tepat').cause).toBe('sanitasi');
    expect(parse('sasaran=nifas&indikator=cause_share&penyebab=tidak_kb').cause).toBe('tidak_kb');
  });

  it('changing the province clears the regency and the survey-year', () => {
    const s = parse('wilayah=32&kabkota=32.03&indikator=prevalence&survei=SSGI-2022');
    expect(withChanges(s, { province: null })).toMatchObject({ province: null, regency: null, survey: null });
    expect(withChanges(s, { regency: '32.04' })).toMatchObject({ province: '32', regency: '32.04', survey: { survey: 'SSGI', year: 2022 } });
    expect(withChanges(s, { group: 'catin', indicator: 'cause_share', cause: 'bblr_prematur' }).cause).toBe('sanitasi');
  });

  it('maps a state to the query filters only: no view, no view parameters but per and mode', () => {
    const ctx = { survey: { survey: 'SSGI', year: 2022 } as const, dataDate: '2026-01-15' };
    const f = toQueryFilters(parse('periode=2025-2&sasaran=baduta&wilayah=32&kabkota=32.03&indikator=cause_share&penyebab=sanitasi&kelas=quantile&lang=en&publik=1&peta=semester&tampilan=kalender&per=2025-03-31&wil=32.01'), ctx);
    expect(f).toEqual({
      period: { year: 2025, semester: 2 }, group: 'baduta', province: '32', regency: '32.03', indicator: 'cause_share', cause: 'sanitasi',
      causeMode: 'primary', survey: { survey: 'SSGI', year: 2022 }, dataDate: '2026-01-15', asOf: '2025-03-31'
    });
    expect(toQueryFilters(DEFAULT_STATE, { survey: null, dataDate: null })).toEqual({
      period: null, group: null, province: null, regency: null, indicator: 'cases', cause: 'sanitasi', causeMode: 'primary', survey: null, dataDate: null, asOf: null
    });
  });

  it('takes per only from the calendar view, and the cause mode only from the causes view', () => {
    const ctx = { survey: null, dataDate: '2026-01-15' };
    expect(toQueryFilters(parse('tampilan=kalender&per=2025-03-31'), ctx).asOf).toBe('2025-03-31');
    expect(toQueryFilters(parse('tampilan=intervensi&per=2025-03-31'), ctx).asOf).toBeNull();
    expect(toQueryFilters(parse('tampilan=kalender&per=bad'), ctx).asOf).toBeNull();
    expect(toQueryFilters(parse('tampilan=kalender&per=2025-02-30'), ctx).asOf).toBeNull();
    expect(toQueryFilters(parse('tampilan=penyebab&mode=semua'), ctx).causeMode).toBe('any');
    expect(toQueryFilters(parse('tampilan=penyebab'), ctx).causeMode).toBe('primary');
    expect(toQueryFilters(parse('tampilan=kalender&mode=semua'), ctx).causeMode).toBe('primary');
  });
});
