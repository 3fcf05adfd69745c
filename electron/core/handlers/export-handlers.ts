/**
 * Channels of the export screen and the results: dry run, export, history, the folder, loading
 * a result file and building the retry batch.
 */
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';

type ExportHandlers = Pick<
  Handlers,
  'export.preview' | 'export.run' | 'export.history' | 'export.suggestFolder' | 'export.openFolder' | 'results.load' | 'results.retry'
>;

/** Builds the export handlers. */
export function exportHandlers(ctx: HandlerContext): ExportHandlers {
  const svc = () => ctx.session().exports;
  return {
    'export.preview': async ({ batches, jobId, ...options }) => svc().preview(batches, options, jobId),
    'export.run': async ({ batches, folder, jobId, ...options }) => {
      const r = await svc().run(batches, options, folder, jobId);
      return { export: r.export, folder: r.folder, manifest: path.join(r.folder, 'manifest.json'), plan: r.plan };
    },
    'export.history': async () => ({ exports: svc().history() }),
    'export.suggestFolder': async ({ batches }) => {
      const s = ctx.session();
      const first = s.batches.record(batches[0] as number);
      const stamp = ctx.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const name = `${first.module}-batch${batches.join('-')}-${stamp}`;
      return { folder: path.join(path.dirname(s.path), 'exports', name) };
    },
    // The Electron main process answers this one itself; other transports have no file manager.
    'export.openFolder': async () => ({ opened: false }),
    'results.load': async ({ source, batch, export: exportId, jobId }) => {
      const file = resolveSource(source, ctx.uploads);
      try {
        const r = await svc().loadResult(file.path, file.name, batch, exportId, jobId);
        if (r.replicaWritten > 0) {
          ctx.session().batches.replicaChanged();
          ctx.events.emit('replica.changed', { module: r.module });
        }
        return r;
      } finally {
        if (file.uploadId) ctx.uploads.remove(file.uploadId);
      }
    },
    'results.retry': async ({ export: exportId, batch, jobId }) => svc().retryBatch(exportId, batch, jobId),
  };
}
