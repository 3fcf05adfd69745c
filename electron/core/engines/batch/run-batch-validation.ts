/**
 * Validating a whole batch (worker side): every row through its mapping, duplicates of unique
 * fields across the batch, all issues replaced in one transaction.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import type { JobContext } from '../replica-load/load-types';
import { rowContext, sourceOf } from './compute-row';
import { RowValidator } from './row-validator';
import { batchPages } from './batch-pages';
import { replicaLookup } from './replica-lookup';
import { UsersRepo } from '../../db/repos/users-repo';
import { loadUserDirectory } from '../users/user-directory';
import type { BatchMapping } from '../../../../shared/domain/batch';

export interface BatchValidateJob {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  fields: FieldMeta[];
}

/** Re-validates every row of the batch; resolves with the number of issues written. */
export async function runBatchValidation(job: BatchValidateJob, ctx: JobContext): Promise<{ issues: number }> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  db.pragma('cache_size = -65536');
  try {
    const batches = new BatchRepo(db);
    const state = new BatchStateRepo(db);
    const b = batches.get(job.batchId);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${job.batchId}.`);
    }
    const mapping = JSON.parse(b.mappingJson) as BatchMapping;
    const edits = state.edits(job.batchId);
    const excluded = state.excludedRows(job.batchId);
    let written = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      // The users are read under the write lock, so the load stamped below is the one used.
      const replica = new ReplicaRepo(db);
      const usersRepo = new UsersRepo(db);
      const usersLoad = usersRepo.latestLoad();
      const directory = loadUserDirectory(replica);
      const validator = new RowValidator(rowContext(b.header, mapping, job.fields, replicaLookup(replica), directory.size > 0 ? directory : null));
      state.replaceIssues(job.batchId, []);
      const sink = state.issueWriter(job.batchId);
      for (const page of batchPages(batches, b, ctx, { phase: 'validating', cancelMessage: 'Validation was cancelled; the previous results are kept.' })) {
        for (const r of page) {
          for (const i of validator.check(sourceOf(r), edits.get(r.rowNo), excluded.has(r.rowNo))) {
            sink.add(i);
            written += 1;
          }
        }
      }
      sink.flush();
      state.rememberCounts(job.batchId);
      usersRepo.stampBatch(job.batchId, usersLoad);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    return { issues: written };
  } finally {
    db.close();
  }
}
