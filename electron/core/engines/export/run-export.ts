/**
 * The export (worker side): every row of the chosen batches judged and written into the CSV
 * parts of its jobs, the parts compressed in two threads, then job JSONs, manifest and README,
 * all in a staging folder renamed into place at the end. The dry run does the same judging and
 * writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb, type Db } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { ExportRepo } from '../../db/repos/export-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import { ReviewRepo } from '../../db/repos/review-repo';
import { rowContext } from '../batch/compute-row';
import { replicaLookup } from '../batch/replica-lookup';
import { loadUserDirectory } from '../users/user-directory';
import type { JobContext } from '../replica-load/load-types';
import type { BatchMapping } from '../../../../shared/domain/batch';
import { LOOKUP_TYPES, type FieldMeta } from '../../../../shared/domain/field-meta';
import { checkFindBy, columnsFor, dependentFields, targetFindBy, type BatchExportPlan, type CreatedIndex } from './batch-source';
import { exportBatchRows } from './export-rows';
import { exportMerges } from './merge-updates';
import type { UploadColumn } from './column-plan';
import { userFieldsToDrop } from './owner-columns';
import { checkExportFolder, commitStaging, dropStaging, makeStaging } from './export-folder';
import type { ExportOutcome, ExportWorkerJob, PlannedBatch } from './export-types';
import { JobStream, type StreamOp } from './job-stream';
import { assemblePlan } from './assemble-plan';
import { PartJobs } from './part-jobs';
import { PartPool } from './part-pool';
import { jobJsonText } from './job-json';
import { manifestSummaryCsv, manifestText, moduleRank, readmeText } from './manifest';

/** Zoho refuses a ZIP over 25 MB; the stricter reading (10^6 bytes) is the limit we keep. */
export const MAX_ZIP_BYTES = 25_000_000;

/** Runs the export or its dry run. */
export async function runExport(job: ExportWorkerJob, ctx: JobContext, maxZipBytes = MAX_ZIP_BYTES): Promise<ExportOutcome> {
  // The part threads start first: they boot while this thread plans the export.
  const pool: PartPool | null = job.write ? new PartPool(job.workerPath, 2) : null;
  let db: Db;
  try {
    db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  } catch (err) {
    await pool?.close();
    throw err;
  }
  let staging: string | null = null;
  const streams: JobStream[] = [];
  try {
    const batches = new BatchRepo(db);
    const exportsRepo = new ExportRepo(db);
    const replica = new ReplicaRepo(db);
    const review = new ReviewRepo(db);
    const resolver = replicaLookup(replica);
    // Owner names become user ids as the batch computes them, as validation does.
    const directory = loadUserDirectory(replica);
    const users = directory.size > 0 ? directory : null;

    // Everything that can refuse the export is settled before a file is created.
    const plans = job.batches
      .map((b) => {
        const record = batches.get(b.id);
        if (!record) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${b.id} in this workspace.`);
        return { record, fields: b.fields };
      })
      .sort((a, b) => moduleRank(a.record.module) - moduleRank(b.record.module) || a.record.module.localeCompare(b.record.module) || a.record.id - b.record.id);
    const created = new Map<string, CreatedIndex>();
    const lookedUp = lookupTargets(plans.map((p) => ({ mapping: JSON.parse(p.record.mappingJson) as BatchMapping, fields: p.fields })));
    const prepared: BatchExportPlan[] = plans.map(({ record, fields }) => {
      const mapping = JSON.parse(record.mappingJson) as BatchMapping;
      const p: BatchExportPlan = {
        record,
        mapping,
        fields,
        ctx: rowContext(record.header, mapping, fields, resolver, users),
        dropped: new Map(),
        dependent: dependentFields(mapping, fields, created),
        findBy: checkFindBy(job.options, record, mapping, fields),
        ignoreEmpty: job.options.ignoreEmpty ?? mapping.ignoreEmpty,
        planOf: new Map(mapping.fields.map((f, i) => [f.field, i])),
      };
      p.dropped = userFieldsToDrop(p, batches, exportsRepo, ctx);
      columnsFor(p, [...p.dependent.keys()]);
      // Only a module that a later batch looks up is indexed: the index holds a key per row.
      if (!created.has(record.module) && lookedUp.has(record.module)) {
        created.set(record.module, { batch: record.id, module: record.module, findBy: targetFindBy(fields, mapping), byKey: new Map() });
      }
      return p;
    });
    if (job.write) {
      const folder = job.folder as string;
      checkExportFolder(folder);
      staging = makeStaging(folder);
    }
    const mtime = new Date(Math.max(...plans.map((p) => Date.parse(p.record.createdAt)).filter((t) => Number.isFinite(t)), Date.UTC(2020, 0, 1))).toISOString();
    const parts = new PartJobs({ pool, staging, dbPath: job.dbPath, nativeBinding: job.nativeBinding, mtime, limit: maxZipBytes, ctx });
    const batchSummaries: PlannedBatch[] = [];
    const plainInserts = new Map<number, ReadonlySet<number>>();

    for (const p of prepared) {
      const b = p.record;
      const byKey = new Map<string, JobStream>();
      const stageCount = new Map<string, number>();
      const streamFor = (stage: number, via: string[], insert = false): JobStream => {
        const key = `${insert ? 'insert|' : ''}${stage}|${via.join(',')}`;
        let s = byKey.get(key);
        if (!s) {
          const count = `${insert ? 'insert|' : ''}${stage}`;
          const n = (stageCount.get(count) ?? 0) + 1;
          stageCount.set(count, n);
          const columns = columnsFor(p, via).columns;
          const base = `${b.module}-batch${b.id}-stage${stage}${insert ? '-insert' : ''}${n > 1 ? `-${String.fromCharCode(96 + n)}` : ''}`;
          const op: StreamOp | null = insert ? { operation: 'insert', findBy: null, ignoreEmpty: p.ignoreEmpty } : null;
          const stream: JobStream = new JobStream(key, b.id, b.module, stage, columns, staging, base, (part) => parts.compress(stream, part), op);
          s = stream;
          byKey.set(key, s);
          streams.push(s);
        }
        return s;
      };
      const updateStreamFor = (module: string, columns: UploadColumn[]): JobStream => {
        const key = `update|${module}`;
        let s = byKey.get(key);
        if (!s) {
          const op: StreamOp = { operation: 'update', findBy: 'id', ignoreEmpty: true };
          const stream: JobStream = new JobStream(key, b.id, module, 1, columns, staging, `${module}-batch${b.id}-update`, (part) => parts.compress(stream, part), op);
          s = stream;
          byKey.set(key, s);
          streams.push(s);
        }
        return s;
      };
      const merged: number[] = [];
      const pass = await exportBatchRows({
        p,
        batches,
        state: exportsRepo,
        ctx,
        phase: 'checking',
        progress: !job.write,
        operation: job.options.operation,
        decisions: review.hasDecisions(b.id) ? (from, to) => review.decisionsBetween(b.id, from, to) : null,
        onMerge: (rowNo) => void merged.push(rowNo),
        streamFor,
        ownIndex: created.get(b.module)?.batch === b.id ? (created.get(b.module) as CreatedIndex) : null,
        onPlainPart: (rowNos) => parts.plainPart(streamFor(1, []), p, rowNos),
      });
      const merges = await exportMerges({
        p,
        rows: merged,
        batches,
        state: exportsRepo,
        review,
        replica,
        ctx,
        progress: !job.write,
        fieldsOf: (m) => (m === b.module ? p.fields : (job.targets?.[m] ?? [])),
        streamFor: updateStreamFor,
      });
      for (const s of byKey.values()) s.end();
      const { leftOut, dependentRows } = pass;
      for (const [reason, n] of merges.leftOut) leftOut.set(reason, (leftOut.get(reason) ?? 0) + n);
      plainInserts.set(b.id, pass.plainInserts);
      batchSummaries.push({
        batch: b.id,
        module: b.module,
        source: b.sourceName,
        rows: b.rowCount,
        exported: pass.exported + merges.updated,
        leftOut: [...leftOut].map(([reason, rows]) => ({ reason, rows })),
        columnsLeftOut: columnsFor(p, []).leftOut,
        dependsOn: [...p.dependent].map(([field, t]) => ({
          field,
          module: t.module,
          batch: t.batch,
          via: t.findBy === null ? ('result' as const) : ('find_by' as const),
          findBy: t.findBy,
          rows: dependentRows.get(field) ?? 0,
        })),
        review: {
          inserted: pass.inserted,
          updated: merges.updated,
          skipped: leftOut.get('skipped in review') ?? 0,
          mergedRows: leftOut.get('merged into another row') ?? 0,
          unchanged: leftOut.get('merge changes nothing') ?? 0,
          mergedInto: pass.mergedInto,
        },
      });
    }

    const finished = await parts.finished();
    const { plan, manifest } = assemblePlan({ job, prepared, parts: finished, batches: batchSummaries, plainInserts });
    if (!job.write || !staging || !manifest) {
      return { plan, manifest: null };
    }
    if (ctx.cancelled()) throw new AppError('CANCELLED', 'The export was cancelled; nothing was written.');
    for (const j of plan.jobs) {
      const p = prepared.find((x) => x.record.id === j.batch) as BatchExportPlan;
      const part = finished.find((f) => f.zip?.name === j.zip);
      fs.writeFileSync(
        path.join(staging, j.jobFile as string),
        jobJsonText({
          apiVersion: job.options.apiVersion,
          operation: j.operation,
          module: j.module,
          callbackUrl: job.options.callbackUrl,
          findBy: j.findBy,
          ignoreEmpty: part?.stream.op?.ignoreEmpty ?? p.ignoreEmpty,
          columns: part?.stream.columns ?? [],
        }),
      );
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), manifestText(manifest));
    fs.writeFileSync(path.join(staging, 'manifest.csv'), manifestSummaryCsv(manifest));
    fs.writeFileSync(path.join(staging, 'README.txt'), readmeText(manifest));
    commitStaging(staging, job.folder as string);
    staging = null;
    return { plan, manifest };
  } finally {
    for (const s of streams) s.abort();
    if (pool) await pool.close();
    if (staging) dropStaging(staging);
    db.close();
  }
}

/** Modules that some batch of the export looks up. */
function lookupTargets(batches: { mapping: BatchMapping; fields: readonly FieldMeta[] }[]): Set<string> {
  const out = new Set<string>();
  for (const b of batches) {
    for (const m of b.mapping.fields) {
      const meta = b.fields.find((f) => f.apiName === m.field);
      if (meta?.lookupModule && LOOKUP_TYPES.has(meta.dataType)) out.add(meta.lookupModule);
    }
  }
  return out;
}
