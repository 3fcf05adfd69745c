/**
 * Every stored block of a batch in source order, a page of blocks at a time, with the page's
 * issues, exclusions and edits: the export's whole-batch read (keyset paging, a cancel check
 * and progress per page, as batchPages does for decoded rows).
 */
import { AppError } from '../../../../shared/ipc/errors';
import type { Issue } from '../../../../shared/domain/batch';
import type { BatchRepo, RawBlock } from '../../db/repos/batch-repo';
import type { ExportRepo } from '../../db/repos/export-repo';
import type { JobContext } from '../replica-load/load-types';

/** Twenty blocks of 512 rows: about as many rows as batchPages reads at once. */
const BLOCKS_PER_PAGE = 20;
const PROGRESS_EVERY_MS = 100;

/** One page: its blocks and what the workspace holds about their rows. */
export interface BlockPage {
  blocks: RawBlock[];
  issues: Map<number, Issue[]>;
  excluded: Set<number>;
  edits: Map<number, Map<string, string>>;
}

/** The pages of a batch's blocks; throws CANCELLED with `cancelMessage` when asked to stop. */
export function* blockPages(
  batches: BatchRepo,
  state: ExportRepo,
  batch: { id: number; rowCount: number },
  ctx: JobContext,
  job: { phase: string; cancelMessage: string },
): Generator<BlockPage> {
  let after = 0;
  let last = 0;
  for (;;) {
    if (ctx.cancelled()) throw new AppError('CANCELLED', job.cancelMessage);
    const blocks = batches.blocksAfter(batch.id, after, BLOCKS_PER_PAGE);
    if (blocks.length === 0) break;
    const from = (blocks[0] as RawBlock).firstRow;
    after = (blocks[blocks.length - 1] as RawBlock).lastRow;
    yield { blocks, ...state.pageState(batch.id, from, after) };
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      // Row numbers count the blank lines an import skips, so the last one can pass the count.
      const done = Math.min(after, batch.rowCount);
      ctx.progress({ phase: job.phase, done, total: batch.rowCount, rows: done });
    }
  }
  ctx.progress({ phase: job.phase, done: batch.rowCount, total: batch.rowCount, rows: batch.rowCount });
}
