/**
 * SQL about the org's users beyond the replica's own tables: which Users load is the latest,
 * and which one a batch was last validated with (schema 6).
 *
 * The users themselves live in the replica as module `Users` and are read and written through
 * ReplicaRepo; this file only adds the two facts the replica does not keep.
 */
import { USERS_MODULE } from '../../../../shared/domain/user-fields';
import type { Db } from '../open';

/** Repository of users-load bookkeeping. */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  /** The id of the latest Users load in `replica_loads`, 0 when users were never loaded. */
  latestLoad(): number {
    const row = this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM replica_loads WHERE module = ?').get(USERS_MODULE) as { id: number };
    return row.id;
  }

  /** Records that `batchId` was validated in full with the users of load `loadId`. */
  stampBatch(batchId: number, loadId: number): void {
    this.db.prepare('UPDATE batches SET users_load = ? WHERE id = ?').run(loadId, batchId);
  }

  /** The users load `batchId` was last validated with (0: before any users were loaded). */
  batchStamp(batchId: number): number {
    const row = this.db.prepare('SELECT users_load AS id FROM batches WHERE id = ?').get(batchId) as { id: number } | undefined;
    return row?.id ?? 0;
  }
}
