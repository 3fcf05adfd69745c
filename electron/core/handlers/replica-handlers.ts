/**
 * Channels about the replica: loading exports, counting, paging and opening records.
 */
import type { Handlers, Res } from '../../../shared/ipc/contract';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';
import { refuseUsersAsReplica } from './users-handlers';

type ReplicaHandlers = Pick<Handlers, 'replica.load' | 'replica.stats' | 'replica.page' | 'replica.record' | 'job.cancel'>;

let jobSeq = 0;

/** Builds the replica handlers. */
export function replicaHandlers(ctx: HandlerContext): ReplicaHandlers {
  return {
    'replica.load': async ({ module, source, jobId }) => {
      refuseUsersAsReplica(module);
      const s = ctx.session();
      const { fields } = s.metadata.get(module);
      const file = resolveSource(source, ctx.uploads);
      const id = jobId ?? `job_${process.pid}_${(jobSeq += 1)}_${Date.now()}`;
      try {
        const result = (await ctx.jobs.run(
          id,
          {
            kind: 'replica.load',
            payload: {
              dbPath: s.path,
              workerPath: ctx.options.workerPath,
              nativeBinding: ctx.options.nativeBinding,
              module,
              filePath: file.path,
              sourceName: file.name,
              fields,
              now: ctx.now().toISOString(),
            },
          },
          (p) => ctx.events.emit('job.progress', { jobId: id, kind: 'replica.load', ...p }),
        )) as Res<'replica.load'>;
        s.batches.replicaChanged();
        ctx.events.emit('replica.changed', { module });
        return result;
      } finally {
        if (file.uploadId) {
          ctx.uploads.remove(file.uploadId);
        }
      }
    },
    'replica.stats': async () => ({ modules: ctx.session().replicaRepo.counts() }),
    'replica.page': async (req) => ctx.session().replicaView.page(req),
    'replica.record': async (req) => ctx.session().replicaView.record(req),
    'job.cancel': async ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
