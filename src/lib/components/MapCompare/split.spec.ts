import { describe, expect, it } from 'vitest';
import { protectMapValues } from '$lib/privacy/mapValues.ts';
import { disclosure } from '$lib/privacy/policy.ts';
import type { SemesterMapRow } from '$lib/queries/mapBySemester.ts';
import { splitMaps, splitPeriods } from './split.ts';

const P = [{ year: 2024, semester: 1 }, { year: 2024, semester: 2 }] as const;
const regions = ['11', '12', '13', '14'].map((code) => ({ code, name: `P${code}` }));
const row = (period: string, code: string, v: number | null): SemesterMapRow => ({ period, code, value: v, n: v, withheld: false });
const rows: SemesterMapRow[] = [
  row('2024-1', '11', 3), row('2024-1', '12', 40), row('2024-1', '13', 12),
  row('2024-2', '11', 60), row('2024-2', '12', 2), row('2024-2', '14', 25)
];
// public mode: the rows as the database publishes them (mapBySemesterSql): small counts arrive as NULL
const published: SemesterMapRow[] = [
  row('2024-1', '11', null), row('2024-1', '12', 41), row('2024-1', '13', 11),
  row('2024-2', '11', 60), row('2024-2', '12', null), row('2024-2', '14', 24)
];
const opts = (pub: boolean) => ({ method: 'quantile' as const, privacy: 'count' as const, disclosure: disclosure(pub, 5), format: String, exact: String, noData: 'tidak ada data' });

describe('split view maps', () => {
  it('the URL semesters, else the latest eight, ascending', () => {
    const avail = Array.from({ length: 10 }, (_, i) => ({ year: 2021 + Math.floor(i / 2), semester: ((i % 2) + 1) as 1 | 2 })).reverse();
    expect(splitPeriods([], avail)).toHaveLength(8);
    expect(splitPeriods([], avail)[0]).toEqual({ year: 2022, semester: 1 });
    expect(splitPeriods([P[1]], avail)).toEqual([P[1]]);
  });
  it('one classification for all semesters: the same value has the same colour in every map', () => {
    const r = splitMaps(rows, P, regions, opts(false));
    const all = [...r.maps.values()].flat();
    const colourOf = new Map<number, string>();
    for (const x of all) if (x.value !== null && x.value !== undefined) {
      if (colourOf.has(x.value)) expect(colourOf.get(x.value)).toBe(x.color);
      colourOf.set(x.value, x.color);
    }
    expect(r.maps.get('2024-1')!.find((x) => x.code === '14')!.cls).toBe(-1);
    expect(r.legend.classification!.min).toBe(2);
    expect(r.legend.classification!.max).toBe(60);
  });
  it('public mode: each semester goes through the single map\'s protectMapValues; nothing else is shown', () => {
    const d = disclosure(true, 5);
    const r = splitMaps(published, P, regions, opts(true));
    for (const p of ['2024-1', '2024-2']) {
      const want = protectMapValues(published.filter((x) => x.period === p), 'count', d);
      for (const reg of regions) expect(r.values.get(p)!.get(reg.code), `${p} ${reg.code}`).toBe(want.values.get(reg.code) ?? null);
      const hidden = r.maps.get(p)!.filter((x) => x.value === null && want.hidden.has(x.code));
      for (const h of hidden) expect(h.display).toBe(want.hidden.get(h.code));
    }
    expect(r.values.get('2024-1')!.get('11')).toBeNull(); // hidden by the database: reads "<5"
    expect(r.maps.get('2024-1')!.find((x) => x.code === '11')!.display).toBe('<5');
    expect(r.maps.get('2024-1')!.find((x) => x.code === '14')!.display).toBe('tidak ada data'); // no row: no data
    expect(r.legend.classification!.min).toBe(11); // one classification over the published values
  });
});
