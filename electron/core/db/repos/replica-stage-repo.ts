/**
 * SQL for replica stages: the table a load fills before it is swapped into the replica.
 *
 * A load writes its records into a fresh table and commits it in chunks, so SQLite can copy the
 * WAL into the database while the file is still being parsed; only the swap at the end, one
 * short transaction, changes what readers see. Every read goes through `replica_modules`,
 * which never names a stage, so a stage is invisible until it is swapped in.
 *
 * A stage is named `replica_s<pid>_<n>` after the process loading it: a stage left behind by a
 * process that died is recognised by its name alone and dropped at the next open, with no
 * registry row to keep in step with the table (and so no migration).
 */
import type { Db } from '../open';
import { chunkCol } from './replica-chunk-repo';
import { checkCol, checkTable, type RecordWriter, type ReplicaRepo } from './replica-repo';

const STAGE_NAME = /^replica_s([0-9]{1,10})_([0-9]{1,6})$/;

/** How a swap went: the module's record count before and after it. */
export interface SwapResult {
  before: number;
  after: number;
  /** True when the stage itself became the module's table (an empty module: no copy). */
  replaced: boolean;
}

/** Repository of replica stages. */
export class ReplicaStageRepo {
  constructor(
    private readonly db: Db,
    private readonly replica: ReplicaRepo,
  ) {}

  /**
   * The physical column each key will have once the load is swapped in: the module's own
   * where it has one, else the next free names in key order, as `ensureColumns` will give them
   * at the swap (a stage named that way can become the module's table as it is).
   */
  planColumns(module: string, keys: readonly string[]): string[] {
    const known = new Map(this.replica.columns(module).map((c) => [c.key, c.col]));
    const reg = this.db.prepare('SELECT next_col AS nextCol FROM replica_modules WHERE module = ?').get(module) as { nextCol: number } | undefined;
    let next = reg?.nextCol ?? 1;
    return keys.map((k) => checkCol(known.get(k) ?? `c${next++}`));
  }

  /** Creates an empty stage with the given columns, named after process `pid`; commits. */
  create(cols: readonly string[], pid: number): string {
    cols.forEach(checkCol);
    return this.db.transaction(() => {
      const taken = new Set(this.stageNames());
      let n = 1;
      while (taken.has(`replica_s${pid}_${n}`)) n += 1;
      const table = checkTable(`replica_s${pid}_${n}`);
      this.db.exec(`CREATE TABLE ${table} (${['id TEXT PRIMARY KEY NOT NULL', ...cols.map((c) => `${c} TEXT`)].join(', ')}) WITHOUT ROWID`);
      return table;
    }).immediate();
  }

  /** A writer into a stage, in the caller's transaction (rows many to a statement; a repeated id updates). */
  writer(stage: string, cols: readonly string[]): RecordWriter {
    return this.replica.prepareUpsert(checkStage(stage), cols, true);
  }

  /**
   * Copies a chunk file's records into a stage in one transaction of its own, in file order,
   * so a repeated id ends with its last row's values. `stageCols[i]` receives the chunk's
   * column i.
   */
  copyChunk(stage: string, file: string, stageCols: readonly string[]): void {
    checkStage(stage);
    stageCols.forEach(checkCol);
    const from = ['id', ...stageCols.map((_, i) => chunkCol(i))].join(', ');
    const update = stageCols.length > 0 ? `DO UPDATE SET ${stageCols.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
    this.db.prepare('ATTACH ? AS chunk').run(file);
    try {
      this.db
        .transaction(() =>
          this.db.exec(`INSERT INTO ${stage} (${['id', ...stageCols].join(', ')}) SELECT ${from} FROM chunk.t WHERE true ORDER BY rowid ON CONFLICT(id) ${update}`),
        )
        .immediate();
    } finally {
      this.db.exec('DETACH chunk');
    }
  }

  /**
   * Makes a stage's records the module's, in the caller's transaction: into an empty module
   * the stage becomes its table (drop and rename, whatever its size); into a filled one its
   * records are upserted by id in one statement, touching only the stage's columns, and the
   * stage is dropped. `keys[i]` is held in `stageCols[i]`.
   */
  swapIn(stage: string, module: string, keys: readonly string[], stageCols: readonly string[], now: string): SwapResult {
    checkStage(stage);
    if (!this.db.inTransaction) {
      throw new Error('internal: swapIn must run inside a transaction');
    }
    const before = this.replica.count(module);
    const cols = this.replica.ensureColumns(module, keys, now);
    const live = checkTable(this.replica.tableOf(module) ?? '');
    const liveCols = keys.map((k) => checkCol(cols.get(k) ?? ''));
    if (before === 0 && liveCols.every((c, i) => c === stageCols[i])) {
      // Columns of earlier loads that this file lacks stay part of the module.
      const held = new Set(stageCols);
      for (const c of this.replica.columns(module)) {
        if (!held.has(c.col)) this.db.exec(`ALTER TABLE ${stage} ADD COLUMN ${checkCol(c.col)} TEXT`);
      }
      this.db.exec(`DROP TABLE ${live}`);
      this.db.exec(`ALTER TABLE ${stage} RENAME TO ${live}`);
      return { before, after: this.replica.count(module), replaced: true };
    }
    stageCols.forEach(checkCol);
    const update = liveCols.length > 0 ? `DO UPDATE SET ${liveCols.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
    // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
    this.db.exec(
      `INSERT INTO ${live} (${['id', ...liveCols].join(', ')}) SELECT ${['id', ...stageCols].join(', ')} FROM ${stage} WHERE true ON CONFLICT(id) ${update}`,
    );
    this.db.exec(`DROP TABLE ${stage}`);
    return { before, after: this.replica.count(module), replaced: false };
  }

  /** Drops a stage and its records (its own transaction; nothing if it is gone already). */
  discard(stage: string): void {
    this.db.transaction(() => this.db.exec(`DROP TABLE IF EXISTS ${checkStage(stage)}`)).immediate();
  }

  /** Drops the stages of loading processes that are gone; says how many. */
  discardAbandoned(isRunning: (pid: number) => boolean): number {
    const gone = this.stageNames().filter((name) => !isRunning(Number(STAGE_NAME.exec(name)?.[1])));
    for (const name of gone) this.discard(name);
    return gone.length;
  }

  /** Every stage table in the workspace. */
  stageNames(): string[] {
    const rows = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'replica_s[0-9]*'").all() as { name: string }[];
    return rows.map((r) => r.name).filter((n) => STAGE_NAME.test(n));
  }
}

function checkStage(stage: string): string {
  if (!STAGE_NAME.test(stage)) {
    throw new Error(`internal: bad replica stage name ${stage}`);
  }
  return stage;
}
