/**
 * The export's part threads, fed from one queue: two threads (the machine has two cores), each
 * given up to two tasks at once so it writes one part's rows while the last one compresses.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/ipc/errors';
import type { WrittenZip } from '../zip/zip-writer';
import type { FromPartThread, PartTask, PartThreadStart, RowsResult, RowsTask, ZipTask } from './part-thread';

const IN_FLIGHT_PER_THREAD = 2;

interface Pending {
  task: PartTask;
  resolve(r: WrittenZip | RowsResult): void;
  reject(e: Error): void;
}

/** A fixed set of part threads. */
export class PartPool {
  private readonly all: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly queue: { id: number; p: Pending }[] = [];
  private readonly inFlight = new Map<number, { worker: Worker; p: Pending }>();
  private seq = 0;
  private closed = false;

  constructor(workerPath: string, threads = 2) {
    for (let i = 0; i < threads; i += 1) {
      const w = new Worker(workerPath, { workerData: { role: 'export-part-thread' } satisfies PartThreadStart });
      w.on('message', (m: FromPartThread) => this.settle(w, m));
      w.on('error', (err) => this.failAll(new AppError('INTERNAL', `A part thread failed: ${err.message}`)));
      this.all.push(w);
      this.load.set(w, 0);
    }
  }

  /** Compresses a CSV already on disk. */
  zip(task: ZipTask): Promise<WrittenZip> {
    return this.submit({ kind: 'zip', zip: task }) as Promise<WrittenZip>;
  }

  /** Writes a part's CSV from the workspace and compresses it. */
  rows(task: RowsTask): Promise<RowsResult> {
    return this.submit({ kind: 'rows', rows: task }) as Promise<RowsResult>;
  }

  private submit(task: PartTask): Promise<WrittenZip | RowsResult> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'The export was cancelled.'));
    return new Promise((resolve, reject) => {
      this.seq += 1;
      this.queue.push({ id: this.seq, p: { task, resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // The least busy thread, so two threads share the work evenly.
      let best: Worker | null = null;
      for (const w of this.all) {
        const n = this.load.get(w) ?? 0;
        if (n < IN_FLIGHT_PER_THREAD && (best === null || n < (this.load.get(best) ?? 0))) best = w;
      }
      if (best === null) return;
      const next = this.queue.shift() as { id: number; p: Pending };
      this.inFlight.set(next.id, { worker: best, p: next.p });
      this.load.set(best, (this.load.get(best) ?? 0) + 1);
      best.postMessage({ id: next.id, task: next.p.task });
    }
  }

  private settle(w: Worker, m: FromPartThread): void {
    const entry = this.inFlight.get(m.id);
    if (!entry) return;
    this.inFlight.delete(m.id);
    this.load.set(w, Math.max(0, (this.load.get(w) ?? 1) - 1));
    if (m.ok) entry.p.resolve(m.result);
    else entry.p.reject(new AppError(m.error.code, m.error.message));
    this.pump();
  }

  private failAll(err: Error): void {
    for (const { p } of this.inFlight.values()) p.reject(err);
    for (const { p } of this.queue) p.reject(err);
    this.inFlight.clear();
    this.queue.length = 0;
  }

  /** Stops the threads; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new AppError('CANCELLED', 'The export was cancelled.'));
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
