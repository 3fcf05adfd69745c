/**
 * Compressing ZIPs in two worker threads at once (the machine has two cores; DEFLATE is the
 * heavy part of an export), each running zipSingleFile from the same worker bundle.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorInfo } from '../../../../shared/ipc/errors';
import { zipSingleFile, type WrittenZip } from './zip-writer';

/** One archive to write. */
export interface ZipTask {
  sourceFile: string;
  entryName: string;
  zipPath: string;
  /** ISO time stored in the archive. */
  mtime: string;
}

/** `workerData` that makes the worker bundle run as a ZIP compressor. */
export interface ZipThreadStart {
  role: 'zip-thread';
}

type ToZipThread = { id: number; task: ZipTask };
type FromZipThread = { id: number; ok: true; result: WrittenZip } | { id: number; ok: false; error: ErrorInfo };

/** Type guard for the compressor role's workerData. */
export function isZipThreadStart(data: unknown): data is ZipThreadStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'zip-thread';
}

/** Body of a compressor thread: one task at a time, answered by id. */
export function runZipThread(port: { on(e: 'message', cb: (m: ToZipThread) => void): void; postMessage(m: FromZipThread): void }): void {
  port.on('message', (msg) => {
    zipSingleFile(msg.task.sourceFile, msg.task.entryName, msg.task.zipPath, { mtime: new Date(msg.task.mtime) }).then(
      (result) => port.postMessage({ id: msg.id, ok: true, result }),
      (err: unknown) => {
        const error: ErrorInfo = err instanceof AppError ? err.toInfo() : { code: 'INTERNAL', message: `Compressing failed: ${(err as Error).message}` };
        port.postMessage({ id: msg.id, ok: false, error });
      },
    );
  });
}

interface Pending {
  task: ZipTask;
  resolve(r: WrittenZip): void;
  reject(e: Error): void;
}

/** A fixed set of compressor threads fed from one queue. */
export class ZipPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { id: number; p: Pending }[] = [];
  private readonly inFlight = new Map<number, { worker: Worker; p: Pending }>();
  private seq = 0;
  private closed = false;

  constructor(workerPath: string, threads = 2) {
    for (let i = 0; i < threads; i += 1) {
      const w = new Worker(workerPath, { workerData: { role: 'zip-thread' } satisfies ZipThreadStart });
      w.on('message', (m: FromZipThread) => this.settle(w, m));
      w.on('error', (err) => this.failAll(new AppError('INTERNAL', `A compressor thread failed: ${err.message}`)));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** Queues one archive; resolves with its size and checksums. */
  zip(task: ZipTask): Promise<WrittenZip> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'The export was cancelled.'));
    return new Promise((resolve, reject) => {
      this.seq += 1;
      this.queue.push({ id: this.seq, p: { task, resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const next = this.queue.shift() as { id: number; p: Pending };
      this.inFlight.set(next.id, { worker: w, p: next.p });
      w.postMessage({ id: next.id, task: next.p.task } satisfies ToZipThread);
    }
  }

  private settle(w: Worker, m: FromZipThread): void {
    const entry = this.inFlight.get(m.id);
    if (!entry) return;
    this.inFlight.delete(m.id);
    this.idle.push(w);
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
