import type { EventBus } from '../events';
import type { JobRunner } from '../jobs/job-runner';
import type { UploadStore } from '../uploads/upload-store';
import type { RecentWorkspaces } from '../workspace/recent-workspaces';
import type { WorkspaceSession } from '../workspace/workspace-session';
import type { CoreOptions } from '../core-options';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { BatchImportJob, BatchImportResult, DelimiterChoice, EncodingChoice } from '../engines/import/import-types';

/** What handlers share: the open workspace (which can change), jobs, uploads and events. */
export interface HandlerContext {
  options: CoreOptions;
  session(): WorkspaceSession;
  switchWorkspace(path: string, create: boolean): WorkspaceSession;
  jobs: JobRunner;
  uploads: UploadStore;
  recent: RecentWorkspaces;
  events: EventBus;
  now(): Date;
  /** Imports a CSV into a new batch in a worker (progress on `jobId`). */
  importBatch(
    jobId: string,
    req: {
      file: { path: string; name: string };
      module: string;
      encoding: EncodingChoice;
      delimiter: DelimiterChoice;
      validate?: BatchImportJob['validate'];
    },
  ): Promise<BatchImportResult>;
  /** Validates a whole batch in a worker (progress on `jobId`). */
  validateBatch(jobId: string, batchId: number, fields: FieldMeta[]): Promise<void>;
}
