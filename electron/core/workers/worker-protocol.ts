/**
 * Messages between the core (main thread) and its worker threads.
 */
import type { ErrorInfo } from '../../../shared/ipc/errors';
import type { JobProgress, ReplicaLoadJob } from '../engines/replica-load/load-types';

export type WorkerJob = { kind: 'replica.load'; payload: ReplicaLoadJob };

export type ToWorker = { type: 'run'; job: WorkerJob } | { type: 'cancel' };

export type FromWorker =
  | ({ type: 'progress' } & JobProgress)
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ErrorInfo };
