/**
 * Turning the finished parts into numbered jobs in upload order, the plan and the manifest
 * (pure: data in, data out).
 */
import type { BatchExportPlan } from './batch-source';
import type { ExportPlan, ExportWorkerJob, PlannedBatch, PlannedJob } from './export-types';
import type { CsvPart, JobStream } from './job-stream';
import { CREDITS_PER_JOB, moduleRank, toRanges, type Manifest } from './manifest';

/** A part of a stream, with its ZIP once written (null in a dry run). */
export interface FinishedPart {
  part: CsvPart;
  stream: JobStream;
  zip: { name: string; bytes: number; sha256: string; entryBytes: number; entrySha256: string } | null;
}

/** Inputs of the assembly. */
export interface AssembleInput {
  job: Pick<ExportWorkerJob, 'exportId' | 'options' | 'now' | 'write'>;
  prepared: readonly BatchExportPlan[];
  parts: readonly FinishedPart[];
  batches: PlannedBatch[];
  /** Per batch, the rows of its plain stream that the review said to create. */
  plainInserts?: ReadonlyMap<number, ReadonlySet<number>>;
}

/** Within a stage and module: inserts first, then upserts, then updates (a merge goes after the module's inserts). */
const OPERATION_RANK = { insert: 0, upsert: 1, update: 2 } as const;

/** Numbers the jobs (stage, then module order, then batch and part) and builds plan and manifest. */
export function assemblePlan(input: AssembleInput): { plan: ExportPlan; manifest: Manifest | null } {
  const { job } = input;
  const sorted = [...input.parts].sort(
    (a, b) =>
      a.stream.stage - b.stream.stage ||
      moduleRank(a.stream.module) - moduleRank(b.stream.module) ||
      a.stream.module.localeCompare(b.stream.module) ||
      OPERATION_RANK[a.stream.op?.operation ?? job.options.operation] - OPERATION_RANK[b.stream.op?.operation ?? job.options.operation] ||
      a.stream.batch - b.stream.batch ||
      (a.part.base < b.part.base ? -1 : a.part.base > b.part.base ? 1 : 0),
  );
  const jobs: PlannedJob[] = sorted.map((f, i) => {
    const rows = f.part.rowNos;
    const inserts = input.plainInserts?.get(f.stream.batch);
    return {
      job: i + 1,
      module: f.stream.module,
      operation: f.stream.op?.operation ?? job.options.operation,
      stage: f.stream.stage,
      batch: f.stream.batch,
      rows: rows.length,
      firstRow: rows.length > 0 ? Math.min(...rows) : 0,
      lastRow: rows.length > 0 ? Math.max(...rows) : 0,
      findBy: f.stream.op ? f.stream.op.findBy : (input.prepared.find((p) => p.record.id === f.stream.batch)?.findBy ?? null),
      afterJobs: [],
      columns: f.stream.columns.map((c) => c.header),
      zip: f.zip?.name ?? null,
      jobFile: f.zip ? f.zip.name.replace(/\.zip$/, '.json') : null,
      bytes: f.zip?.bytes ?? null,
      sha256: f.zip?.sha256 ?? null,
      fromReview: f.stream.op ? rows.length : inserts && inserts.size > 0 ? rows.filter((r) => inserts.has(r)).length : 0,
    };
  });
  for (const j of jobs) {
    if (j.stage === 1) continue;
    const p = input.prepared.find((x) => x.record.id === j.batch);
    const targets = new Set([...(p?.dependent.values() ?? [])].map((t) => t.batch));
    j.afterJobs = jobs.filter((o) => targets.has(o.batch) && o.stage < j.stage).map((o) => o.job);
  }
  const notes: string[] = [];
  for (const b of input.batches) {
    for (const d of b.dependsOn) {
      if (d.rows === 0) continue;
      notes.push(
        d.via === 'find_by'
          ? `Batch ${b.batch}: ${d.rows} row(s) look up ${d.module} created by batch ${d.batch} (stage 1); their ${d.field} column finds them by ${d.findBy}, so upload those jobs after stage 1 completes.`
          : `Batch ${b.batch}: ${d.rows} row(s) look up ${d.module} created by batch ${d.batch} (stage 1), which has no unique field to find them by: load the stage 1 results, then export batch ${b.batch} again to write them with the new ids.`,
      );
    }
  }
  const plan: ExportPlan = {
    operation: job.options.operation,
    findBy: job.options.findBy,
    apiVersion: job.options.apiVersion,
    jobs,
    batches: input.batches,
    apiCredits: jobs.length * CREDITS_PER_JOB,
    notes,
  };
  if (!job.write) return { plan, manifest: null };
  const manifest: Manifest = {
    format: 'preflight-bulk-write-export',
    version: 1,
    export: job.exportId,
    created_at: job.now,
    api_version: job.options.apiVersion,
    operation: job.options.operation,
    jobs: jobs.map((j, i) => {
      const f = sorted[i] as FinishedPart;
      return {
        job: j.job,
        module: j.module,
        operation: j.operation,
        stage: j.stage,
        batch: j.batch,
        zip: j.zip as string,
        job_file: j.jobFile as string,
        csv: `${f.part.base}.csv`,
        rows: j.rows,
        first_row: j.firstRow,
        last_row: j.lastRow,
        row_ranges: toRanges(f.part.rowNos),
        columns: j.columns,
        find_by: j.findBy,
        after_jobs: j.afterJobs,
        zip_bytes: j.bytes as number,
        sha256: j.sha256 as string,
        csv_sha256: f.zip?.entrySha256 ?? '',
      };
    }),
    batches: input.batches.map((b) => ({
      batch: b.batch,
      module: b.module,
      source: b.source,
      rows: b.rows,
      exported: b.exported,
      left_out: Object.fromEntries(b.leftOut.map((l) => [l.reason, l.rows])),
      columns_left_out: b.columnsLeftOut,
    })),
    api_credits: plan.apiCredits,
  };
  return { plan, manifest };
}
