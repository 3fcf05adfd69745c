/**
 * Runs long jobs in worker threads, one at a time per core, with progress and cancel.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/ipc/errors';
import type { JobProgress } from '../engines/replica-load/load-types';
import type { FromWorker, WorkerJob } from '../workers/worker-protocol';

interface Running {
  jobId: string;
  worker: Worker;
  cancelRequested: boolean;
  cancelFlag: Int32Array;
}

/** Starts jobs in workers; a second write job while one runs is refused with JOB_BUSY. */
export class JobRunner {
  private running: Running | null = null;

  constructor(private readonly workerPath: string) {}

  /** Runs `job`; `onProgress` sees every progress report; rejects with the job's coded error. */
  run(jobId: string, job: WorkerJob, onProgress: (p: JobProgress) => void): Promise<unknown> {
    if (this.running) {
      return Promise.reject(new AppError('JOB_BUSY', 'Another load is still running; wait for it or cancel it first.'));
    }
    const worker = new Worker(this.workerPath);
    const cancel = new SharedArrayBuffer(4);
    const entry: Running = { jobId, worker, cancelRequested: false, cancelFlag: new Int32Array(cancel) };
    this.running = entry;
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) {
          return;
        }
        settled = true;
        if (this.running === entry) {
          this.running = null;
        }
        void worker.terminate();
        fn();
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'progress') {
          onProgress(msg);
        } else if (msg.type === 'done') {
          finish(() => resolve(msg.result));
        } else {
          finish(() => reject(new AppError(msg.error.code, msg.error.message)));
        }
      });
      worker.on('error', (err) => {
        console.error('[job]', err);
        finish(() => reject(new AppError('INTERNAL', 'The background job failed unexpectedly.')));
      });
      worker.on('exit', (code) => {
        finish(() =>
          reject(
            entry.cancelRequested
              ? new AppError('CANCELLED', 'The job was cancelled; nothing was changed.')
              : new AppError('INTERNAL', `The background job stopped (exit ${code}).`),
          ),
        );
      });
      worker.postMessage({ type: 'run', job, cancel });
    });
  }

  /** Asks the running job to stop; it rolls back its transaction and reports CANCELLED. */
  cancel(jobId: string): boolean {
    const r = this.running;
    if (!r || r.jobId !== jobId) {
      return false;
    }
    r.cancelRequested = true;
    Atomics.store(r.cancelFlag, 0, 1);
    r.worker.postMessage({ type: 'cancel' });
    return true;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  async close(): Promise<void> {
    const r = this.running;
    if (r) {
      r.cancelRequested = true;
      await r.worker.terminate();
    }
  }
}
