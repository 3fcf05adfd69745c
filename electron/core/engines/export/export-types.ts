/**
 * The shapes an export passes between its parts: options, the dry-run plan and the outcome.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { ApiVersion, Operation } from './job-json';
import type { Manifest } from './manifest';

/** What the user chose for the whole export. */
export interface ExportOptions {
  operation: Operation;
  findBy: string | null;
  apiVersion: ApiVersion;
  callbackUrl: string | null;
  /** Bulk Write `ignore_empty`; null takes each batch's own mapping setting. */
  ignoreEmpty: boolean | null;
}

/** Everything the export worker needs. */
export interface ExportWorkerJob {
  dbPath: string;
  nativeBinding?: string;
  /** The worker bundle, started again as compressor threads. */
  workerPath: string;
  /** False for the dry run: every row is judged, nothing is written. */
  write: boolean;
  exportId: number;
  /** Absolute folder the export goes to (written only when `write`). */
  folder: string | null;
  batches: { id: number; fields: FieldMeta[] }[];
  /** Metadata of the modules the batches' merge decisions update (a Lead merged into a Contact). */
  targets?: Record<string, FieldMeta[]>;
  options: ExportOptions;
  now: string;
}

/** Why rows are not in any job (stable words; the UI and the CLI show them). */
export type LeftOutReason =
  | 'excluded'
  | 'has errors'
  | 'waits for stage 1'
  | 'skipped in review'
  | 'merged into another row'
  | 'merge changes nothing'
  | 'merge target not in the replica';

/** One job of the plan (after writing: with its files and checksum). */
export interface PlannedJob {
  job: number;
  module: string;
  operation: Operation;
  stage: number;
  batch: number;
  rows: number;
  firstRow: number;
  lastRow: number;
  findBy: string | null;
  afterJobs: number[];
  columns: string[];
  zip: string | null;
  jobFile: string | null;
  bytes: number | null;
  sha256: string | null;
  /** Rows in this job because of a review decision (a create, or a merge's update). */
  fromReview: number;
}

/** What the review's decisions did to a batch's rows in this export. */
export interface PlannedReview {
  /** Rows the review said to create, in an insert job. */
  inserted: number;
  /** Rows merged into an existing record, in an update job. */
  updated: number;
  skipped: number;
  mergedRows: number;
  /** Merges whose update would change nothing in the record. */
  unchanged: number;
  /** The first rows merged into another row of the batch, with their survivor. */
  mergedInto: { row: number; survivor: number }[];
}

/** How a batch's lookup reaches records another batch of the export creates. */
export interface PlannedDependency {
  field: string;
  module: string;
  batch: number;
  /** `find_by`: written now as the target's unique field; `result`: waits for stage 1's ids. */
  via: 'find_by' | 'result';
  findBy: string | null;
  rows: number;
}

/** One batch of the plan. */
export interface PlannedBatch {
  batch: number;
  module: string;
  source: string;
  rows: number;
  exported: number;
  leftOut: { reason: LeftOutReason; rows: number }[];
  columnsLeftOut: { field: string; reason: string }[];
  dependsOn: PlannedDependency[];
  review: PlannedReview;
}

/** The dry-run summary (and, after writing, what was written). */
export interface ExportPlan {
  operation: Operation;
  findBy: string | null;
  apiVersion: ApiVersion;
  jobs: PlannedJob[];
  batches: PlannedBatch[];
  apiCredits: number;
  notes: string[];
}

/** What the worker hands back. */
export interface ExportOutcome {
  plan: ExportPlan;
  manifest: Manifest | null;
}
