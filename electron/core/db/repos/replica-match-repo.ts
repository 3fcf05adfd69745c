/**
 * SQL that finds replica records by an exact value, for Zoho's rules outside a dedupe run (a
 * lead's conversion options). Candidates are narrowed in SQL (LIKE without wildcards compares
 * ASCII letters case-insensitively) and confirmed in code, which also folds other letters.
 */
import type { Db } from '../open';
import { ReplicaRepo } from './replica-repo';

const COL_PATTERN = /^c[0-9]{1,6}$/;

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

  /** A record's values of some keys (empty when the record is not there). */
  values(module: string, id: string, keys: readonly string[]): Map<string, string> {
    const cols = keys.map((k) => [k, this.colOf(module, k)] as const).filter((x): x is readonly [string, string] => x[1] !== null);
    const row = this.replica.valuesByIds(module, cols.map(([, c]) => c), [id]).get(id);
    return new Map(row ? cols.map(([k, c]) => [k, row[c] ?? '']) : []);
  }
}
