import { describe, expect, it } from 'vitest';
import { CAUSES } from '$lib/domain/index.ts';
import { nextSort, paramsPatch, parseCompare, parseParams, toggleCompare } from './params.ts';
import { buildMatrix, matches, profileSections, rankItems, sideBySide, sortRank, topCauses, trendPanels } from './present.ts';
import type { MatrixRow, RankingRow, ScopeCauseRow, TrendCauseRow } from '$lib/queries/causes/index.ts';

describe('params', () => {
  it('parses, validates and writes back minimally', () => {
    const p = parseParams({ mode: 'semua', matriks: 'anemia', urut: 'cakupan', arah: 'naik', cari: 'kupang', banding: '53.01,53.71,32.01,xx' }, '53');
    expect(p).toEqual({ mode: 'any', matrixSort: 'anemia', sort: 'coverage', desc: false, search: 'kupang', compare: ['53.01', '53.71'] });
    expect(paramsPatch(p)).toEqual({ mode: 'semua', matriks: 'anemia', urut: 'cakupan', arah: 'naik', cari: 'kupang', banding: '53.01,53.71' });
    const d = parseParams({ mode: 'x', matriks: "'; DROP", urut: '?' }, null);
    expect(d).toMatchObject({ mode: 'primary', matrixSort: 'name', sort: 'cases', desc: true, compare: [] });
    expect(Object.values(paramsPatch(d)).every((v) => v === null)).toBe(true);
    expect(parseCompare('11,12,13,14,15', null)).toEqual(['11', '12', '13', '14']);
    expect(parseCompare('32.01', null)).toEqual([]);
    expect(nextSort(d, 'cases').desc).toBe(false);
    expect(nextSort(d, 'name')).toMatchObject({ sort: 'name', desc: false });
    expect(toggleCompare({ ...d, compare: ['11', '12', '13', '14'] }, '15').compare).toEqual(['11', '12', '13', '14']);
    expect(toggleCompare({ ...d, compare: ['11', '12', '13'] }, '15').compare).toEqual(['11', '12', '13', '15']);
    expect(toggleCompare({ ...d, compare: ['11', '12'] }, '11').compare).toEqual(['12']);
  });
});

describe('presentation', () => {
  const scope = (cause: string, n: number, total = 10): ScopeCauseRow => ({ scope: 'nation', cause, cls: 'spesifik', n, total });
  it('profile sections: specific then sensitive, by count; class from the domain', () => {
    const s = profileSections([scope('sanitasi', 3), scope('anemia', 2), scope('kek', 5)], 'id');
    expect(s.map((x) => x.cls)).toEqual(['spesifik', 'sensitif']);
    expect(s[0].items.map((i) => i.cause)).toEqual(['kek', 'anemia']);
    expect(s[1].items[0]).toMatchObject({ cause: 'sanitasi', share: 30, label: 'Jamban / sanitasi tidak layak' });
  });

  const rows: MatrixRow[] = [
    { code: '32', cause: 'sanitasi', n: 1, total: 10 },
    { code: '32', cause: 'anemia', n: 4, total: 10 },
    { code: '11', cause: 'sanitasi', n: 5, total: 20 }
  ];
  it('matrix: causes in domain order, sorting by name, cases or a cause share', () => {
    const m = buildMatrix(rows, 'name', 'id');
    const order = CAUSES.map((c) => c.code);
    expect(m.causes.map((c) => c.code)).toEqual(['anemia', 'sanitasi'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(m.lines.map((l) => l.code)).toEqual(['11', '32']); // Aceh, Jawa Barat
    expect(buildMatrix(rows, 'anemia', 'id').lines.map((l) => l.code)).toEqual(['32', '11']);
    expect(buildMatrix(rows, 'cases', 'id').lines[0].code).toBe('11');
    expect(m.max).toBe(40);
    expect(topCauses(m.lines[1])).toEqual([{ cause: 'anemia', n: 4, share: 40 }, { cause: 'sanitasi', n: 1, share: 10 }]);
  });

  it('ranking: names, top causes, evaluation share, search and sort with missing values last', () => {
    const r = (code: string, coverage: number | null, cycles = 2, evaluated = 1): RankingRow =>
      ({ code, cases: 3, concluded: 3, recommended: 1, delivered: 1, coverage, furthest: 6, cycles, evaluated });
    const items = rankItems([r('32', 50), r('11', null), r('12', 80, 0, 0)], buildMatrix(rows, 'name', 'id'));
    expect(items[0]).toMatchObject({ name: 'Jawa Barat', evalShare: 50 });
    expect(items[2].evalShare).toBeNull();
    expect(sortRank(items, 'coverage', true, 'id').map((x) => x.code)).toEqual(['12', '32', '11']);
    expect(sortRank(items, 'coverage', false, 'id').map((x) => x.code)).toEqual(['32', '12', '11']);
    expect(matches('Kabupaten Kupang', 'kupang')).toBe(true);
    expect(matches('Daerah Istimewa Yogyakarta', 'yogya')).toBe(true);
    expect(matches('Aceh', 'bali')).toBe(false);
  });

  it('trend: a semester with concluded cases but none of the cause counts 0; panels by the first scope', () => {
    const t = (scope: 'province' | 'nation', year: number, semester: number, cause: string, n: number, total: number): TrendCauseRow =>
      ({ scope, year, semester, cause, cls: 'sensitif', n, total });
    const { periods, panels } = trendPanels(
      [t('province', 2022, 1, 'sanitasi', 2, 10), t('province', 2022, 2, 'anemia', 5, 10), t('nation', 2022, 1, 'sanitasi', 1, 100)],
      ['province', 'nation'], 'en'
    );
    expect(periods).toEqual(['2022-1', '2022-2']);
    expect(panels.map((p) => p.cause)).toEqual(['anemia', 'sanitasi']);
    const san = panels[1];
    expect(san.series[0].points.map((p) => [p.key, p.share])).toEqual([['2022-1', 20], ['2022-2', 0]]);
    expect(san.series[1].points.map((p) => p.key)).toEqual(['2022-1']);
  });

  it('side by side: chosen regions then references, missing causes as 0', () => {
    const m = buildMatrix(rows, 'name', 'id');
    const s = sideBySide(['32', '11'], m, [{ scope: 'nation', name: 'Indonesia', rows: [scope('sanitasi', 6, 30), scope('anemia', 4, 30)] }], 'id');
    expect(s.columns.map((c) => [c.code, c.total, c.reference])).toEqual([['32', 10, false], ['11', 20, false], ['nation', 30, true]]);
    expect(s.rows[0].cause).toBe('sanitasi');
    expect(s.rows[1].cells).toEqual([{ n: 4, share: 40 }, { n: 0, share: 0 }, { n: 4, share: (400 / 30) }]);
  });
});
