/**
 * Loading a CSV export (plain or in a Bulk Read ZIP) into the replica through a stage.
 *
 * Four threads share the work: the CSV parser thread reads, decodes and tokenizes; the binder
 * thread (replica-binder.ts) turns cells into records and binds them into chunk files of about
 * 16 MB; this thread copies each chunk into a stage table in the workspace (one INSERT ... SELECT
 * in C and a commit per chunk), and binds every third group of rows into the stage itself, which
 * keeps it about as busy as the binder; a checkpointer thread copies each commit from the WAL into the
 * database meanwhile. (With one thread binding straight into one transaction over the whole
 * load, binding and the final WAL copy ran one after the other on the same thread.) Readers see
 * nothing of a load until the swap: one short transaction that makes the stage the module's
 * table when the module is empty, or upserts the stage's records into it by id otherwise (see
 * ReplicaStageRepo). A cancel, a malformed row or a failure drops the stage; a crash leaves it
 * to be dropped at the next open. The replica is exactly as it was until the swap commits.
 *
 * Issue 9's match keys fit here: they become extra chunk and stage columns, copied in C like the
 * values, and their indexes are built on the stage after its last chunk and before the swap, so
 * the swap stays O(1). Compute them in the parser thread (posted with each batch, packed like
 * its cells) rather than in the binder: the binder is the busiest thread (binding costs about
 * 170 ns per value, so five keys add about 0.85 s per million records to it), the parser the
 * idlest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Res } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import type { Db } from '../../db/open';
import type { RecordWriter, ReplicaRepo } from '../../db/repos/replica-repo';
import { ReplicaStageRepo, type SwapResult } from '../../db/repos/replica-stage-repo';
import { addRecords, csvFormat } from './csv-records';
import type { HeaderPlan } from './header-plan';
import type { LoadHelpers, ReplicaLoadJob } from './load-types';
import type { BinderStart, FromBinder } from './replica-binder';
import { startCheckpointer } from './wal-checkpointer';
import { processRunning } from '../../workspace/process-running';

type LoadResult = Res<'replica.load'>;

const CHUNK_DIR_PREFIX = 'preflight-load-';
/** Rejected rows reported by row number (as run-replica-load keeps them). */
const MAX_REASONS = 100;

/**
 * Removes the chunk folders that loads of processes now gone left in the temporary folder (a
 * crash skips the removal at the end of a load); says how many.
 */
export function sweepChunkDirs(isRunning: (pid: number) => boolean, tmp = os.tmpdir()): number {
  let swept = 0;
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = new RegExp(`^${CHUNK_DIR_PREFIX}([0-9]+)-`).exec(name);
    if (m && !isRunning(Number(m[1]))) {
      try {
        fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
        swept += 1;
      } catch {
        // Another user's folder, or one in use: not ours to force.
      }
    }
  }
  return swept;
}

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
  // Each chunk is committed whole, so the cache only needs one chunk's pages and the B-tree's
  // right edge, not the whole load's.
  db.pragma('cache_size = -32768');
  const checkpointer = startCheckpointer(job.workerPath, job.dbPath, job.nativeBinding);
  sweepChunkDirs(processRunning);
  const chunkDir = fs.mkdtempSync(path.join(os.tmpdir(), `${CHUNK_DIR_PREFIX}${process.pid}-`));
  const copied = new SharedArrayBuffer(4);
  const start: BinderStart = {
    role: 'replica-binder',
    workerPath: job.workerPath,
    nativeBinding: job.nativeBinding,
    file: job.filePath,
    kind: source.kind,
    size: source.size,
    fields: job.fields,
    chunkDir,
    copied,
    chunkChars: job.chunkChars,
  };
  const binder = new Worker(job.workerPath, { workerData: start });
  let stage: string | null = null;
  let plan: HeaderPlan | null = null;
  let headerWidth = 0;
  let keys: string[] = [];
  let cols: string[] = [];
  let writer: RecordWriter | null = null;
  // The records this thread binds itself (see LOADER_BINDS_EVERY); the binder tallies its own.
  const mine = { loaded: 0, rejected: 0, reasons: [] as { row: number; reason: string }[] };
  const rejectMine = (row: number, reason: string): void => {
    mine.rejected += 1;
    if (mine.reasons.length < MAX_REASONS) mine.reasons.push({ row, reason });
  };
  const values: (string | null)[] = [];
  const taken = (): void => {
    checkpointer.checkpoint();
    const cell = new Int32Array(copied);
    Atomics.add(cell, 0, 1);
    Atomics.notify(cell, 0);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const settle = (fn: () => void): void => {
        if (!done) {
          done = true;
          fn();
        }
      };
      binder.on('message', (msg: FromBinder) => {
        if (done) return;
        try {
          h.checkCancel();
          if (msg.type === 'header') {
            ({ plan, headerWidth } = msg);
            keys = msg.plan.columns.map((c) => c.key);
            cols = stages.planColumns(job.module, keys);
            stage = stages.create(cols, process.pid);
            writer = stages.writer(stage, cols);
          } else if (msg.type === 'progress') {
            h.report(msg.done, msg.total, msg.rows + mine.loaded);
          } else if (msg.type === 'chunk') {
            if (stage) stages.copyChunk(stage, msg.file, cols);
            fs.rmSync(msg.file, { force: true });
            taken();
          } else if (msg.type === 'rows') {
            const p = plan as HeaderPlan | null;
            const w = writer as RecordWriter | null;
            if (p && w) {
              db.transaction(() => {
                msg.batches.forEach((b, i) => addRecords(b, msg.offsets[i] ?? 0, p, headerWidth, values, w, mine, rejectMine));
                // Rows held back for a multi-row statement go in before the next chunk's.
                w.flush();
              }).immediate();
            }
            taken();
          } else if (msg.type === 'end') {
            // Both threads tallied their records; the first reasons of either, by row, are the load's.
            const reasons = [...msg.reasons, ...mine.reasons].sort((a, b) => a.row - b.row).slice(0, MAX_REASONS);
            Object.assign(h.tally, { loaded: msg.loaded + mine.loaded, rejected: msg.rejected + mine.rejected, reasons });
            h.report(msg.total, msg.total, h.tally.loaded, true);
            settle(resolve);
          } else {
            settle(() => reject(new AppError(msg.error.code, msg.error.message)));
          }
        } catch (err) {
          settle(() => reject(err));
        }
      });
      binder.on('error', (err) => settle(() => reject(err)));
      binder.on('exit', (code) => settle(() => reject(new AppError('INTERNAL', `The record binder stopped unexpectedly (exit ${code}).`))));
    });
    h.checkCancel();
    const finalPlan = plan as HeaderPlan | null;
    const found = { format: csvFormat(source.kind, finalPlan?.style ?? 'api'), unknown: finalPlan?.unknown ?? [] };
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
    await binder.terminate();
    await checkpointer.finish();
    try {
      fs.rmSync(chunkDir, { recursive: true, force: true });
    } catch {
      // Swept by a later load once this process has ended.
    }
  }
}
