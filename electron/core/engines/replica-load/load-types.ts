import type { FieldMeta } from '../../../../shared/domain/field-meta';

/** Everything a worker needs to load one export into the replica. */
export interface ReplicaLoadJob {
  dbPath: string;
  /** The bundled worker script; the loader starts a second copy of it to parse CSV. */
  workerPath: string;
  nativeBinding?: string;
  module: string;
  filePath: string;
  /** The name the user knows the file by (an upload keeps its original name). */
  sourceName: string;
  fields: FieldMeta[];
  now: string;
  /** Text per group of a staged CSV load (about 16 MB); tests set it small to get many groups. */
  chunkChars?: number;
}

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  rows: number;
}

/** How a running job talks back: progress, and whether the user asked to stop. */
export interface JobContext {
  progress(p: JobProgress): void;
  cancelled(): boolean;
}

/** What the load's parts share: the tally of records, rejections, progress and cancel. */
export interface LoadHelpers {
  tally: { loaded: number; rejected: number; reasons: { row: number; reason: string }[] };
  reject(row: number, reason: string): void;
  report(done: number, total: number, rows: number, force?: boolean): void;
  checkCancel(): void;
}
