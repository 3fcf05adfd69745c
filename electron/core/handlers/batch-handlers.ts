/**
 * Channels that work on an import batch: summary, rows, mapping, edits, exclusions,
 * find-and-replace, undo/redo and the error report.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './handler-context';

type BatchHandlers = Pick<
  Handlers,
  | 'batch.list'
  | 'batch.summary'
  | 'batch.rows'
  | 'batch.setMapping'
  | 'batch.editCell'
  | 'batch.replace'
  | 'batch.exclude'
  | 'batch.excludeInvalid'
  | 'batch.undo'
  | 'batch.redo'
  | 'batch.exportErrors'
  | 'batch.validate'
>;

/** Builds the batch handlers. */
export function batchHandlers(ctx: HandlerContext): BatchHandlers {
  const svc = () => ctx.session().batches;
  return {
    'batch.list': async () => ({
      batches: svc()
        .batches.list()
        .map((b) => ({ batch: b.id, module: b.module, sourceName: b.sourceName, rows: b.rowCount, createdAt: b.createdAt })),
    }),
    'batch.summary': async ({ batch }) => svc().summary(batch),
    'batch.rows': async ({ batch, offset, limit, filter }) => svc().rows(batch, offset, limit, filter),
    'batch.setMapping': async ({ batch, mapping, jobId }) => svc().setMapping(batch, mapping, jobId),
    'batch.editCell': async ({ batch, row, field, value }) => svc().editCell(batch, row, field, value),
    'batch.replace': async ({ batch, field, find, replace, matchCase, wholeCell, jobId }) => svc().replace(batch, field, find, replace, matchCase, wholeCell, jobId),
    'batch.exclude': async ({ batch, rows, excluded }) => svc().exclude(batch, rows, excluded),
    'batch.excludeInvalid': async ({ batch }) => svc().excludeInvalid(batch),
    'batch.undo': async ({ batch }) => svc().undo(batch),
    'batch.redo': async ({ batch }) => svc().redo(batch),
    'batch.exportErrors': async ({ batch, path }) => svc().exportErrors(batch, path),
    'batch.validate': async ({ batch, jobId }) => svc().validate(batch, jobId),
  };
}
