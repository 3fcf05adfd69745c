/**
 * Single replica records by Zoho key (API name) rather than physical column: what conversions
 * read, and what simulated conversions write and undo.
 *
 * Physical names come from the replica's own registry (`replica_columns`) and are checked
 * against the generated pattern before they reach SQL text; keys and values are bound.
 */
import type { Db } from '../open';
import { ReplicaRepo } from './replica-repo';

const COL = /^c[0-9]{1,6}$/;
const TABLE = /^replica_t[0-9]{1,6}$/;

function col(name: string): string {
  if (!COL.test(name)) throw new Error(`internal: bad replica column name ${name}`);
  return name;
}

function table(name: string): string {
  if (!TABLE.test(name)) throw new Error(`internal: bad replica table name ${name}`);
  return name;
}

/** Values by API name; a missing key is an empty cell. */
export type KeyedValues = Record<string, string>;

/** Reads and writes whole records of the replica by API name. */
export class ReplicaRecordsRepo {
  private readonly replica: ReplicaRepo;

  constructor(private readonly db: Db) {
    this.replica = new ReplicaRepo(db);
  }

  /** Physical column per key of a module. */
  private columnMap(module: string): Map<string, string> {
    return new Map(this.replica.columns(module).map((c) => [c.key, col(c.col)]));
  }

  /** A record's non-empty values by API name, or null when the replica has no such record. */
  get(module: string, id: string): KeyedValues | null {
    const t = this.replica.tableOf(module);
    if (!t) return null;
    const row = this.db.prepare(`SELECT * FROM ${table(t)} WHERE id = ?`).get(id) as Record<string, string | null> | undefined;
    if (!row) return null;
    const out: KeyedValues = {};
    for (const [key, c] of this.columnMap(module)) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== '') out[key] = v;
    }
    return out;
  }

  /** True when the record is in the replica. */
  has(module: string, id: string): boolean {
    const t = this.replica.tableOf(module);
    return t !== null && this.db.prepare(`SELECT 1 FROM ${table(t)} WHERE id = ?`).get(id) !== undefined;
  }

  /** Ids of the records whose `key` holds exactly `value` (a lookup pointing at a record). */
  idsWhere(module: string, key: string, value: string, limit = 10_000): string[] {
    const t = this.replica.tableOf(module);
    const c = this.columnMap(module).get(key);
    if (!t || !c) return [];
    return (this.db.prepare(`SELECT id FROM ${table(t)} WHERE ${c} = ? ORDER BY id LIMIT ?`).all(value, limit) as { id: string }[]).map((r) => r.id);
  }

  /**
   * Every record's id and the values of `keys` (missing keys come back empty), in id order.
   * Read in keyset pages rather than through one open statement, so the caller may write to
   * the same connection between records (better-sqlite3 allows nothing else while iterating).
   */
  *iterate(module: string, keys: readonly string[], pageSize = 2000): IterableIterator<{ id: string; values: KeyedValues }> {
    const t = this.replica.tableOf(module);
    if (!t) return;
    const map = this.columnMap(module);
    const present = keys.flatMap((k) => {
      const c = map.get(k);
      return c ? [[k, c] as const] : [];
    });
    const select = ['id', ...new Set(present.map(([, c]) => c))].join(', ');
    const stmt = this.db.prepare(`SELECT ${select} FROM ${table(t)} WHERE id > ? ORDER BY id LIMIT ?`);
    let after = '';
    for (;;) {
      const rows = stmt.all(after, pageSize) as Record<string, string | null>[];
      if (rows.length === 0) return;
      after = String(rows[rows.length - 1]?.id ?? '');
      for (const row of rows) {
        const values: KeyedValues = {};
        for (const [k, c] of present) {
          const v = row[c];
          if (v !== null && v !== undefined && v !== '') values[k] = v;
        }
        yield { id: String(row.id), values };
      }
    }
  }

  /** The current values of some keys of a record (null for empty), to remember before a change. */
  valuesOf(module: string, id: string, keys: readonly string[]): Record<string, string | null> {
    const current = this.get(module, id) ?? {};
    return Object.fromEntries(keys.map((k) => [k, current[k] ?? null]));
  }

  /** Creates a record (adding columns for new keys). */
  insert(module: string, id: string, values: Readonly<Record<string, string | null>>, now: string): void {
    const keys = Object.keys(values);
    const cols = this.replica.ensureColumns(module, keys, now);
    const t = table(this.replica.tableOf(module) ?? '');
    const names = ['id', ...keys.map((k) => col(cols.get(k) ?? ''))];
    this.db.prepare(`INSERT INTO ${t} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(id, ...keys.map((k) => values[k] ?? null));
  }

  /** Sets some keys of an existing record (null empties a cell). */
  update(module: string, id: string, values: Readonly<Record<string, string | null>>, now: string): void {
    const keys = Object.keys(values);
    if (keys.length === 0) return;
    const cols = this.replica.ensureColumns(module, keys, now);
    const t = table(this.replica.tableOf(module) ?? '');
    const sets = keys.map((k) => `${col(cols.get(k) ?? '')} = ?`).join(', ');
    this.db.prepare(`UPDATE ${t} SET ${sets} WHERE id = ?`).run(...keys.map((k) => values[k] ?? null), id);
  }

  /** Deletes a record. */
  remove(module: string, id: string): void {
    const t = this.replica.tableOf(module);
    if (t) this.db.prepare(`DELETE FROM ${table(t)} WHERE id = ?`).run(id);
  }

  /** A stamp that changes with every replica load. */
  loadStamp(): string {
    return String((this.db.prepare('SELECT coalesce(max(id), 0) AS n FROM replica_loads').get() as { n: number }).n);
  }

  /** How many records the module holds. */
  count(module: string): number {
    return this.replica.count(module);
  }
}
