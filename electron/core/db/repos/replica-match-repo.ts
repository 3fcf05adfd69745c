/**
 * SQL that finds replica records by an exact value, for Zoho's rules outside a dedupe run (a
 * lead's conversion options). Candidates are narrowed in SQL (LIKE without wildcards compares
 * ASCII letters case-insensitively) and confirmed in code, which also folds other letters.
 */
import type { Db } from '../open';
import { ReplicaRepo } from './replica-repo';

const COL_PATTERN = /^c[0-9]{1,6}$/;
/** Ids looked up per statement by recordsByIds. */
const IDS_PER_STATEMENT = 5000;

function likeExact(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Repository of exact-value lookups in the replica. */
export class ReplicaMatchRepo {
  private readonly replica: ReplicaRepo;

  constructor(private readonly db: Db) {
    this.replica = new ReplicaRepo(db);
  }

  private colOf(module: string, key: string): string | null {
    const col = this.replica.columns(module).find((c) => c.key === key)?.col ?? null;
    return col !== null && COL_PATTERN.test(col) ? col : null;
  }

  /** Ids and values (of `keys`) of the records whose `key` field looks like `value` (to be confirmed by the caller). */
  candidates(module: string, key: string, value: string, keys: readonly string[]): { id: string; values: Map<string, string> }[] {
    const table = this.replica.tableOf(module);
    const col = this.colOf(module, key);
    if (!table || !col) return [];
    const cols = keys.map((k) => [k, this.colOf(module, k)] as const).filter((x): x is readonly [string, string] => x[1] !== null);
    const select = ['id', ...cols.map(([, c]) => c)].join(', ');
    const rows = this.db.prepare(`SELECT ${select} FROM ${table} WHERE trim(${col}) LIKE ? ESCAPE '\\'`).all(likeExact(value.trim())) as Record<string, string | null>[];
    return rows.map((r) => ({ id: String(r.id), values: new Map(cols.map(([k, c]) => [k, r[c] ?? ''])) }));
  }

  /** Records in a module, counted. */
  count(module: string): number {
    return this.replica.count(module);
  }

  /** The physical column of every key of a module. */
  columns(module: string): Map<string, string> {
    return new Map(this.replica.columns(module).map((c) => [c.key, c.col]));
  }

  /**
   * Every record as an array: its id, then the values of `keys` in order (null where empty or
   * where the module has no such key). Arrays rather than objects: a million records read
   * this way allocate a third less.
   */
  *records(module: string, keys: readonly string[]): Generator<(string | null)[]> {
    const table = this.replica.tableOf(module);
    if (!table) return;
    const cols = keys.map((k) => this.colOf(module, k) ?? 'NULL');
    const stmt = this.db.prepare(`SELECT id, ${cols.length > 0 ? cols.join(', ') : 'NULL'} FROM ${table}`).raw(true);
    yield* stmt.iterate() as IterableIterator<(string | null)[]>;
  }

  /**
   * The records after id `after` in id order, `limit` of them, as `records` gives them: keyset
   * pages, so the caller may write between pages on the same connection.
   */
  recordsAfter(module: string, keys: readonly string[], after: string, limit: number): (string | null)[][] {
    const table = this.replica.tableOf(module);
    if (!table) return [];
    const cols = keys.map((k) => this.colOf(module, k) ?? 'NULL');
    return this.db
      .prepare(`SELECT id, ${cols.length > 0 ? cols.join(', ') : 'NULL'} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`)
      .raw(true)
      .all(after, limit) as (string | null)[][];
  }

  /**
   * Some records as `records` gives them, in id order (ids without a record are left out). One
   * statement per few thousand ids: the loop over them runs in C.
   */
  recordsByIds(module: string, keys: readonly string[], ids: readonly string[]): (string | null)[][] {
    const table = this.replica.tableOf(module);
    if (!table || ids.length === 0) return [];
    const cols = keys.map((k) => { const c = this.colOf(module, k); return c === null ? 'NULL' : `r.${c}`; });
    const stmt = this.db.prepare(`SELECT r.id, ${cols.length > 0 ? cols.join(', ') : 'NULL'} FROM json_each(?) AS j CROSS JOIN ${table} AS r ON r.id = j.value`).raw(true);
    const sorted = [...ids].sort();
    const out: (string | null)[][] = [];
    for (let at = 0; at < sorted.length; at += IDS_PER_STATEMENT) {
      for (const r of stmt.iterate(JSON.stringify(sorted.slice(at, at + IDS_PER_STATEMENT))) as IterableIterator<(string | null)[]>) out.push(r);
    }
    return out;
  }

  /** A record's values of some keys (empty when the record is not there). */
  values(module: string, id: string, keys: readonly string[]): Map<string, string> {
    const cols = keys.map((k) => [k, this.colOf(module, k)] as const).filter((x): x is readonly [string, string] => x[1] !== null);
    const row = this.replica.valuesByIds(module, cols.map(([, c]) => c), [id]).get(id);
    return new Map(row ? cols.map(([k, c]) => [k, row[c] ?? '']) : []);
  }
}
