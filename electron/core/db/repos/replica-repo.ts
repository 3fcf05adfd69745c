/**
 * SQL for the replica: one table per module with generated column names.
 *
 * Physical names (`replica_t<N>`, `c<N>`) are produced here from integers and checked against a
 * strict pattern before they are spliced into SQL text; everything a user supplies (keys,
 * values, search terms) is bound as a parameter.
 */
import type { Db } from '../open';
import { multiRowInsert } from './multi-row-insert';

export interface ReplicaColumnRow {
  key: string;
  col: string;
  position: number;
}

export interface ReplicaPageQuery {
  offset: number;
  limit: number;
  /** Physical column to sort by, or 'id'; null keeps load order. */
  sortCol: string | null;
  dir: 'asc' | 'desc';
  /** Physical columns searched with LIKE; the id is always searched too. */
  searchCols: string[];
  search: string;
}

export interface ReplicaRow {
  id: string;
  values: Record<string, string | null>;
}

const COL_PATTERN = /^c[0-9]{1,6}$/;
/** A module's table, or a load's stage (`replica_s<pid>_<n>`, see replica-stage-repo). */
const TABLE_PATTERN = /^replica_(t[0-9]{1,6}|s[0-9]{1,10}_[0-9]{1,6})$/;

/** Returns `col` if it is a generated column name (or `id`); throws otherwise. */
export function checkCol(col: string): string {
  if (!COL_PATTERN.test(col) && col !== 'id') {
    throw new Error(`internal: bad replica column name ${col}`);
  }
  return col;
}

/** Returns `table` if it is a generated replica or stage table name; throws otherwise. */
export function checkTable(table: string): string {
  if (!TABLE_PATTERN.test(table)) {
    throw new Error(`internal: bad replica table name ${table}`);
  }
  return table;
}

/** Escapes LIKE wildcards so a search for `50%` finds the text `50%`. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Writes records into a replica table; call `flush` after the last one. */
export interface RecordWriter {
  add(id: string, values: ReadonlyArray<string | null>): void;
  flush(): void;
}

/** Records per multi-row INSERT while loading into an empty module. */
const RECORDS_PER_INSERT = 32;

const isPrimaryKeyClash = (err: unknown): boolean => (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

/** Repository of replica records. */
export class ReplicaRepo {
  constructor(private readonly db: Db) {}

  /** Modules that have a replica table, with their record counts. */
  counts(): Record<string, number> {
    const mods = this.db.prepare('SELECT module, table_no AS tableNo FROM replica_modules ORDER BY module').all() as {
      module: string;
      tableNo: number;
    }[];
    const out: Record<string, number> = {};
    for (const m of mods) {
      const table = checkTable(`replica_t${m.tableNo}`);
      out[m.module] = (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return out;
  }

  tableOf(module: string): string | null {
    const row = this.db.prepare('SELECT table_no AS tableNo FROM replica_modules WHERE module = ?').get(module) as
      | { tableNo: number }
      | undefined;
    return row ? checkTable(`replica_t${row.tableNo}`) : null;
  }

  /** Creates the module's table on first use. */
  ensureModule(module: string, now: string): string {
    const existing = this.tableOf(module);
    if (existing) {
      return existing;
    }
    const next = (this.db.prepare('SELECT coalesce(max(table_no), 0) + 1 AS n FROM replica_modules').get() as { n: number }).n;
    this.db.prepare('INSERT INTO replica_modules (module, table_no, next_col, updated_at) VALUES (?, ?, 1, ?)').run(module, next, now);
    const table = checkTable(`replica_t${next}`);
    this.db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID`);
    return table;
  }

  columns(module: string): ReplicaColumnRow[] {
    return this.db
      .prepare('SELECT key, col, position FROM replica_columns WHERE module = ? ORDER BY position')
      .all(module) as ReplicaColumnRow[];
  }

  /** Returns the physical column of every key, adding columns for keys seen for the first time. */
  ensureColumns(module: string, keys: readonly string[], now: string): Map<string, string> {
    const table = this.ensureModule(module, now);
    const map = new Map(this.columns(module).map((c) => [c.key, c.col]));
    const missing = keys.filter((k) => !map.has(k));
    if (missing.length === 0) {
      return map;
    }
    let { nextCol } = this.db.prepare('SELECT next_col AS nextCol FROM replica_modules WHERE module = ?').get(module) as {
      nextCol: number;
    };
    const insert = this.db.prepare('INSERT INTO replica_columns (module, key, col, position) VALUES (?, ?, ?, ?)');
    for (const key of missing) {
      const col = checkCol(`c${nextCol}`);
      this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${col} TEXT`);
      insert.run(module, key, col, nextCol);
      map.set(key, col);
      nextCol += 1;
    }
    this.db.prepare('UPDATE replica_modules SET next_col = ?, updated_at = ? WHERE module = ?').run(nextCol, now, module);
    return map;
  }

  count(module: string): number {
    const table = this.tableOf(module);
    return table ? (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
  }

  /**
   * A statement that inserts a record or updates it by id, touching only the given columns.
   *
   * Columns absent from a reload keep their values, so loading a narrower export never erases
   * what a wider one brought. With `mostlyNew` (the table was empty before this load) rows go
   * through a plain INSERT, which is faster, and only an id repeated inside the file falls back
   * to the upsert; into a filled table every row takes the upsert directly, because a failed
   * insert per row would cost far more.
   */
  prepareUpsert(table: string, cols: readonly string[], mostlyNew = false): RecordWriter {
    checkTable(table);
    cols.forEach(checkCol);
    const names = ['id', ...cols].join(', ');
    const one = `(${['?', ...cols.map(() => '?')].join(', ')})`;
    const update = cols.length > 0 ? `DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
    const upsert = this.db.prepare(`INSERT INTO ${table} (${names}) VALUES ${one} ON CONFLICT(id) ${update}`);
    if (!mostlyNew) {
      return {
        add: (id, values) => upsert.run(id, ...values),
        flush: () => undefined,
      };
    }
    // Records go in RECORDS_PER_INSERT to a statement; a group that repeats an id fails whole
    // and goes in row by row, the repeated id as an update.
    const insert = this.db.prepare(`INSERT INTO ${table} (${names}) VALUES ${one}`);
    const rows = multiRowInsert(
      this.db,
      `INSERT INTO ${table} (${names}) VALUES`,
      cols.length + 1,
      RECORDS_PER_INSERT,
      (row) => {
        try {
          insert.run(row);
        } catch (err) {
          if (!isPrimaryKeyClash(err)) throw err;
          upsert.run(row);
        }
      },
      isPrimaryKeyClash,
    );
    const row = new Array<string | null>(cols.length + 1).fill(null);
    return {
      add(id, values) {
        row[0] = id;
        for (let c = 0; c < values.length; c += 1) row[c + 1] = values[c] ?? null;
        rows.add(row);
      },
      flush: () => rows.flush(),
    };
  }

  page(module: string, q: ReplicaPageQuery): { total: number; rows: ReplicaRow[] } {
    const table = this.tableOf(module);
    if (!table) {
      return { total: 0, rows: [] };
    }
    const cols = this.columns(module).map((c) => checkCol(c.col));
    const params: string[] = [];
    let where = '';
    const term = q.search.trim();
    if (term) {
      const searchCols = ['id', ...q.searchCols.map(checkCol)];
      where = `WHERE ${searchCols.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')}`;
      for (let i = 0; i < searchCols.length; i += 1) {
        params.push(likePattern(term));
      }
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get(...params) as { n: number }).n;
    // Without an explicit sort, rowid-less tables come back in id order, which for Zoho's
    // increasing ids is creation order: a stable, meaningful default.
    const order = q.sortCol
      ? `ORDER BY ${checkCol(q.sortCol)} IS NULL, ${checkCol(q.sortCol)} ${q.dir === 'desc' ? 'DESC' : 'ASC'}, id`
      : 'ORDER BY id';
    const select = ['id', ...cols].join(', ');
    const rows = this.db
      .prepare(`SELECT ${select} FROM ${table} ${where} ${order} LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as Record<string, string | null>[];
    return {
      total,
      rows: rows.map((r) => ({ id: String(r.id), values: r })),
    };
  }

  record(module: string, id: string): Record<string, string | null> | null {
    const table = this.tableOf(module);
    if (!table) {
      return null;
    }
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, string | null> | undefined;
    return row ?? null;
  }

  /** Which of these ids the module's replica holds. */
  existingIds(module: string, ids: readonly string[]): Set<string> {
    const table = this.tableOf(module);
    const out = new Set<string>();
    if (!table) return out;
    const stmt = this.db.prepare(`SELECT 1 FROM ${checkTable(table)} WHERE id = ?`);
    for (const id of new Set(ids)) if (stmt.get(id) !== undefined) out.add(id);
    return out;
  }

  /** Values of some columns for a set of ids (used to show lookups by name). */
  valuesByIds(module: string, cols: readonly string[], ids: readonly string[]): Map<string, Record<string, string | null>> {
    const table = this.tableOf(module);
    const out = new Map<string, Record<string, string | null>>();
    if (!table || ids.length === 0 || cols.length === 0) {
      return out;
    }
    const select = ['id', ...cols.map(checkCol)].join(', ');
    const stmt = this.db.prepare(`SELECT ${select} FROM ${table} WHERE id = ?`);
    for (const id of new Set(ids)) {
      const row = stmt.get(id) as Record<string, string | null> | undefined;
      if (row) {
        out.set(id, row);
      }
    }
    return out;
  }

  /** Every record's id and the values of some columns (to index names and emails). */
  *iterateColumns(module: string, cols: readonly string[]): IterableIterator<Record<string, string | null>> {
    const table = this.tableOf(module);
    if (!table) {
      return;
    }
    const select = ['id', ...cols.map(checkCol)].join(', ');
    yield* this.db.prepare(`SELECT ${select} FROM ${table}`).iterate() as IterableIterator<Record<string, string | null>>;
  }

  recordLoad(entry: {
    module: string;
    format: string;
    sourceName: string;
    loaded: number;
    inserted: number;
    updated: number;
    rejected: number;
    unknownColumns: string[];
    finishedAt: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO replica_loads (module, format, source_name, loaded, inserted, updated, rejected, unknown_columns, finished_at)
         VALUES (@module, @format, @sourceName, @loaded, @inserted, @updated, @rejected, @unknownColumns, @finishedAt)`,
      )
      .run({ ...entry, unknownColumns: JSON.stringify(entry.unknownColumns) });
  }
}
