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
    const rc = rowContext(b.header, mapping, job.fields, replicaLookup(new ReplicaRepo(db)));
    const edits = state.edits(job.batchId);
    const excluded = state.excludedRows(job.batchId);
    const validator = new RowValidator(rc);
    let written = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
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
