/**
 * Find and replace in one field across a whole batch (worker side): every row's current
 * value (after mapping, transforms and earlier edits) is searched, and the changed cells
 * become edits, with one journal entry, in one transaction.
 */
import type { BatchMapping } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import { JournalRepo } from '../../db/repos/journal-repo';
import type { JobContext } from '../replica-load/load-types';
import { computeRow, rowContext, sourceOf } from './compute-row';
import type { JournalChange } from './journal-change';
import { replaceInValue, type ReplaceRule } from './replace-in-value';
import { batchPages } from './batch-pages';

export interface BatchReplaceJob extends ReplaceRule {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  fields: FieldMeta[];
  field: string;
  now: string;
}

/** Resolves with the number of cells changed (0 leaves the batch and its journal alone). */
export async function runBatchReplace(job: BatchReplaceJob, ctx: JobContext): Promise<{ changed: number }> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    const batches = new BatchRepo(db);
    const state = new BatchStateRepo(db);
    const b = batches.get(job.batchId);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${job.batchId}.`);
    }
    // Lookups are left out: the search is on what the user sees and typed, not on record ids.
    const rc = rowContext(b.header, JSON.parse(b.mappingJson) as BatchMapping, job.fields, null);
    const edits = state.edits(job.batchId);
    const cells: { row: number; before: string | null; after: string }[] = [];
    for (const page of batchPages(batches, b, ctx, { phase: 'replacing', cancelMessage: 'Find and replace was cancelled; nothing was changed.' })) {
      for (const r of page) {
        const rowEdits = edits.get(r.rowNo);
        const current = computeRow(sourceOf(r), rc, rowEdits).values.get(job.field)?.value ?? '';
        const next = replaceInValue(current, job);
        if (next !== null && next !== current) {
          cells.push({ row: r.rowNo, before: rowEdits?.get(job.field) ?? null, after: next });
        }
      }
    }
    if (cells.length > 0) {
      const journal = new JournalRepo(db);
      db.transaction(() => {
        for (const c of cells) state.setEdit(job.batchId, c.row, job.field, c.after);
        journal.append(job.batchId, 'replace', { kind: 'replace', field: job.field, cells } satisfies JournalChange, job.now);
      })();
    }
    return { changed: cells.length };
  } finally {
    db.close();
  }
}
