import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeSet, Engine, Rows, Staging } from '../../engine/engine.js';
import type { Expr } from '../../engine/query.js';
import type { TableDef } from '../../engine/schema.js';
import { pipeRows } from '../../engine/staging.js';
import { ident } from '../mapping/sql.js';

/**
 * The one way an import reaches the store: rows staged in the DuckDB staging engine go into the
 * store's change set, and stored rows the checks need come back into the staging engine. Where the
 * staging engine is the store, rows move by INSERT … SELECT and stored rows are read where they lie;
 * elsewhere both travel in the bulk CSV form, written and read by the engines themselves: staged
 * rows through a named pipe, so that the store loads while the staging engine still checks and
 * writes (both at once, on their own threads), stored rows through a file in a temporary folder.
 */
export class StoreLink {
  private files = 0;
  /** Made when rows first travel (never where the staging engine is the store). */
  private folder: string | undefined;

  private constructor(
    readonly store: Engine,
    private readonly stagingOf: Staging,
  ) {}

  static async open(store: Engine): Promise<StoreLink> {
    return new StoreLink(store, await store.stagingEngine());
  }

  async close(): Promise<void> {
    await this.stagingOf.close();
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
  }

  /** Where files are parsed and checked (DuckDB SQL). */
  get staging(): Engine {
    return this.stagingOf.engine;
  }

  /** The import may change the staging engine's instance-wide settings (no other reader shares them). */
  get tunable(): boolean {
    return this.stagingOf.tunable;
  }

  /** The staging engine is the store: staged rows need no copy, stored ones can be read in place. */
  get inPlace(): boolean {
    return this.stagingOf.isStore;
  }

  /** The store keeps instants to the millisecond (else staged instants are cut to the second). */
  get subsecondInstants(): boolean {
    return this.store.dialect.capabilities.subsecondInstants;
  }

  /** Adds the rows of a staging SELECT (the table's columns in order): keys the store does not hold. */
  add(changes: ChangeSet, table: TableDef, select: string): Promise<number> {
    return this.write(select, table, (rows) => changes.add(table, rows));
  }

  /** Puts the rows of a staging SELECT in place of stored rows with the same keys. */
  put(changes: ChangeSet, table: TableDef, select: string): Promise<number> {
    return this.write(select, table, (rows) => changes.put(table, rows));
  }

  /**
   * The store's rows of `table` matching `where`, as a relation of the staging engine: in place, or
   * copied into a temporary table (`as`; default `__stored_<table>`).
   */
  async stored(table: TableDef, where: Expr | undefined, as = `__stored_${table.name}`): Promise<string> {
    const c = this.store.dialect.createCompiler();
    if (this.inPlace)
      return `(SELECT * FROM ${c.identifier(table.name)}${where ? ` WHERE ${c.expr(where)}` : ''})`;
    const file = await this.store.exportCsv(table, where, await this.nextFile());
    try {
      await this.createTemp({ ...table, name: as });
      await this.staging.append({ ...table, name: as }, file);
    } finally {
      await rm(file.bulkCsv, { force: true });
    }
    return ident(as);
  }

  /** An empty temporary table of the staging engine with the columns of `table`. */
  async createTemp(table: TableDef): Promise<void> {
    const c = this.staging.dialect.createCompiler();
    const columns = table.columns.map((col) => `${ident(col.name)} ${c.columnType(col.type, true)}`);
    await this.staging.execute(`CREATE OR REPLACE TEMP TABLE ${ident(table.name)} (${columns.join(', ')})`);
  }

  private async write(
    select: string,
    table: TableDef,
    into: (rows: Rows) => Promise<number>,
  ): Promise<number> {
    if (this.inPlace) return into({ select });
    const staging = this.stagingOf.engine;
    const written = await pipeRows(
      await this.nextFile(),
      (path) => staging.exportQuery(select, table, path, this.store.dialect.capabilities),
      into,
    );
    return written.rows;
  }

  private async nextFile(): Promise<string> {
    this.folder ??= await mkdtemp(join(tmpdir(), 'percontact-import-'));
    this.files++;
    return join(this.folder, `rows-${this.files}.csv`);
  }
}
