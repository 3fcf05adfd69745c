/**
 * createCore: the workspace, the engines and the handler table behind every transport.
 */
import type { Handlers } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { AppError } from '../../shared/ipc/errors';
import type { CoreOptions } from './core-options';
import { dispatch } from './dispatch';
import { EventBus, type EventListener } from './events';
import type { HandlerContext } from './handlers/handler-context';
import { metadataHandlers } from './handlers/metadata-handlers';
import { replicaHandlers } from './handlers/replica-handlers';
import { uploadHandlers } from './handlers/upload-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { batchHandlers } from './handlers/batch-handlers';
import { importHandlers } from './handlers/import-handlers';
import { templateHandlers } from './handlers/template-handlers';
import { usersHandlers } from './handlers/users-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { exportHandlers } from './handlers/export-handlers';
import type { ExportOutcome } from './engines/export/export-types';
import type { ResultsLoadOutcome } from './engines/export/run-results-load';
import { convertHandlers } from './handlers/convert-handlers';
import { invoiceHandlers } from './handlers/invoice-handlers';
import type { FieldMeta } from '../../shared/domain/field-meta';
import type { BatchImportResult } from './engines/import/run-batch-import';
import type { DedupeRunSummary } from './engines/dedupe/run-dedupe';
import fs from 'node:fs';
import { JobRunner } from './jobs/job-runner';
import { UploadStore } from './uploads/upload-store';
import { RecentWorkspaces } from './workspace/recent-workspaces';
import { WorkspaceSession } from './workspace/workspace-session';

export interface Core {
  handlers: Handlers;
  /** Validates and runs one request; never throws. */
  dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** Path of the open workspace. */
  workspacePath(): string;
  /** Upload store, for transports that stream a file's bytes in (the local host). */
  uploads: UploadStore;
  close(): Promise<void>;
}

/** Opens the workspace named in `options` and returns the core serving it. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? ((): Date => new Date());
  const events = new EventBus();
  const recent = new RecentWorkspaces(options.appDataDir);
  const jobs = new JobRunner(options.workerPath);
  let jobSeq = 0;
  const validateBatch = async (jobId: string, batchId: number, fields: FieldMeta[]): Promise<void> => {
    await jobs.run(
      jobId,
      { kind: 'batch.validate', payload: { dbPath: session.path, nativeBinding: options.nativeBinding, batchId, fields } },
      (p) => events.emit('job.progress', { jobId, kind: 'batch.validate', ...p }),
    );
  };
  const open = (path: string, isDefault: boolean, create: boolean): WorkspaceSession =>
    new WorkspaceSession(path, isDefault, {
      create,
      resourcesDir: options.resourcesDir,
      nativeBinding: options.nativeBinding,
      now,
      batchJobs: {
        validate: (batchId, fields, jobId) => validateBatch(jobId ?? `validate_${process.pid}_${(jobSeq += 1)}`, batchId, fields),
        async replace(req, jobId) {
          const id = jobId ?? `replace_${process.pid}_${(jobSeq += 1)}`;
          const result = await jobs.run(id, { kind: 'batch.replace', payload: { dbPath: session.path, nativeBinding: options.nativeBinding, ...req } }, (p) =>
            events.emit('job.progress', { jobId: id, kind: 'batch.replace', ...p }),
          );
          return result as { changed: number };
        },
        async errorReport(batchId, file, jobId) {
          const id = jobId ?? `report_${process.pid}_${(jobSeq += 1)}`;
          const result = await jobs.run(id, { kind: 'batch.errorReport', payload: { dbPath: session.path, nativeBinding: options.nativeBinding, batchId, file } }, (p) =>
            events.emit('job.progress', { jobId: id, kind: 'batch.errorReport', ...p }),
          );
          return result as { path: string; rows: number };
        },
      },
      async dedupeJob(job, jobId) {
        const id = jobId ?? `dedupe_${process.pid}_${(jobSeq += 1)}`;
        const result = await jobs.run(id, { kind: 'dedupe.run', payload: { dbPath: session.path, nativeBinding: options.nativeBinding, ...job } }, (p) =>
          events.emit('job.progress', { jobId: id, kind: 'dedupe.run', ...p }),
        );
        return result as DedupeRunSummary;
      },
      exportJobs: {
        async run(req, jobId) {
          const id = jobId ?? `export_${process.pid}_${(jobSeq += 1)}`;
          const payload = { dbPath: session.path, nativeBinding: options.nativeBinding, workerPath: options.workerPath, ...req };
          const result = await jobs.run(id, { kind: 'export.run', payload }, (p) => events.emit('job.progress', { jobId: id, kind: 'export.run', ...p }));
          return result as ExportOutcome;
        },
        async loadResult(req, jobId) {
          const id = jobId ?? `results_${process.pid}_${(jobSeq += 1)}`;
          const payload = { dbPath: session.path, nativeBinding: options.nativeBinding, ...req };
          const result = await jobs.run(id, { kind: 'results.load', payload }, (p) => events.emit('job.progress', { jobId: id, kind: 'results.load', ...p }));
          return result as ResultsLoadOutcome;
        },
        validate: (batchId, fields, jobId) => validateBatch(jobId ?? `validate_${process.pid}_${(jobSeq += 1)}`, batchId, fields),
      },
    });

  let session = open(options.workspacePath, options.workspaceIsDefault, true);
  recent.touch(session.path, now().toISOString());
  const uploads = new UploadStore(options.appDataDir);

  const ctx: HandlerContext = {
    options,
    session: () => session,
    switchWorkspace(path, create) {
      if (jobs.busy) {
        throw new AppError('JOB_BUSY', 'A load is running in this workspace; wait for it or cancel it before switching.');
      }
      // Open the new one first: if it fails, the current workspace stays open and untouched.
      const next = open(path, false, create);
      session.close();
      session = next;
      recent.touch(session.path, now().toISOString());
      events.emit('workspace.changed', { path: session.path });
      return session;
    },
    jobs,
    uploads,
    recent,
    events,
    now,
    async importBatch(jobId, req) {
      const result = await jobs.run(
        jobId,
        {
          kind: 'batch.import',
          payload: {
            dbPath: session.path,
            nativeBinding: options.nativeBinding,
            workerPath: options.workerPath,
            filePath: req.file.path,
            sourceName: req.file.name,
            sourceSize: fs.statSync(req.file.path).size,
            module: req.module,
            encoding: req.encoding,
            delimiter: req.delimiter,
            now: now().toISOString(),
            validate: req.validate,
          },
        },
        (p) => events.emit('job.progress', { jobId, kind: 'batch.import', ...p }),
      );
      return result as BatchImportResult;
    },
    validateBatch,
  };

  const handlers: Handlers = {
    ...workspaceHandlers(ctx),
    ...metadataHandlers(ctx),
    ...replicaHandlers(ctx),
    ...uploadHandlers(ctx),
    ...importHandlers(ctx),
    ...batchHandlers(ctx),
    ...templateHandlers(ctx),
    ...usersHandlers(ctx),
    ...reviewHandlers(ctx),
    ...exportHandlers(ctx),
    ...convertHandlers(ctx),
    ...invoiceHandlers(ctx),
    ...options.platformHandlers,
  };

  return {
    handlers,
    dispatch: (channel, payload) => dispatch(handlers, channel, payload),
    onEvent: (listener) => events.on(listener),
    workspacePath: () => session.path,
    uploads,
    async close() {
      await jobs.close();
      uploads.removeAll();
      session.close();
    },
  };
}
