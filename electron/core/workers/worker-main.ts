/**
 * Entry point of every worker thread: runs one job and reports back.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../../shared/ipc/errors';
import { runReplicaLoad } from '../engines/replica-load/run-replica-load';
import type { JobContext } from '../engines/replica-load/load-types';
import type { FromWorker, ToWorker, WorkerJob } from './worker-protocol';

const port = parentPort;
if (!port) {
  throw new Error('worker-main must run inside a worker thread');
}

let cancelled = false;

function send(msg: FromWorker): void {
  port?.postMessage(msg);
}

async function run(job: WorkerJob): Promise<unknown> {
  const ctx: JobContext = {
    progress: (p) => send({ type: 'progress', ...p }),
    cancelled: () => cancelled,
  };
  switch (job.kind) {
    case 'replica.load':
      return runReplicaLoad(job.payload, ctx);
    default:
      throw new Error('unknown job');
  }
}

port.on('message', onJobMessage);

function onJobMessage(msg: ToWorker): void {
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  run(msg.job).then(
    (result) => send({ type: 'done', result }),
    (err: unknown) => {
      if (!(err instanceof Error && 'code' in err)) {
        // Unexpected failures are logged here, where the stack is still meaningful.
        console.error('[worker]', err);
      }
      send({ type: 'error', error: toErrorInfo(err) });
    },
  );
}
