/**
 * Opening a workspace file: pragmas, schema check, migrations.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file (and its folder) when missing; otherwise a missing file is an error. */
  create: boolean;
  /** better-sqlite3 binary for a runtime with another ABI (Electron). */
  nativeBinding?: string;
  /** Open without migrating (workers open a workspace the main side has already migrated). */
  migrate?: boolean;
}

/** Opens (and migrates) a workspace, turning SQLite's failures into stable codes. */
export function openWorkspaceDb(file: string, opts: OpenOptions): Db {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) {
    throw new AppError('FILE_NOT_FOUND', `No workspace at ${file}.`);
  }
  if (exists && fs.statSync(file).isDirectory()) {
    throw new AppError('WORKSPACE_OPEN_FAILED', `${file} is a folder, not a workspace file.`);
  }
  if (!exists) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  let db: Db;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    throw new AppError('WORKSPACE_OPEN_FAILED', `Cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    if (!exists) {
      // Replica rows are a few hundred bytes; 8 KiB pages hold more of them per B-tree node,
      // which cuts the pages a large load writes. It must be set before WAL mode is entered.
      db.pragma('page_size = 8192');
    }
    // The first statement reads the header: a file that is not SQLite fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // NORMAL is durable in WAL mode except for the last commits before a power cut, and every
    // step is one transaction, so the workspace is never left between two states.
    db.pragma('synchronous = NORMAL');
    if (opts.migrate !== false) {
      migrate(db);
    }
  } catch (err) {
    db.close();
    if (err instanceof AppError) {
      throw err;
    }
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('WORKSPACE_NOT_A_DATABASE', `${file} is not a Preflight workspace (not an SQLite database).`);
    }
    throw new AppError('WORKSPACE_OPEN_FAILED', `Cannot open ${file}: ${(err as Error).message}`);
  }
  return db;
}
