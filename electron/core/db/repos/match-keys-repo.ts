/**
 * SQL for the replica's match keys (schema 13): per record the exact keys Zoho's rules look up,
 * indexed, its lock and its hashed blocking keys; per module and kind the packed term counts.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open';
import { multiRowInsert, type SqlValue } from './multi-row-insert';

/** One record's keys as stored. */
export interface MatchKeyRow {
  id: string;
  email: string | null;
  name: string | null;
  system: string | null;
  locked: boolean;
  /** Blocking key hashes, packed (see block-hash.ts). */
  blocks: Uint8Array;
}

export type ExactColumn = 'email' | 'name' | 'system';

const INDEXES: readonly [string, ExactColumn][] = [
  ['replica_match_keys_email', 'email'],
  ['replica_match_keys_name', 'name'],
  ['replica_match_keys_system', 'system'],
];

/** Lookups sent to SQLite at once (as a JSON array). */
const LOOKUP_BATCH = 50_000;

/** Repository of the replica's match keys. */
export class MatchKeysRepo {
  private readonly byCol: Record<ExactColumn, Database.Statement>;
  private readonly manyByCol: Record<ExactColumn, Database.Statement>;
  private readonly lockedStmt: Database.Statement;

  constructor(private readonly db: Db) {
    const one = (col: ExactColumn): Database.Statement => db.prepare(`SELECT id FROM replica_match_keys WHERE module = ? AND ${col} = ?`).pluck();
    // One statement for a whole list of keys: the loop over them runs in C. CROSS JOIN keeps
    // the list outside (SQLite would otherwise walk every key of the module for each value).
    const many = (col: ExactColumn): Database.Statement =>
      db.prepare(`SELECT j.value, k.id FROM json_each(?) AS j CROSS JOIN replica_match_keys AS k ON k.module = ? AND k.${col} = j.value`).raw(true);
    this.byCol = { email: one('email'), name: one('name'), system: one('system') };
    this.manyByCol = { email: many('email'), name: many('name'), system: many('system') };
    this.lockedStmt = db.prepare('SELECT locked FROM replica_match_keys WHERE module = ? AND id = ?').pluck();
  }

  /** The signature the module's keys were built for, or null when there are none. */
  signature(module: string): string | null {
    const r = this.db.prepare('SELECT signature FROM replica_match_state WHERE module = ?').get(module) as { signature: string } | undefined;
    return r ? r.signature : null;
  }

  /**
   * Starts replacing a module's keys (inside the caller's transaction): its old keys and terms
   * go, and the lookup indexes are dropped so the rows go in without maintaining them.
   */
  beginRebuild(module: string): { add(row: MatchKeyRow): void; flush(): void } {
    for (const [index] of INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${index}`);
    this.clear(module);
    const into = 'INSERT INTO replica_match_keys (module, id, email, name, system, locked, blocks) VALUES';
    const one = this.db.prepare(`${into} (?, ?, ?, ?, ?, ?, ?)`);
    const writer = multiRowInsert(this.db, into, 7, 64, (v) => one.run(v));
    const row: SqlValue[] = new Array<SqlValue>(7).fill(null);
    return {
      add(r) {
        row[0] = module;
        row[1] = r.id;
        row[2] = r.email;
        row[3] = r.name;
        row[4] = r.system;
        row[5] = r.locked ? 1 : 0;
        row[6] = r.blocks;
        writer.add(row);
      },
      flush: () => writer.flush(),
    };
  }

  /** Ends a rebuild: the module's packed term counts and signature, then the lookup indexes again. */
  finishRebuild(module: string, signature: string, records: number, terms: Iterable<[kind: string, packed: string]>, now: string): void {
    const ins = this.db.prepare('INSERT INTO replica_match_terms (module, kind, packed) VALUES (?, ?, ?)');
    for (const [kind, packed] of terms) ins.run(module, kind, packed);
    this.db.prepare('INSERT INTO replica_match_state (module, signature, records, built_at) VALUES (?, ?, ?, ?)').run(module, signature, records, now);
    this.ensureIndexes();
  }

  /** Creates the lookup indexes where they are missing (after a rebuild, or one cut short). */
  ensureIndexes(): void {
    for (const [index, col] of INDEXES) this.db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON replica_match_keys (module, ${col}) WHERE ${col} IS NOT NULL`);
  }

  /** Ids of the module's records whose exact key in `col` is `key`. */
  idsBy(module: string, col: ExactColumn, key: string): string[] {
    return this.byCol[col].all(module, key) as string[];
  }

  /** Ids by exact key for many keys at once (keys without a record are left out). */
  idsByMany(module: string, col: ExactColumn, keys: Iterable<string>): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const all = [...keys].sort();
    for (let at = 0; at < all.length; at += LOOKUP_BATCH) {
      const rows = this.manyByCol[col].all(JSON.stringify(all.slice(at, at + LOOKUP_BATCH)), module) as [string, string][];
      for (const [key, id] of rows) {
        const list = out.get(key);
        if (list) list.push(id);
        else out.set(key, [id]);
      }
    }
    return out;
  }

  /** Every record's id, lock and packed blocking keys, raw rows [id, locked, blocks] (streamed). */
  *blocks(module: string): Generator<[string, number, Uint8Array]> {
    yield* this.db.prepare('SELECT id, locked, blocks FROM replica_match_keys WHERE module = ?').raw(true).iterate(module) as IterableIterator<[string, number, Uint8Array]>;
  }

  /** Whether the module has keys for a record with this id. */
  has(module: string, id: string): boolean {
    return this.lockedStmt.get(module, id) !== undefined;
  }

  /** Which of some records are locked in Zoho. */
  locked(module: string, ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of ids) if (this.lockedStmt.get(module, id) === 1) out.add(id);
    return out;
  }

  /** The module's packed term counts and the number of records they were counted over. */
  terms(module: string): { records: number; terms: [kind: string, packed: string][] } {
    const st = this.db.prepare('SELECT records FROM replica_match_state WHERE module = ?').get(module) as { records: number } | undefined;
    const rows = this.db.prepare('SELECT kind, packed FROM replica_match_terms WHERE module = ?').raw(true).all(module) as [string, string][];
    return { records: st?.records ?? 0, terms: rows };
  }

  /** What a module's keys depend on in the replica: its loads and its record count. */
  replicaState(module: string): string {
    const r = this.db.prepare('SELECT coalesce(max(id), 0) AS mx, count(*) AS n FROM replica_loads WHERE module = ?').get(module) as { mx: number; n: number };
    return `${r.mx}:${r.n}`;
  }

  /** Forgets a module's keys (its replica records are gone or changed). */
  clear(module: string): void {
    this.db.prepare('DELETE FROM replica_match_keys WHERE module = ?').run(module);
    this.db.prepare('DELETE FROM replica_match_terms WHERE module = ?').run(module);
    this.db.prepare('DELETE FROM replica_match_state WHERE module = ?').run(module);
  }
}
