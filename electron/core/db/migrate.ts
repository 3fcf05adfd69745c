/**
 * The migration runner: `PRAGMA user_version` holds the schema version.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** Applies pending migrations, each in its own transaction; refuses a newer schema. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'WORKSPACE_NEWER_SCHEMA',
      `This workspace uses schema ${current}, newer than this version of Preflight understands (${LATEST_SCHEMA_VERSION}). Update Preflight to open it.`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) {
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      // user_version cannot be bound as a parameter; the value is our own integer constant.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version of an open workspace. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
