import type { EventBus } from '../events';
import type { JobRunner } from '../jobs/job-runner';
import type { UploadStore } from '../uploads/upload-store';
import type { RecentWorkspaces } from '../workspace/recent-workspaces';
import type { WorkspaceSession } from '../workspace/workspace-session';
import type { CoreOptions } from '../core-options';

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
}
