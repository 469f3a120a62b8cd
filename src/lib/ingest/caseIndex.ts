/**
 * The cases loaded so far, for duplicate ids and for recommendations to find their case, in typed
 * arrays rather than one object or string per case (a streamed import of two million cases keeps ~50
 * bytes a case): a case is an ordinal; its pseudonymous id ('W' + 12 hex digits, sha256.ts) is a
 * 48-bit number in a Float64Array found through an open-addressing hash table (other ids, never made
 * by the import, go to a Map); province, regency, target group and review date are interned once and
 * kept as small codes; the worksheet id's key (refKey: only a-z and 0-9) is kept as bytes in one pool,
 * and the worksheet-id lookup is built only when a recommendation first needs it. Pure.
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

const PSEUDONYM = /^W[0-9a-f]{12}$/;

/** Strings kept once each, by a small code. */
class Interned {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) this.codes.set(s, (c = this.values.push(s) - 1));
    return c;
  }
}

function grow<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** 32-bit hash (FNV-1a) of bytes, and of a 48-bit number. */
function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}
const hashId = (x: number) => (Math.imul((x % 0x1000000) ^ Math.imul(Math.floor(x / 0x1000000), 0x9e3779b1), 0x85ebca6b) ^ (x >>> 13)) >>> 0;

export class CaseIndex {
  private n = 0;
  private ids = new Float64Array(1024);
  /** Open addressing: slot -> ordinal + 1 (0 empty), for the pseudonymous ids. */
  private slots = new Int32Array(2048);
  private readonly otherIds = new Map<string, number>();
  private readonly otherById: string[] = [];
  private lines = new Int32Array(1024);
  private years = new Uint16Array(1024);
  private semesters = new Uint8Array(1024);
  private provinces = new Uint16Array(1024);
  private regencies = new Uint16Array(1024);
  private groups = new Uint8Array(1024);
  /** Interned review date + 1 (0: none). */
  private reviews = new Int32Array(1024);
  private readonly strings = new Interned();
  private readonly dates = new Interned();
  /** refKey bytes of case i: refPool[refEnd[i - 1] .. refEnd[i]). */
  private refPool = new Uint8Array(16384);
  private refEnd = new Int32Array(1024);
  private byRef: { slots: Int32Array; next: Int32Array } | null = null;

  get size(): number {
    return this.n;
  }

  get(id: string): CaseEntry | undefined {
    const i = this.find(id);
    if (i < 0) return undefined;
    const s = this.strings.values;
    const review = this.reviews[i];
    return {
      line: this.lines[i],
      row: {
        case_id: id, province_code: s[this.provinces[i]], regency_code: s[this.regencies[i]], year: this.years[i],
        semester: this.semesters[i] as 1 | 2, target_group: s[this.groups[i]], review_date: review === 0 ? null : this.dates.values[review - 1]
      }
    };
  }

  /** Adds a case (its id not yet loaded: the caller checks with get()). */
  add(e: CaseEntry, ref: string): void {
    const r = e.row;
    const i = this.n++;
    const cap = this.n;
    if (cap > this.lines.length) {
      this.ids = grow(this.ids, cap);
      this.lines = grow(this.lines, cap);
      this.years = grow(this.years, cap);
      this.semesters = grow(this.semesters, cap);
      this.provinces = grow(this.provinces, cap);
      this.regencies = grow(this.regencies, cap);
      this.groups = grow(this.groups, cap);
      this.reviews = grow(this.reviews, cap);
      this.refEnd = grow(this.refEnd, cap);
      if (this.byRef) this.byRef.next = grow(this.byRef.next, cap);
    }
    this.lines[i] = e.line;
    this.years[i] = r.year;
    this.semesters[i] = r.semester;
    this.provinces[i] = this.strings.code(r.province_code);
    this.regencies[i] = this.strings.code(r.regency_code);
    this.groups[i] = this.strings.code(r.target_group);
    this.reviews[i] = r.review_date === null ? 0 : this.dates.code(r.review_date) + 1;
    if (PSEUDONYM.test(r.case_id)) {
      this.ids[i] = parseInt(r.case_id.slice(1), 16);
      if (this.n * 2 > this.slots.length) this.rehash();
      this.place(this.slots, hashId(this.ids[i]), i);
    } else {
      this.ids[i] = -1;
      this.otherIds.set(r.case_id, i);
      this.otherById[i] = r.case_id;
    }
    const k = refKey(ref);
    const start = i === 0 ? 0 : this.refEnd[i - 1];
    this.refPool = grow(this.refPool, start + k.length);
    for (let j = 0; j < k.length; j++) this.refPool[start + j] = k.charCodeAt(j);
    this.refEnd[i] = start + k.length;
    if (this.byRef) this.addRef(i);
  }

  /** Loaded case ids with this worksheet id, in any regency (in the order they were loaded). */
  idsForRef(ref: string): string[] {
    if (!this.byRef) {
      this.byRef = { slots: new Int32Array(this.tableSize(this.n)), next: new Int32Array(Math.max(1024, this.lines.length)) };
      for (let i = 0; i < this.n; i++) this.addRef(i);
    }
    const k = refKey(ref);
    const key = new Uint8Array(k.length);
    for (let j = 0; j < k.length; j++) key[j] = k.charCodeAt(j);
    const { slots, next } = this.byRef;
    const mask = slots.length - 1;
    for (let s = hashBytes(key, 0, key.length) & mask; slots[s] !== 0; s = (s + 1) & mask) {
      const head = slots[s] - 1;
      if (!this.refIs(head, key)) continue;
      const out: string[] = [];
      for (let i = head; i >= 0; i = next[i] - 1) out.push(this.idOf(i));
      return out.reverse();
    }
    return [];
  }

  private idOf(i: number): string {
    const x = this.ids[i];
    return x < 0 ? this.otherById[i] : 'W' + x.toString(16).padStart(12, '0');
  }

  private find(id: string): number {
    if (!PSEUDONYM.test(id)) return this.otherIds.get(id) ?? -1;
    const x = parseInt(id.slice(1), 16);
    const mask = this.slots.length - 1;
    for (let s = hashId(x) & mask; this.slots[s] !== 0; s = (s + 1) & mask) {
      if (this.ids[this.slots[s] - 1] === x) return this.slots[s] - 1;
    }
    return -1;
  }

  private tableSize(n: number): number {
    let size = 2048;
    while (size < n * 2) size *= 2;
    return size;
  }

  private place(slots: Int32Array, h: number, i: number): void {
    const mask = slots.length - 1;
    let s = h & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.n - 1; i++) if (this.ids[i] >= 0) this.place(this.slots, hashId(this.ids[i]), i);
  }

  private refIs(i: number, key: Uint8Array): boolean {
    const start = i === 0 ? 0 : this.refEnd[i - 1];
    if (this.refEnd[i] - start !== key.length) return false;
    for (let j = 0; j < key.length; j++) if (this.refPool[start + j] !== key[j]) return false;
    return true;
  }

  /** Links case i in front of the cases with its worksheet id (the table's slot holds the newest). */
  private addRef(i: number): void {
    const t = this.byRef!;
    if ((i + 1) * 2 > t.slots.length) {
      const old = t.slots;
      t.slots = new Int32Array(old.length * 2);
      for (const v of old) if (v !== 0) this.place(t.slots, this.refHash(v - 1), v - 1);
    }
    const mask = t.slots.length - 1;
    const start = i === 0 ? 0 : this.refEnd[i - 1];
    const key = this.refPool.subarray(start, this.refEnd[i]);
    let s = hashBytes(key, 0, key.length) & mask;
    for (; t.slots[s] !== 0; s = (s + 1) & mask) {
      if (this.refIs(t.slots[s] - 1, key)) {
        t.next[i] = t.slots[s];
        t.slots[s] = i + 1;
        return;
      }
    }
    t.next[i] = 0;
    t.slots[s] = i + 1;
  }

  private refHash(i: number): number {
    const start = i === 0 ? 0 : this.refEnd[i - 1];
    return hashBytes(this.refPool, start, this.refEnd[i]);
  }
}

export const newCaseIndex = (): CaseIndex => new CaseIndex();
