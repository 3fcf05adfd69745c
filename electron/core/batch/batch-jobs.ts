/**
 * The long batch operations that run in a worker; the core's job runner provides them.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { ReplaceRule } from '../engines/batch/replace-in-value';

export interface BatchJobs {
  /** Re-validates every row of a batch. */
  validate(batchId: number, fields: FieldMeta[], jobId?: string): Promise<void>;
  /** Finds and replaces in one field across a batch; resolves with the cells changed. */
  replace(req: ReplaceRule & { batchId: number; fields: FieldMeta[]; field: string; now: string }, jobId?: string): Promise<{ changed: number }>;
  /** Writes the error report of a batch to `file` (absolute). */
  errorReport(batchId: number, file: string, jobId?: string): Promise<{ path: string; rows: number }>;
}
