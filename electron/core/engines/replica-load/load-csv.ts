/**
 * Loading a CSV export (plain or in a Bulk Read ZIP) into the replica through a stage.
 *
 * Three threads share the work: the CSV parser thread reads, decodes and tokenizes; this one
 * turns cells into values and binds them into a stage table, committing every
 * COMMIT_EVERY_CHARS of text; a checkpointer thread copies each committed chunk from the WAL
 * into the database meanwhile. (One transaction over the whole load left that copy, a seventh
 * of the load, to the very end, on this thread.) Readers see nothing of it until the swap: one
 * short transaction that makes the stage the module's table when the module is empty, or
 * upserts the stage's records into it by id otherwise (see ReplicaStageRepo). A cancel, a
 * malformed row or a failure drops the stage; a crash leaves it to be dropped at the next
 * open. The replica is exactly as it was until the swap commits.
 *
 * Issue 9's match keys fit here: computed per row in the parser thread and posted with the
 * batch, they become extra stage columns bound beside the values, and their indexes are built
 * on the stage after its last chunk and before the swap, so the swap stays O(1).
 */
import type { Res } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import type { Db } from '../../db/open';
import type { RecordWriter, ReplicaRepo } from '../../db/repos/replica-repo';
import { ReplicaStageRepo, type SwapResult } from '../../db/repos/replica-stage-repo';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { cellText, type TokenBatch } from '../csv/csv-tokenizer';
import { planHeader, type HeaderPlan } from './header-plan';
import type { LoadHelpers, ReplicaLoadJob } from './load-types';
import { startCheckpointer } from './wal-checkpointer';

type LoadResult = Res<'replica.load'>;

/**
 * Text (UTF-16 code units, about bytes) written between two commits of the stage. Larger
 * chunks leave more to copy after the last one; smaller ones cost a commit and a checkpoint
 * each.
 */
const COMMIT_EVERY_CHARS = 16 * 1024 * 1024;

/** What a CSV load found, with the swap's counts; the swap has committed. */
export interface CsvLoaded {
  format: LoadResult['format'];
  unknown: string[];
  swap: SwapResult;
}

/** Loads a CSV into a stage and swaps it in; `finish` runs inside the swap's transaction. */
export async function loadCsv(
  job: ReplicaLoadJob,
  db: Db,
  repo: ReplicaRepo,
  source: { kind: 'csv' | 'zip'; size: number },
  h: LoadHelpers,
  finish: (loaded: Omit<CsvLoaded, 'swap'>, swap: SwapResult) => void,
): Promise<CsvLoaded> {
  const stages = new ReplicaStageRepo(db, repo);
  // Checkpoints are the checkpointer's job: here they would stop the loading thread.
  db.pragma('wal_autocheckpoint = 0');
  const checkpointer = startCheckpointer(job.workerPath, job.dbPath, job.nativeBinding);
  let stage: string | null = null;
  let plan: HeaderPlan | null = null;
  let keys: string[] = [];
  let cols: string[] = [];
  let writer: RecordWriter | null = null;
  let headerWidth = 0;
  let sinceCommit = 0;
  try {
    const { total } = await parseCsvInThread(job.workerPath, { file: job.filePath, kind: source.kind, size: source.size, delimiter: ',' }, {
      onProgress(done, all) {
        h.report(done, all, h.tally.loaded);
      },
      onHeader(header) {
        plan = planHeader(header, job.fields);
        keys = plan.columns.map((c) => c.key);
        cols = stages.planColumns(job.module, keys);
        stage = stages.create(cols, process.pid);
        writer = stages.writer(stage, cols);
        headerWidth = header.length;
        db.exec('BEGIN IMMEDIATE');
      },
      onBatch(batch, rowOffset) {
        h.checkCancel();
        if (plan && writer) {
          writeRows(batch, rowOffset, plan, headerWidth, writer, h);
        }
        sinceCommit += batch.text.length;
        if (sinceCommit >= COMMIT_EVERY_CHARS) {
          sinceCommit = 0;
          db.exec('COMMIT');
          checkpointer.checkpoint();
          db.exec('BEGIN IMMEDIATE');
        }
      },
    });
    (writer as RecordWriter | null)?.flush();
    if (db.inTransaction) db.exec('COMMIT');
    h.report(total, total, h.tally.loaded, true);
    h.checkCancel();
    const finalPlan = plan as HeaderPlan | null;
    const ui = finalPlan?.style === 'label';
    const found = {
      format: (source.kind === 'zip' ? (ui ? 'ui-export-zip' : 'bulk-read-zip') : ui ? 'ui-export-csv' : 'bulk-read-csv') as LoadResult['format'],
      unknown: finalPlan ? finalPlan.unknown : [],
    };
    const staged = stage as string | null;
    if (!staged) {
      // The sink refuses a file without a header, so every load that gets here has a stage.
      throw new AppError('INTERNAL', 'The load ended without a stage.');
    }
    const swap = db
      .transaction(() => {
        const s = stages.swapIn(staged, job.module, keys, cols, job.now);
        finish(found, s);
        return s;
      })
      .immediate();
    stage = null;
    return { ...found, swap };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const left = stage as string | null;
    if (left) {
      try {
        stages.discard(left);
      } catch {
        // Left for the next open of the workspace (once this process has ended) to drop.
      }
    }
    throw err;
  } finally {
    await checkpointer.finish();
  }
}

/** Binds the data rows of one batch into the stage; blank lines are skipped. */
function writeRows(batch: TokenBatch, rowOffset: number, plan: HeaderPlan, headerWidth: number, writer: RecordWriter, h: LoadHelpers): void {
  const width = plan.columns.length;
  const values: (string | null)[] = new Array<string | null>(width);
  const indexes = plan.columns.map((c) => c.index);
  const { rowStarts, cells } = batch;
  for (let r = 0; r < batch.rowCount; r += 1) {
    const rowNo = rowOffset + r + 1;
    const first = rowStarts[r] as number;
    const count = (rowStarts[r + 1] as number) - first;
    if (count !== headerWidth) {
      if (count === 1 && cells[2 * first] === cells[2 * first + 1]) {
        continue; // a blank line
      }
      throw new AppError('CSV_MALFORMED', `Row ${rowNo} has ${count} fields but the header has ${headerWidth}. Nothing was loaded.`);
    }
    const id = cellText(batch, first + plan.idIndex).trim();
    if (id === '') {
      h.reject(rowNo, 'no record id');
      continue;
    }
    for (let c = 0; c < width; c += 1) {
      const cell = first + (indexes[c] as number);
      values[c] = cells[2 * cell] === cells[2 * cell + 1] ? null : cellText(batch, cell);
    }
    writer.add(id, values);
    h.tally.loaded += 1;
  }
}
