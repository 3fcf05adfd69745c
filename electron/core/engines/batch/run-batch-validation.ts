/**
 * Validating a whole batch (worker side): every row through its mapping, duplicates of unique
 * fields across the batch, all issues replaced in one transaction.
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import { UniqueTracker } from '../../../../shared/validation';
import { openWorkspaceDb } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import type { JobContext } from '../replica-load/load-types';
import { computeRow, rowContext } from './compute-row';
import { replicaLookup } from './replica-lookup';
import type { BatchMapping } from '../../../../shared/domain/batch';

export interface BatchValidateJob {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  fields: FieldMeta[];
}

const PAGE = 10_000;
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
    const uniqueFields = job.fields.filter((f) => f.unique !== null && rc.mappedFields.has(f.apiName));
    const tracker = new UniqueTracker();
    let written = 0;
    let last = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      state.replaceIssues(job.batchId, []);
      for (let offset = 0; offset < b.rowCount; offset += PAGE) {
        if (ctx.cancelled()) {
          throw new AppError('CANCELLED', 'Validation was cancelled; the previous results are kept.');
        }
        const issues: Issue[] = [];
        for (const r of batches.rows(job.batchId, offset, PAGE)) {
          if (excluded.has(r.rowNo)) continue;
          const computed = computeRow({ row: r.rowNo, cells: r.cells, width: r.width }, rc, edits.get(r.rowNo));
          issues.push(...computed.issues);
          for (const f of uniqueFields) {
            const v = computed.values.get(f.apiName);
            if (v && v.value !== '') {
              const dup = tracker.track({ row: r.rowNo, field: f.apiName, column: v.column, value: v.value, caseSensitive: f.unique?.caseSensitive ?? false });
              if (dup) issues.push(dup);
            }
          }
        }
        state.replaceRowIssues(job.batchId, [], issues);
        written += issues.length;
        const now = Date.now();
        if (now - last >= PROGRESS_EVERY_MS) {
          last = now;
          ctx.progress({ phase: 'validating', done: Math.min(b.rowCount, offset + PAGE), total: b.rowCount, rows: Math.min(b.rowCount, offset + PAGE) });
        }
      }
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
