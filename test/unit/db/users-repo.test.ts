import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { BatchRepo } from '../../../electron/core/db/repos/batch-repo';
import { ReplicaRepo } from '../../../electron/core/db/repos/replica-repo';
import { UsersRepo } from '../../../electron/core/db/repos/users-repo';
import { newBatch } from '../../helpers/new-batch';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
});
afterEach(() => {
  db.close();
  cleanup();
});

const load = (replica: ReplicaRepo, module: string): void =>
  replica.recordLoad({ module, format: 'x', sourceName: 'f', loaded: 1, inserted: 1, updated: 0, rejected: 0, unknownColumns: [], finishedAt: 'now' });

describe('users load bookkeeping (schema 6)', () => {
  it('knows the latest Users load and which one a batch was validated with', () => {
    const users = new UsersRepo(db);
    const replica = new ReplicaRepo(db);
    const batch = new BatchRepo(db).createBatch(newBatch(['a']), process.pid);
    expect(users.latestLoad()).toBe(0);
    expect(users.batchStamp(batch.id)).toBe(0);
    load(replica, 'Contacts');
    expect(users.latestLoad()).toBe(0);
    load(replica, 'Users');
    const first = users.latestLoad();
    expect(first).toBeGreaterThan(0);
    users.stampBatch(batch.id, first);
    expect(users.batchStamp(batch.id)).toBe(first);
    load(replica, 'Users');
    expect(users.latestLoad()).toBeGreaterThan(users.batchStamp(batch.id));
  });
});
