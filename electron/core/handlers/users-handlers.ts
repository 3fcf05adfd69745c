/**
 * Channels about the org's users: loading a users file into the read-only module `Users`.
 */
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import type { Handlers, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';

type UsersHandlers = Pick<Handlers, 'users.load'>;

let jobSeq = 0;

/** Builds the users handlers. */
export function usersHandlers(ctx: HandlerContext): UsersHandlers {
  return {
    'users.load': async ({ source, jobId }) => {
      const s = ctx.session();
      const file = resolveSource(source, ctx.uploads);
      const id = jobId ?? `users_${process.pid}_${(jobSeq += 1)}_${Date.now()}`;
      try {
        const result = (await ctx.jobs.run(
          id,
          {
            kind: 'users.load',
            payload: { dbPath: s.path, nativeBinding: ctx.options.nativeBinding, filePath: file.path, sourceName: file.name, now: ctx.now().toISOString() },
          },
          (p) => ctx.events.emit('job.progress', { jobId: id, kind: 'users.load', ...p }),
        )) as Res<'users.load'>;
        // Owner columns resolve against the users now; cached directories are stale.
        s.batches.replicaChanged();
        ctx.events.emit('replica.changed', { module: USERS_MODULE });
        return result;
      } finally {
        if (file.uploadId) ctx.uploads.remove(file.uploadId);
      }
    },
  };
}

/** Users are not an import target: Bulk Write does not write them. */
export function refuseUsersImport(module: string): void {
  if (module === USERS_MODULE) {
    throw new AppError(
      'NOT_SUPPORTED',
      'Users cannot be imported: Zoho’s Bulk Write API does not write users. Add users in Zoho (Setup → Users); load them here with Load users… so owner columns resolve to them.',
    );
  }
}

/** Users come from a users file, not from a records export. */
export function refuseUsersAsReplica(module: string): void {
  if (module === USERS_MODULE) {
    throw new AppError(
      'NOT_SUPPORTED',
      'Users are loaded from a saved Users API response or a users CSV: use Load users… in Users (or `preflight users load FILE`), not a records export.',
    );
  }
}
