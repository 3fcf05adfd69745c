/**
 * Every stored row of a batch in source order, a page at a time, for the whole-batch jobs
 * (validation, find-and-replace): keyset paging, a cancel check and progress per page.
 */
import { AppError } from '../../../../shared/ipc/errors';
import type { BatchRepo, StoredRow } from '../../db/repos/batch-repo';
import type { JobContext } from '../replica-load/load-types';

// A multiple of the repository's 512-row blocks, so no block is decoded twice.
const PAGE = 10_240;
const PROGRESS_EVERY_MS = 100;

export function* batchPages(
  batches: BatchRepo,
  batch: { id: number; rowCount: number },
  ctx: JobContext,
  job: { phase: string; cancelMessage: string },
): Generator<StoredRow[]> {
  // Keyset paging: an OFFSET would rescan every earlier row for each page.
  let after = 0;
  let done = 0;
  let last = 0;
  for (;;) {
    if (ctx.cancelled()) {
      throw new AppError('CANCELLED', job.cancelMessage);
    }
    const page = batches.rowsAfter(batch.id, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]?.rowNo ?? after;
    yield page;
    done += page.length;
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      ctx.progress({ phase: job.phase, done, total: batch.rowCount, rows: done });
    }
  }
  ctx.progress({ phase: job.phase, done: batch.rowCount, total: batch.rowCount, rows: batch.rowCount });
}
