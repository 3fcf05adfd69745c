/**
 * SQL for the replica's match keys (schema 8): per record the exact keys Zoho's rules look up,
 * indexed; its blocking keys and compared values; per module the counts of names and places.
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
  /** Blocking keys, tab-separated. */
  blocks: string;
  /** The values the fuzzy model compares (JSON array, in the module's role order). */
  vals: string;
}

export type ExactColumn = 'email' | 'name' | 'system';

const INDEXES: readonly [string, ExactColumn][] = [
  ['replica_match_keys_email', 'email'],
  ['replica_match_keys_name', 'name'],
  ['replica_match_keys_system', 'system'],
];

/** Repository of the replica's match keys. */
export class MatchKeysRepo {
  /** Lookups run once per incoming row and module: prepared once. */
  private readonly byCol: Record<ExactColumn, Database.Statement>;
  private readonly valuesStmt: Database.Statement;

  constructor(private readonly db: Db) {
    this.byCol = {
      email: db.prepare('SELECT id FROM replica_match_keys WHERE module = ? AND email = ?').pluck(),
      name: db.prepare('SELECT id FROM replica_match_keys WHERE module = ? AND name = ?').pluck(),
      system: db.prepare('SELECT id FROM replica_match_keys WHERE module = ? AND system = ?').pluck(),
    };
    this.valuesStmt = db.prepare('SELECT vals, locked FROM replica_match_keys WHERE module = ? AND id = ?');
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
    this.db.prepare('DELETE FROM replica_match_keys WHERE module = ?').run(module);
    this.db.prepare('DELETE FROM replica_match_terms WHERE module = ?').run(module);
    this.db.prepare('DELETE FROM replica_match_state WHERE module = ?').run(module);
    const into = 'INSERT INTO replica_match_keys (module, id, email, name, system, locked, blocks, vals) VALUES';
    const one = this.db.prepare(`${into} (?, ?, ?, ?, ?, ?, ?, ?)`);
    const writer = multiRowInsert(this.db, into, 8, 64, (v) => one.run(v));
    const row: SqlValue[] = new Array<SqlValue>(8).fill(null);
    return {
      add(r) {
        row[0] = module;
        row[1] = r.id;
        row[2] = r.email;
        row[3] = r.name;
        row[4] = r.system;
        row[5] = r.locked ? 1 : 0;
        row[6] = r.blocks;
        row[7] = r.vals;
        writer.add(row);
      },
      flush: () => writer.flush(),
    };
  }

  /** Ends a rebuild: the module's term counts and signature, then the lookup indexes again. */
  finishRebuild(module: string, signature: string, records: number, terms: Iterable<[kind: string, key: string, n: number]>, now: string): void {
    const ins = this.db.prepare('INSERT INTO replica_match_terms (module, kind, key, n) VALUES (?, ?, ?, ?)');
    for (const [kind, key, n] of terms) ins.run(module, kind, key, n);
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

  /** Every record's id and blocking keys, raw rows [id, blocks] (streamed). */
  *blocks(module: string): Generator<[string, string]> {
    yield* this.db.prepare('SELECT id, blocks FROM replica_match_keys WHERE module = ?').raw(true).iterate(module) as IterableIterator<[string, string]>;
  }

  /** The stored values and lock of some records (ids without keys are left out). */
  values(module: string, ids: Iterable<string>): Map<string, { vals: string; locked: boolean }> {
    const out = new Map<string, { vals: string; locked: boolean }>();
    for (const id of ids) {
      const r = this.valuesStmt.get(module, id) as { vals: string; locked: number } | undefined;
      if (r) out.set(id, { vals: r.vals, locked: r.locked === 1 });
    }
    return out;
  }

  /** The module's term counts and the number of records they were counted over. */
  terms(module: string): { records: number; terms: [string, string, number][] } {
    const st = this.db.prepare('SELECT records FROM replica_match_state WHERE module = ?').get(module) as { records: number } | undefined;
    const rows = this.db.prepare('SELECT kind, key, n FROM replica_match_terms WHERE module = ?').raw(true).all(module) as [string, string, number][];
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
