/**
 * Progress and cancel for the conversion jobs, at most ten reports a second.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { JobContext } from '../engines/replica-load/load-types';

const EVERY_MS = 100;

/** Reports `done` of `total` (throttled) and stops the job when the user cancelled it. */
export function progressReporter(ctx: JobContext, phase: string, cancelMessage: string): (done: number, total: number, force?: boolean) => void {
  let last = 0;
  return (done, total, force = false) => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', cancelMessage);
    const now = Date.now();
    if (force || now - last >= EVERY_MS) {
      last = now;
      ctx.progress({ phase, done, total, rows: done });
    }
  };
}

/** Runs `work` in one write transaction on `db`, rolled back whole on any failure. */
export function inWriteTransaction<T>(db: { exec(sql: string): unknown; inTransaction: boolean }, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
