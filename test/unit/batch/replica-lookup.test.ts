import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { ReplicaRepo } from '../../../electron/core/db/repos/replica-repo';
import { replicaLookup } from '../../../electron/core/engines/batch/replica-lookup';
import { makeField } from '../validation/make-field';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('replicaLookup', () => {
  it('says to load the target module when the replica has none of its records', () => {
    const resolver = replicaLookup(new ReplicaRepo(db));
    const field = makeField('lookup', { apiName: 'Account_Name', label: 'Account Name', lookupModule: 'Accounts' });
    const r = resolver.resolve(field, 'name', 'Acme Corporation');
    expect(r).toMatchObject({ ok: false, code: 'LOOKUP_NOT_FOUND' });
    expect(r.ok ? '' : r.message).toContain('load your Accounts export');
  });
});
