/**
 * One open workspace: its connection and the repositories and services built on it.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { openWorkspaceDb, type Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { MetadataRepo } from '../db/repos/metadata-repo';
import { ReplicaRepo } from '../db/repos/replica-repo';
import { MetadataService } from '../metadata/metadata-service';
import { ReplicaView } from '../replica/replica-view';

/** Everything bound to the currently open workspace file. */
export class WorkspaceSession {
  readonly db: Db;
  readonly metadataRepo: MetadataRepo;
  readonly replicaRepo: ReplicaRepo;
  readonly metadata: MetadataService;
  readonly replicaView: ReplicaView;

  constructor(
    readonly path: string,
    readonly isDefault: boolean,
    opts: { create: boolean; resourcesDir: string; nativeBinding?: string },
  ) {
    this.db = openWorkspaceDb(path, { create: opts.create, nativeBinding: opts.nativeBinding });
    this.metadataRepo = new MetadataRepo(this.db);
    this.replicaRepo = new ReplicaRepo(this.db);
    this.metadata = new MetadataService(this.metadataRepo, opts.resourcesDir);
    this.replicaView = new ReplicaView(this.replicaRepo, (m: string): FieldMeta[] => this.metadata.find(m)?.fields ?? []);
  }

  info(): { path: string; schemaVersion: number; isDefault: boolean } {
    return { path: this.path, schemaVersion: schemaVersion(this.db), isDefault: this.isDefault };
  }

  close(): void {
    this.db.close();
  }
}
