import type { Engine } from '../../engine/engine.js';
import type { TableDef } from '../../engine/schema.js';
import { type RawSource, sqlColumnName } from './source.js';

let counter = 0;

/** One record read by JavaScript: its values, its line, and what is wrong with it if anything. */
export interface RawRecord {
  values: readonly (string | null)[];
  line: number;
  problem?: string;
}

/**
 * A temporary table of text columns for formats read in JavaScript (sheets, YAML, JSON Lines, CSV the
 * engine cannot read). Rows keep their order: `__rec` is the 1-based record number.
 */
export class RawTable {
  private appended = 0;

  private constructor(
    private readonly engine: Engine,
    readonly def: TableDef,
    readonly width: number,
  ) {}

  static async create(engine: Engine, width: number): Promise<RawTable> {
    counter++;
    const name = `__ingest_raw_${process.pid}_${counter}`;
    const columns = Array.from({ length: width }, (_, i) => ({
      name: sqlColumnName(i),
      type: 'text' as const,
      nullable: true,
    }));
    const def: TableDef = {
      name,
      key: ['__rec'],
      columns: [
        { name: '__rec', type: 'integer', nullable: false },
        { name: '__line', type: 'integer', nullable: false },
        { name: '__problem', type: 'text', nullable: true },
        ...columns,
      ],
    };
    const ddl = def.columns
      .map((c) => `"${c.name}" ${c.type === 'integer' ? 'BIGINT' : 'VARCHAR'}`)
      .join(', ');
    await engine.execute(`CREATE OR REPLACE TEMP TABLE "${name}" (${ddl})`);
    return new RawTable(engine, def, width);
  }

  get name(): string {
    return this.def.name;
  }

  get rowCount(): number {
    return this.appended;
  }

  async append(records: readonly RawRecord[]): Promise<void> {
    const rows = records.map((r) => {
      this.appended++;
      const values = Array.from({ length: this.width }, (_, i) => r.values[i] ?? null);
      return [this.appended, r.line, r.problem ?? null, ...values];
    });
    await this.engine.append(this.def, rows);
  }

  /** Line and values (as a JSON object keyed by column name) of records by number. */
  async locate(
    records: readonly number[],
    columns: readonly string[],
  ): Promise<Map<number, { line: number; text: string }>> {
    const found = new Map<number, { line: number; text: string }>();
    if (records.length === 0) return found;
    const list = records.map((r) => Math.trunc(r)).join(', ');
    const rows = await this.engine.query(`SELECT * FROM "${this.name}" WHERE __rec IN (${list})`);
    for (const row of rows) {
      const object: Record<string, string | null> = {};
      columns.forEach((c, i) => {
        object[c] = (row[sqlColumnName(i)] as string | null) ?? null;
      });
      found.set(Number(row.__rec), { line: Number(row.__line), text: JSON.stringify(object) });
    }
    return found;
  }

  async drop(): Promise<void> {
    await this.engine.execute(`DROP TABLE IF EXISTS "${this.name}"`);
  }
}

/** A file read in JavaScript into a raw table, as the source the pipeline reads (JSON Lines, YAML, XLSX). */
export function rawTableSource(
  path: string,
  table: RawTable,
  columns: readonly string[],
  decimal: RawSource['decimal'] = '.',
): RawSource {
  return {
    file: path,
    relation: `"${table.name}"`,
    columns: [...columns],
    sqlColumns: columns.map((_, i) => sqlColumnName(i)),
    recordColumn: '__rec',
    hasProblems: true,
    decimal,
    locate: (wanted) => table.locate(wanted, columns),
    dispose: () => table.drop(),
  };
}
