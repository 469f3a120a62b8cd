/**
 * Streams rows into a schema table through DuckDB's appender, in the column order and types of
 * src/lib/domain/schema.ts. Rows are plain objects keyed by column name; DATE columns take epoch days.
 * A missing key (undefined) or a NULL in a NOT NULL column throws, so the generator cannot drift from
 * the schema silently.
 */
import { dateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { TABLE_BY_NAME, type Column } from '../domain/schema.ts';

export type CellValue = string | number | boolean | null;
export type RowObject = Readonly<Record<string, CellValue>>;

export class TableSink {
  rows = 0;
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly table: string,
    private readonly columns: readonly Column[]
  ) {}

  static async open(conn: DuckDBConnection, table: string): Promise<TableSink> {
    const t = TABLE_BY_NAME.get(table);
    if (!t) throw new Error(`unknown table ${table}`);
    return new TableSink(await conn.createAppender(table), table, t.columns);
  }

  append(row: RowObject): void {
    const a = this.appender;
    for (const c of this.columns) {
      const v = row[c.name];
      if (v === undefined) throw new Error(`${this.table}.${c.name}: missing value`);
      if (v === null) {
        if (!c.nullable) throw new Error(`${this.table}.${c.name}: NULL in a NOT NULL column`);
        a.appendNull();
        continue;
      }
      switch (c.type) {
        case 'VARCHAR': a.appendVarchar(v as string); break;
        case 'SMALLINT': a.appendSmallInt(v as number); break;
        case 'TINYINT': a.appendTinyInt(v as number); break;
        case 'INTEGER': a.appendInteger(v as number); break;
        case 'DOUBLE': a.appendDouble(v as number); break;
        case 'BOOLEAN': a.appendBoolean(v as boolean); break;
        case 'DATE': a.appendDate(dateValue(v as number)); break;
      }
    }
    a.endRow();
    this.rows++;
  }

  flush(): void {
    this.appender.flushSync();
  }
  close(): void {
    this.appender.closeSync();
  }
}
