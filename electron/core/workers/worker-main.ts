/**
 * Entry point of every worker thread: runs one job and reports back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../../shared/ipc/errors';
import { runReplicaLoad } from '../engines/replica-load/run-replica-load';
import { runBatchImport } from '../engines/import/run-batch-import';
import { runBatchValidation } from '../engines/batch/run-batch-validation';
import { runBatchReplace } from '../engines/batch/run-batch-replace';
import { runErrorReport } from '../engines/batch/run-error-report';
import { runUsersLoad } from '../engines/users/run-users-load';
import { runDedupe } from '../engines/dedupe/run-dedupe';
import { runLeadPlans } from '../convert/run-lead-plans';
import { runLeadSimulation, runUndoSimulation } from '../convert/run-lead-simulation';
import { runCustomerPreview } from '../invoice/run-customers';
import { runCsvParserThread } from '../engines/csv/csv-parser-thread';
import { isCsvParserStart } from '../engines/csv/csv-thread-protocol';
import { runExport } from '../engines/export/run-export';
import { runResultsLoad } from '../engines/export/run-results-load';
import { isPartThreadStart, runPartThread } from '../engines/export/part-thread';
import { isCheckpointerStart, runCheckpointer } from '../engines/replica-load/wal-checkpointer';
import { isBinderStart, runBinder } from '../engines/replica-load/replica-binder';
import type { JobContext } from '../engines/replica-load/load-types';
import type { FromWorker, ToWorker, WorkerJob } from './worker-protocol';

const port = parentPort;
if (!port) {
  throw new Error('worker-main must run inside a worker thread');
}

let cancelled = false;
let cancelFlag: Int32Array | null = null;

function send(msg: FromWorker): void {
  port?.postMessage(msg);
}

async function run(job: WorkerJob): Promise<unknown> {
  const ctx: JobContext = {
    progress: (p) => send({ type: 'progress', ...p }),
    cancelled: () => cancelled || (cancelFlag !== null && Atomics.load(cancelFlag, 0) === 1),
  };
  switch (job.kind) {
    case 'replica.load':
      return runReplicaLoad(job.payload, ctx);
    case 'batch.import':
      return runBatchImport(job.payload, ctx);
    case 'batch.validate':
      return runBatchValidation(job.payload, ctx);
    case 'batch.replace':
      return runBatchReplace(job.payload, ctx);
    case 'batch.errorReport':
      return runErrorReport(job.payload, ctx);
    case 'users.load':
      return runUsersLoad(job.payload, ctx);
    case 'dedupe.run':
      return runDedupe(job.payload, ctx);
    case 'export.run':
      return runExport(job.payload, ctx);
    case 'results.load':
      return runResultsLoad(job.payload, ctx);
    case 'convert.plan':
      return runLeadPlans(job.payload, ctx);
    case 'convert.simulate':
      return runLeadSimulation(job.payload, ctx);
    case 'convert.undo':
      return runUndoSimulation(job.payload, ctx);
    case 'invoice.customers':
      return runCustomerPreview(job.payload, ctx);
    default:
      throw new Error('unknown job');
  }
}

// One bundle, several roles: a job runner, and the threads a job starts beside it (CSV parser, export part thread, checkpointer, binder).
if (isCsvParserStart(workerData)) {
  void runCsvParserThread(workerData, port);
} else if (isPartThreadStart(workerData)) {
  runPartThread(port);
} else if (isCheckpointerStart(workerData)) {
  runCheckpointer(workerData, port);
} else if (isBinderStart(workerData)) {
  // The binder starts its own parser.
  void runBinder(workerData, port);
} else {
  port.on('message', onJobMessage);
}

function onJobMessage(msg: ToWorker): void {
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelFlag = new Int32Array(msg.cancel);
  run(msg.job).then(
    (result) => send({ type: 'done', result }),
    (err: unknown) => {
      const info = toErrorInfo(err);
      // Unexpected failures (a SQLite error has a code too, but not one of ours) are logged
      // here, where the stack is still meaningful.
      if (info.code === 'INTERNAL') console.error('[worker]', err);
      send({ type: 'error', error: info });
    },
  );
}
