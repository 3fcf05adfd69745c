/**
 * Messages between the core (main thread) and its worker threads.
 */
import type { ErrorInfo } from '../../../shared/ipc/errors';
import type { BatchImportJob } from '../engines/import/import-types';
import type { JobProgress, ReplicaLoadJob } from '../engines/replica-load/load-types';
import type { BatchValidateJob } from '../engines/batch/run-batch-validation';
import type { BatchReplaceJob } from '../engines/batch/run-batch-replace';
import type { ErrorReportJob } from '../engines/batch/run-error-report';
import type { UsersLoadJob } from '../engines/users/run-users-load';
import type { DedupeRunJob } from '../engines/dedupe/run-dedupe';
import type { ExportWorkerJob } from '../engines/export/export-types';
import type { ResultsLoadJob } from '../engines/export/run-results-load';
import type { LeadPlanJob } from '../convert/run-lead-plans';
import type { LeadSimulationJob, UndoJob } from '../convert/run-lead-simulation';
import type { CustomersJob } from '../invoice/run-customers';

export type WorkerJob =
  | { kind: 'replica.load'; payload: ReplicaLoadJob }
  | { kind: 'batch.import'; payload: BatchImportJob }
  | { kind: 'batch.validate'; payload: BatchValidateJob }
  | { kind: 'batch.replace'; payload: BatchReplaceJob }
  | { kind: 'batch.errorReport'; payload: ErrorReportJob }
  | { kind: 'users.load'; payload: UsersLoadJob }
  | { kind: 'dedupe.run'; payload: DedupeRunJob }
  | { kind: 'export.run'; payload: ExportWorkerJob }
  | { kind: 'results.load'; payload: ResultsLoadJob }
  | { kind: 'convert.plan'; payload: LeadPlanJob }
  | { kind: 'convert.simulate'; payload: LeadSimulationJob }
  | { kind: 'convert.undo'; payload: UndoJob }
  | { kind: 'invoice.customers'; payload: CustomersJob };

/**
 * `cancel` is a shared flag rather than only a message: a job busy draining its parser's
 * messages may not return to its event loop until the end, but it reads the flag per batch.
 */
export type ToWorker = { type: 'run'; job: WorkerJob; cancel: SharedArrayBuffer } | { type: 'cancel' };

export type FromWorker =
  | ({ type: 'progress' } & JobProgress)
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ErrorInfo };
