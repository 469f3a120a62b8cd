/**
 * The cases loaded so far, for duplicate ids and for recommendations to find their case: one packed
 * string per case (a streamed import of two million cases keeps ~2M small strings, not objects), and the
 * worksheet-id lookup built only when a recommendation first needs it. Pure.
 */
import type { CaseRow } from './types.ts';
import { normKey } from './text.ts';

/** What recommendations need of a loaded case. */
export type CaseKey = Pick<CaseRow, 'case_id' | 'province_code' | 'regency_code' | 'year' | 'semester' | 'target_group' | 'review_date'>;
/** A loaded case and the spreadsheet row it came from. */
export interface CaseEntry {
  row: CaseKey;
  line: number;
}

export const refKey = (ref: string) => normKey(ref);

export class CaseIndex {
  private readonly byId = new Map<string, string>();
  private byRef: Map<string, string | string[]> | null = null;

  get(id: string): CaseEntry | undefined {
    const packed = this.byId.get(id);
    if (packed === undefined) return undefined;
    const [line, province_code, regency_code, year, semester, target_group, review] = packed.split('\t');
    return { line: Number(line), row: { case_id: id, province_code, regency_code, year: Number(year), semester: Number(semester) as 1 | 2, target_group, review_date: review || null } };
  }

  add(e: CaseEntry, ref: string): void {
    const r = e.row;
    const k = refKey(ref);
    this.byId.set(r.case_id, [e.line, r.province_code, r.regency_code, r.year, r.semester, r.target_group, r.review_date ?? '', k].join('\t'));
    if (this.byRef) this.addRef(k, r.case_id);
  }

  /** Loaded case ids with this worksheet id, in any regency. */
  idsForRef(ref: string): string[] {
    if (!this.byRef) {
      this.byRef = new Map();
      for (const [id, packed] of this.byId) this.addRef(packed.slice(packed.lastIndexOf('\t') + 1), id);
    }
    const v = this.byRef.get(refKey(ref));
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }

  private addRef(k: string, id: string): void {
    const prev = this.byRef!.get(k);
    this.byRef!.set(k, prev === undefined ? id : typeof prev === 'string' ? [prev, id] : [...prev, id]);
  }
}

export const newCaseIndex = (): CaseIndex => new CaseIndex();
