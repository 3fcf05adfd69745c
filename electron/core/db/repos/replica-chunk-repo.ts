/**
 * SQL for load chunks: scratch SQLite files that a binder thread fills with records and the
 * loading thread copies into a stage (ReplicaStageRepo.copyChunk).
 *
 * Binding values one by one through better-sqlite3 is the largest cost of a load, and a
 * workspace has one writer at a time; a chunk is a database of its own, so one thread can bind
 * records into it while another copies the previous chunk into the workspace in C. A chunk is
 * scratch: no journal, no sync, one transaction, removed once copied. Its table keeps records
 * in file order (rowid) and positional columns `s1..sN`; ids are not unique here, the copy
 * resolves repeats in file order.
 */
import Database from 'better-sqlite3';
import { multiRowInsert, type MultiRowInsert, type SqlValue } from './multi-row-insert';

/** Records per multi-row INSERT into a chunk. */
const RECORDS_PER_INSERT = 64;

/** The name of a chunk's positional column `i` (0-based). */
export function chunkCol(i: number): string {
  return `s${Math.trunc(i) + 1}`;
}

/** Fills one chunk file; `close` commits it and says how many records it holds. */
export interface ChunkWriter {
  add(id: string, values: ReadonlyArray<string | null>): void;
  close(): number;
  /** Closes without committing (the chunk is then left for its folder's removal). */
  abandon(): void;
}

/** Creates the chunk file `file` (which must not exist) for records of `width` values. */
export function createChunk(file: string, width: number, nativeBinding?: string): ChunkWriter {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('page_size = 8192');
  const cols = ['id', ...Array.from({ length: width }, (_, i) => chunkCol(i))];
  db.exec(`CREATE TABLE t (${cols.map((c) => `${c} TEXT`).join(', ')})`);
  const one = db.prepare(`INSERT INTO t (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const rows: MultiRowInsert = multiRowInsert(db, `INSERT INTO t (${cols.join(', ')}) VALUES`, cols.length, RECORDS_PER_INSERT, (row) => one.run(row));
  const row = new Array<SqlValue>(cols.length).fill(null);
  let count = 0;
  db.exec('BEGIN');
  return {
    add(id, values) {
      row[0] = id;
      for (let c = 0; c < width; c += 1) row[c + 1] = values[c] ?? null;
      rows.add(row);
      count += 1;
    },
    close() {
      rows.flush();
      db.exec('COMMIT');
      db.close();
      return count;
    },
    abandon() {
      db.close();
    },
  };
}
