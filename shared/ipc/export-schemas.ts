/**
 * Zod schemas of the export and result channels.
 */
import { z } from 'zod';

const BatchId = z.number().int().min(1);

/** What the user chooses for an export. */
export const ExportOptionsSchema = z
  .object({
    batches: z.array(BatchId).min(1).max(50),
    operation: z.enum(['insert', 'update', 'upsert']),
    findBy: z.string().min(1).max(200).nullable(),
    apiVersion: z.enum(['v2', 'v8']),
    callbackUrl: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/\S+$/, 'a callback URL starts with https:// or http://')
      .nullable(),
    /** Bulk Write ignore_empty; null follows each batch's mapping. */
    ignoreEmpty: z.boolean().nullable(),
  })
  .strict();

const LeftOutReason = z.enum([
  'excluded',
  'has errors',
  'waits for stage 1',
  'skipped in review',
  'merged into another row',
  'merge changes nothing',
  'merge target not in the replica',
]);

export const PlannedJobSchema = z.object({
  job: z.number().int(),
  module: z.string(),
  operation: z.enum(['insert', 'update', 'upsert']),
  stage: z.number().int(),
  batch: z.number().int(),
  rows: z.number().int(),
  firstRow: z.number().int(),
  lastRow: z.number().int(),
  findBy: z.string().nullable(),
  afterJobs: z.array(z.number().int()),
  columns: z.array(z.string()),
  zip: z.string().nullable(),
  jobFile: z.string().nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Rows in the job because of a review decision. */
  fromReview: z.number().int(),
});

export const ExportPlanSchema = z.object({
  operation: z.enum(['insert', 'update', 'upsert']),
  findBy: z.string().nullable(),
  apiVersion: z.enum(['v2', 'v8']),
  jobs: z.array(PlannedJobSchema),
  batches: z.array(
    z.object({
      batch: z.number().int(),
      module: z.string(),
      source: z.string(),
      rows: z.number().int(),
      exported: z.number().int(),
      leftOut: z.array(z.object({ reason: LeftOutReason, rows: z.number().int() })),
      columnsLeftOut: z.array(z.object({ field: z.string(), reason: z.string() })),
      dependsOn: z.array(
        z.object({
          field: z.string(),
          module: z.string(),
          batch: z.number().int(),
          via: z.enum(['find_by', 'result']),
          findBy: z.string().nullable(),
          rows: z.number().int(),
        }),
      ),
      review: z.object({
        inserted: z.number().int(),
        updated: z.number().int(),
        skipped: z.number().int(),
        mergedRows: z.number().int(),
        unchanged: z.number().int(),
        mergedInto: z.array(z.object({ row: z.number().int(), survivor: z.number().int() })),
      }),
    }),
  ),
  apiCredits: z.number().int(),
  notes: z.array(z.string()),
});

const JobResult = z.object({
  loadedAt: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  unprocessed: z.number().int(),
});

export const ExportHistoryItemSchema = z.object({
  export: z.number().int(),
  createdAt: z.string(),
  folder: z.string(),
  operation: z.string(),
  apiVersion: z.string(),
  batches: z.array(z.number().int()),
  rows: z.number().int(),
  jobs: z.array(
    z.object({
      job: z.number().int(),
      module: z.string(),
      operation: z.string(),
      batch: z.number().int(),
      stage: z.number().int(),
      zip: z.string(),
      rows: z.number().int(),
      result: JobResult.nullable(),
    }),
  ),
});

export const ResultErrorSchema = z.object({ code: z.string(), columns: z.array(z.string()) });

export const ResultsLoadSchema = z.object({
  export: z.number().int(),
  job: z.number().int(),
  batch: z.number().int(),
  module: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  unprocessed: z.number().int(),
  alreadyLoaded: z.boolean(),
  replicaWritten: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), status: z.string(), codes: z.array(ResultErrorSchema) })),
});

/** A batch row's latest Bulk Write result, as the batch grid shows it. */
export const ZohoRowResultSchema = z.object({
  status: z.string(),
  recordId: z.string().nullable(),
  errors: z.array(ResultErrorSchema),
});
