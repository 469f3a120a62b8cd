import { describe, expect, it } from 'vitest';
import { CaseIndex, refKey, type CaseEntry } from './caseIndex.ts';
import { pseudonymCaseId } from './sha256.ts';

const REGENCIES = [
  ['32', '3203'],
  ['36', '3602'],
  ['74', '7471']
] as const;
const GROUPS = ['baduta', 'balita', 'bumil', 'catin', 'nifas', 'remaja'];

function entry(n: number, ref: string, id?: string): CaseEntry {
  const [province_code, regency_code] = REGENCIES[n % 3];
  return {
    line: n + 2,
    row: {
      case_id: id ?? pseudonymCaseId(regency_code, ref),
      province_code, regency_code, year: 2022 + (n % 3), semester: ((n % 2) + 1) as 1 | 2, target_group: GROUPS[n % GROUPS.length],
      review_date: n % 5 === 0 ? null : `2023-0${1 + (n % 6)}-1${n % 10}`
    }
  };
}

describe('CaseIndex', () => {
  it('gives back each case as it was added, and nothing for an id not loaded', () => {
    const idx = new CaseIndex();
    const added: CaseEntry[] = [];
    for (let n = 0; n < 5000; n++) {
      const e = entry(n, `K-${n}`);
      added.push(e);
      idx.add(e, `K-${n}`);
    }
    expect(idx.size).toBe(5000);
    for (const e of added) expect(idx.get(e.row.case_id)).toEqual(e);
    expect(idx.get(pseudonymCaseId('3203', 'not loaded'))).toBeUndefined();
    expect(idx.get('W000000000000')).toBeUndefined();
    expect(idx.get('anything')).toBeUndefined();
  });

  it('keeps ids not made by the pseudonymiser (and ids with leading zero digits) exactly', () => {
    const idx = new CaseIndex();
    const ids = ['W000000000001', 'W00000000000a', 'Wffffffffffff', 'case-1', 'WABCDEF012345', 'W12'];
    ids.forEach((id, n) => idx.add(entry(n, `R${n}`, id), `R${n}`));
    ids.forEach((id, n) => expect(idx.get(id)?.line).toBe(n + 2));
    expect(idx.idsForRef('r3')).toEqual(['case-1']);
    expect(idx.idsForRef('R0')).toEqual(['W000000000001']);
    expect(idx.get('W000000000002')).toBeUndefined();
  });

  it('finds cases by worksheet id (normalised, in any regency, in load order), before and after the lookup is built', () => {
    const idx = new CaseIndex();
    const byKey = new Map<string, string[]>();
    const add = (n: number, ref: string) => {
      const e = entry(n, ref);
      idx.add(e, ref);
      const k = refKey(ref);
      byKey.set(k, [...(byKey.get(k) ?? []), e.row.case_id]);
    };
    // the same worksheet id in the three regencies, and some written differently
    for (let n = 0; n < 3000; n++) add(n, n % 7 === 0 ? `id ${Math.floor(n / 3)}` : `ID-${Math.floor(n / 3)}`);
    expect(idx.idsForRef('ID-10')).toEqual(byKey.get('id10'));
    expect(idx.idsForRef('id10')).toHaveLength(3);
    // cases added after the lookup was built are found too (through its growth)
    for (let n = 3000; n < 9000; n++) add(n, `Séri ${n}`);
    add(9000, 'ID-10');
    for (const [k, ids] of byKey) expect(idx.idsForRef(k)).toEqual(ids);
    expect(idx.idsForRef('seri 4000')).toEqual(byKey.get('seri4000'));
    expect(idx.idsForRef('ID-10')).toHaveLength(4);
    expect(idx.idsForRef('unknown')).toEqual([]);
    expect(idx.idsForRef('')).toEqual([]);
  });

  it('an empty worksheet key is a key like any other', () => {
    const idx = new CaseIndex();
    idx.add(entry(0, '--'), '--');
    idx.add(entry(1, 'A'), 'A');
    expect(idx.idsForRef('').length).toBe(1);
    expect(idx.idsForRef('a').length).toBe(1);
  });
});
