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
import { rowContext } from './compute-row';
import { RowValidator } from './row-validator';
import { replicaLookup } from './replica-lookup';
import type { BatchMapping } from '../../../../shared/domain/batch';

export interface BatchValidateJob {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  fields: FieldMeta[];
}

// A multiple of the repository's 512-row blocks, so no block is decoded twice.
const PAGE = 10_240;
const PROGRESS_EVERY_MS = 100;

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
    let last = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      state.replaceIssues(job.batchId, []);
      const sink = state.issueWriter(job.batchId);
      // Keyset paging: an OFFSET would rescan every earlier row for each page.
      let after = 0;
      let done = 0;
      for (;;) {
        if (ctx.cancelled()) {
          throw new AppError('CANCELLED', 'Validation was cancelled; the previous results are kept.');
        }
        const page = batches.rowsAfter(job.batchId, after, PAGE);
        if (page.length === 0) break;
        after = page[page.length - 1]?.rowNo ?? after;
        done += page.length;
        for (const r of page) {
          for (const i of validator.check({ row: r.rowNo, cells: r.cells, width: r.width }, edits.get(r.rowNo), excluded.has(r.rowNo))) {
            sink.add(i);
            written += 1;
          }
        }
        const now = Date.now();
        if (now - last >= PROGRESS_EVERY_MS) {
          last = now;
          ctx.progress({ phase: 'validating', done, total: b.rowCount, rows: done });
        }
      }
      sink.flush();
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    ctx.progress({ phase: 'validating', done: b.rowCount, total: b.rowCount, rows: b.rowCount });
    return { issues: written };
  } finally {
    db.close();
  }
}
