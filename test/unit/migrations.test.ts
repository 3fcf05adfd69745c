import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('migrations', () => {
  it('are numbered in increasing order, the last one the latest schema', () => {
    // Numbers are handed out per feature branch ahead of time, so a branch may lack its
    // neighbours' numbers until they merge; what must hold is the order.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? 0))).toBe(true);
    expect(LATEST_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('bring a schema-1 workspace with replica data up to date without touching the data', () => {
    const file = path.join(dir, 'v1.db');
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]?.sql ?? '');
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO replica_modules (module, table_no, next_col, updated_at) VALUES ('Contacts', 1, 2, 'x')").run();
    v1.exec('CREATE TABLE replica_t1 (id TEXT PRIMARY KEY NOT NULL, c1 TEXT) WITHOUT ROWID');
    v1.prepare("INSERT INTO replica_t1 VALUES ('4876876000000520001', 'Lovelace')").run();
    v1.close();
    const db = openWorkspaceDb(file, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT c1 FROM replica_t1').get()).toEqual({ c1: 'Lovelace' });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('batches', 'templates', 'batch_journal')").get()).toEqual({ n: 3 });
    db.close();
  });

  it('give batches made before schema 6 no users load, so a later users load offers to re-validate them', () => {
    const file = path.join(dir, 'v5.db');
    const v5 = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) v5.exec(m.sql);
    v5.pragma('user_version = 5');
    v5.prepare(
      `INSERT INTO batches (module, source_name, source_path, source_size, encoding, delimiter, header_json, header_fingerprint, row_count, table_no, mapping_json, created_at)
       VALUES ('Leads', 'l.csv', '/l.csv', 1, 'utf-8', ',', '[]', 'f', 0, 1, '{}', 'now')`,
    ).run();
    v5.close();
    const db = openWorkspaceDb(file, { create: false });
    expect(db.prepare('SELECT users_load AS n, source_name AS name FROM batches').get()).toEqual({ n: 0, name: 'l.csv' });
    db.close();
  });

  it('roll back a failing migration as a whole', () => {
    const file = path.join(dir, 'broken.db');
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]?.sql ?? '');
    v1.pragma('user_version = 1');
    // A table the next migration wants to create already exists: the migration must fail whole.
    v1.exec('CREATE TABLE templates (x)');
    v1.close();
    expect(() => openWorkspaceDb(file, { create: false })).toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'batches'").get()).toEqual({ n: 0 });
    check.close();
  });
});
