/**
 * A thread that copies a workspace's WAL into the database while a load goes on.
 *
 * SQLite checkpoints on the connection that commits, so a loading thread that commits every
 * few megabytes would stop each time to copy them; the loader turns that off and asks this
 * thread instead, which uses the core the CSV parser leaves idle. PASSIVE checkpoints never
 * wait for the writer: each copies what is committed and returns.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { openWorkspaceDb } from '../../db/open';

/** `workerData` that makes the worker bundle run as a checkpointer. */
export interface CheckpointerStart {
  role: 'wal-checkpointer';
  dbPath: string;
  nativeBinding?: string;
}

type ToCheckpointer = { type: 'checkpoint' } | { type: 'finish' };
type FromCheckpointer = { type: 'finished' };

/** Type guard for the checkpointer role's workerData. */
export function isCheckpointerStart(data: unknown): data is CheckpointerStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'wal-checkpointer';
}

/** Runs the checkpointer role until it is told to finish. */
export function runCheckpointer(start: CheckpointerStart, port: MessagePort): void {
  const db = openWorkspaceDb(start.dbPath, { create: false, migrate: false, nativeBinding: start.nativeBinding });
  port.on('message', (msg: ToCheckpointer) => {
    if (msg.type === 'checkpoint') {
      db.pragma('wal_checkpoint(PASSIVE)');
      return;
    }
    // The last one empties the WAL file too, so a large load leaves no large WAL behind; if a
    // reader is in the way it simply does less, and the next commit's checkpoint catches up.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    port.postMessage({ type: 'finished' } satisfies FromCheckpointer);
    port.close();
  });
}

/** The loader's handle on its checkpointer thread. */
export interface WalCheckpointer {
  /** Asks for a checkpoint of everything committed so far; returns at once. */
  checkpoint(): void;
  /** Checkpoints what is left, closes the thread's connection and waits for it. */
  finish(): Promise<void>;
}

/** Starts a checkpointer thread from the worker bundle at `workerPath`. */
export function startCheckpointer(workerPath: string, dbPath: string, nativeBinding?: string): WalCheckpointer {
  const worker = new Worker(workerPath, { workerData: { role: 'wal-checkpointer', dbPath, nativeBinding } satisfies CheckpointerStart });
  let failed = false;
  const ended = new Promise<void>((resolve) => {
    // A checkpoint that fails costs only speed (the next commit's checkpoint, or the close of
    // the last connection, copies the same pages), so a failing thread never fails the load.
    worker.on('error', () => {
      failed = true;
      resolve();
    });
    worker.on('exit', () => resolve());
    worker.on('message', (msg: FromCheckpointer) => {
      if (msg.type === 'finished') resolve();
    });
  });
  return {
    checkpoint() {
      if (!failed) worker.postMessage({ type: 'checkpoint' } satisfies ToCheckpointer);
    },
    async finish() {
      if (!failed) worker.postMessage({ type: 'finish' } satisfies ToCheckpointer);
      await ended;
      await worker.terminate();
    },
  };
}
