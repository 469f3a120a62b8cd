/** Arrow table → plain row objects, converted once (BigInt → number, Arrow dates → ISO strings). */
import type { Table } from 'apache-arrow';
import type { Row } from './types.ts';

export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

export function tableToRows(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((_, i) => table.getChildAt(i));
  const out: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = plainValue(cols[c]?.get(r) ?? null);
    out[r] = row;
  }
  return out;
}
