/**
 * One open workspace: its connection and the repositories and services built on it.
 */
import type { BatchJobs } from '../batch/batch-jobs';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { openWorkspaceDb, type Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { BatchRepo } from '../db/repos/batch-repo';
import { MetadataRepo } from '../db/repos/metadata-repo';
import { ReplicaRepo } from '../db/repos/replica-repo';
import { ReplicaStageRepo } from '../db/repos/replica-stage-repo';
import { MetadataService } from '../metadata/metadata-service';
import { ReplicaView } from '../replica/replica-view';
import { BatchService } from '../batch/batch-service';
import { ExportService, type ExportJobs } from '../export/export-service';
import { processRunning } from './process-running';
import { ReviewService, type DedupeJobRunner } from '../review/review-service';

/** Everything bound to the currently open workspace file. */
export class WorkspaceSession {
  readonly db: Db;
  readonly metadataRepo: MetadataRepo;
  readonly replicaRepo: ReplicaRepo;
  readonly metadata: MetadataService;
  readonly replicaView: ReplicaView;
  readonly batches: BatchService;
  readonly review: ReviewService;
  readonly exports: ExportService;

  constructor(
    readonly path: string,
    readonly isDefault: boolean,
    opts: {
      create: boolean;
      resourcesDir: string;
      nativeBinding?: string;
      now: () => Date;
      /** Whole-batch work in a worker; the core's job runner provides it. */
      batchJobs: BatchJobs;
      /** The dedupe pass in a worker; the core's job runner provides it. */
      dedupeJob: DedupeJobRunner;
      /** Export and result loading in workers; the core's job runner provides them. */
      exportJobs: ExportJobs;
    },
  ) {
    this.db = openWorkspaceDb(path, { create: opts.create, nativeBinding: opts.nativeBinding });
    // Imports cut short by a crash leave a staged batch that no reader sees; free its space.
    new BatchRepo(this.db).discardAbandoned(processRunning);
    this.metadataRepo = new MetadataRepo(this.db);
    this.replicaRepo = new ReplicaRepo(this.db);
    // Likewise the stage of a replica load whose process died before its swap.
    new ReplicaStageRepo(this.db, this.replicaRepo).discardAbandoned(processRunning);
    this.metadata = new MetadataService(this.metadataRepo, opts.resourcesDir);
    const fieldsOf = (m: string): FieldMeta[] => this.metadata.find(m)?.fields ?? [];
    this.replicaView = new ReplicaView(this.replicaRepo, fieldsOf);
    this.batches = new BatchService(this.db, fieldsOf, opts.now, opts.batchJobs);
    this.review = new ReviewService(this.db, this.batches, (m) => this.metadata.find(m)?.fields ?? null, opts.now, opts.dedupeJob);
    this.exports = new ExportService(this.db, fieldsOf, opts.now, opts.exportJobs);
  }

  info(): { path: string; schemaVersion: number; isDefault: boolean } {
    return { path: this.path, schemaVersion: schemaVersion(this.db), isDefault: this.isDefault };
  }

  close(): void {
    this.db.close();
  }
}
