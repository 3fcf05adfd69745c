/**
 * What the window and the CLI do with exports: the dry run, the export itself, the history,
 * loading a result file, and the retry batch of the rows Zoho refused. Rows are read and
 * written in workers; this side records the history and builds the (small) retry batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { BatchRepo } from '../db/repos/batch-repo';
import { BatchStateRepo } from '../db/repos/batch-state-repo';
import { ExportRepo, type ExportRecord } from '../db/repos/export-repo';
import { ReviewRepo } from '../db/repos/review-repo';
import { CsvTokenizer } from '../engines/csv/csv-tokenizer';
import type { ExportOptions, ExportOutcome, ExportPlan } from '../engines/export/export-types';
import type { Manifest } from '../engines/export/manifest';
import { formatErrors, type ResultError } from '../engines/export/result-file';
import type { ResultsLoadOutcome } from '../engines/export/run-results-load';
import { humanLine, uploadLine } from '../engines/export/upload-csv';
import { headerFingerprint } from '../engines/mapping/header-fingerprint';
import { writeFileAtomic } from '../fs-atomic';

/** The long parts, run in workers by the core's job runner. */
export interface ExportJobs {
  run(
    req: {
      write: boolean;
      exportId: number;
      folder: string | null;
      batches: { id: number; fields: FieldMeta[] }[];
      targets: Record<string, FieldMeta[]>;
      options: ExportOptions;
      now: string;
    },
    jobId?: string,
  ): Promise<ExportOutcome>;
  loadResult(req: { file: string; sourceName: string; batch: number | null; exportId: number | null; now: string }, jobId?: string): Promise<ResultsLoadOutcome>;
  validate(batchId: number, fields: FieldMeta[], jobId?: string): Promise<void>;
}

/** One export in the history, with its jobs' results. */
export interface ExportHistoryItem {
  export: number;
  createdAt: string;
  folder: string;
  operation: string;
  apiVersion: string;
  batches: number[];
  rows: number;
  jobs: {
    job: number;
    module: string;
    operation: string;
    batch: number;
    stage: number;
    zip: string;
    rows: number;
    result: { loadedAt: string; added: number; updated: number; skipped: number; unprocessed: number } | null;
  }[];
}

/** Export operations bound to one workspace connection. */
export class ExportService {
  readonly repo: ExportRepo;
  private readonly batches: BatchRepo;
  private readonly state: BatchStateRepo;
  private readonly review: ReviewRepo;

  constructor(
    db: Db,
    private readonly fieldsOf: (module: string) => FieldMeta[],
    private readonly now: () => Date,
    private readonly jobs: ExportJobs,
  ) {
    this.repo = new ExportRepo(db);
    this.batches = new BatchRepo(db);
    this.state = new BatchStateRepo(db);
    this.review = new ReviewRepo(db);
    this.db = db;
    // An export cut short by a crash left only its staging folder; its history row goes too.
    this.repo.discardUnfinished();
  }

  private readonly db: Db;

  private inputs(ids: readonly number[]): { id: number; fields: FieldMeta[] }[] {
    const unique = [...new Set(ids)];
    return unique.map((id) => {
      const b = this.batches.get(id);
      if (!b) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${id} in this workspace.`);
      return { id, fields: this.fieldsOf(b.module) };
    });
  }

  /** Metadata of the modules the batches' merge decisions update. */
  private targets(inputs: readonly { id: number }[]): Record<string, FieldMeta[]> {
    const out: Record<string, FieldMeta[]> = {};
    for (const b of inputs) for (const m of this.review.mergeModules(b.id)) out[m] ??= this.fieldsOf(m);
    return out;
  }

  /** The dry run: what each job would hold and what is left out, nothing written. */
  async preview(batchIds: readonly number[], options: ExportOptions, jobId?: string): Promise<ExportPlan> {
    const batches = this.inputs(batchIds);
    const out = await this.jobs.run({ write: false, exportId: 0, folder: null, batches, targets: this.targets(batches), options, now: this.now().toISOString() }, jobId);
    return out.plan;
  }

  /** Writes the export folder and records it in the history. */
  async run(batchIds: readonly number[], options: ExportOptions, folder: string, jobId?: string): Promise<{ export: number; folder: string; plan: ExportPlan; manifest: Manifest }> {
    const abs = path.resolve(folder);
    const inputs = this.inputs(batchIds);
    const createdAt = this.now().toISOString();
    const id = this.repo.begin({ createdAt, folder: abs, operation: options.operation, apiVersion: options.apiVersion, batches: inputs.map((b) => b.id) });
    try {
      const out = await this.jobs.run({ write: true, exportId: id, folder: abs, batches: inputs, targets: this.targets(inputs), options, now: createdAt }, jobId);
      const manifest = out.manifest as Manifest;
      if (out.plan.jobs.length === 0) {
        // Nothing to upload still writes the manifest (it says why), but no history entry.
        this.repo.discard(id);
        return { export: 0, folder: abs, plan: out.plan, manifest };
      }
      this.repo.finish(
        id,
        JSON.stringify(manifest),
        out.plan.jobs.map((j) => ({ job: j.job, batch: j.batch, module: j.module, operation: j.operation, stage: j.stage, zip: j.zip as string, rows: j.rows })),
      );
      return { export: id, folder: abs, plan: out.plan, manifest };
    } catch (err) {
      this.repo.discard(id);
      throw err;
    }
  }

  /** Finished exports, newest first, with what their results said. */
  history(limit = 100): ExportHistoryItem[] {
    return this.repo.list(limit).map((e) => this.item(e));
  }

  private item(e: ExportRecord): ExportHistoryItem {
    const jobs = this.repo.jobs(e.id);
    return {
      export: e.id,
      createdAt: e.createdAt,
      folder: e.folder,
      operation: e.operation,
      apiVersion: e.apiVersion,
      batches: e.batches,
      rows: jobs.reduce((n, j) => n + j.rows, 0),
      jobs: jobs.map((j) => ({
        job: j.job,
        module: j.module,
        operation: j.operation,
        batch: j.batch,
        stage: j.stage,
        zip: j.zip,
        rows: j.rows,
        result: j.loadedAt === null ? null : { loadedAt: j.loadedAt, added: j.added, updated: j.updated, skipped: j.skipped, unprocessed: j.unprocessed },
      })),
    };
  }

  /** Loads a result file (in a worker). */
  async loadResult(file: string, sourceName: string, batch: number | null, exportId: number | null, jobId?: string): Promise<ResultsLoadOutcome> {
    return this.jobs.loadResult({ file, sourceName, batch, exportId, now: this.now().toISOString() }, jobId);
  }

  /**
   * A new batch of the rows Zoho refused, with their full original values, the same header,
   * mapping and edits; plus a retry list (CSV for people) in the export folder.
   */
  async retryBatch(exportId: number, batch: number | null, jobId?: string): Promise<{ batches: { batch: number; from: number; rows: number }[]; retryLists: string[] }> {
    const record = this.repo.get(exportId);
    if (!record || record.status !== 'done') throw new AppError('EXPORT_NOT_FOUND', `There is no export ${exportId} in this workspace.`);
    const failed = this.repo.failedRows(exportId, batch);
    if (failed.length === 0) {
      throw new AppError('NOTHING_TO_RETRY', `No loaded result of export ${exportId} has a skipped or unprocessed row${batch === null ? '' : ` of batch ${batch}`}.`);
    }
    const byBatch = new Map<number, typeof failed>();
    for (const f of failed) byBatch.set(f.batch, [...(byBatch.get(f.batch) ?? []), f]);
    const made: { batch: number; from: number; rows: number }[] = [];
    const lists: string[] = [];
    for (const [from, rows] of byBatch) {
      const source = this.batches.get(from);
      if (!source) throw new AppError('BATCH_NOT_FOUND', `Batch ${from}, which export ${exportId} came from, is no longer in this workspace.`);
      const numbers = [...new Set(rows.map((r) => r.row))].sort((a, b) => a - b);
      const stored = this.batches.rowsByNumbers(from, numbers);
      const edits = this.state.editsOfRows(from, numbers);
      const errorsOf = new Map(rows.map((r) => [r.row, formatErrors(JSON.parse(r.errors) as ResultError[])]));
      const width = source.header.length;
      const csv = stored.map((r) => uploadLine(Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), [])).join('');
      const tokens = new CsvTokenizer(',').scanText(csv, true).batch;
      const createdAt = this.now().toISOString();
      const id = this.db.transaction(() => {
        const nb = this.batches.createBatch(
          {
            module: source.module,
            sourceName: `Retry of ${source.sourceName} (export ${exportId})`,
            sourcePath: source.sourcePath,
            sourceSize: Buffer.byteLength(csv),
            encoding: 'utf-8',
            delimiter: ',',
            header: source.header,
            headerFingerprint: headerFingerprint(source.header),
            mappingJson: source.mappingJson,
            createdAt,
          },
          process.pid,
        );
        const writer = this.batches.prepareRowInsert(nb.table);
        writer.addBatch(tokens, 0);
        writer.flush();
        const byRow = new Map(rows.map((r) => [r.row, r]));
        // A refused update stays the update the user chose (the fix is to a value, not to the
        // target): made an insert again, it would create the duplicate the review resolved.
        const decisions = this.review.decisionsOfRows(from, numbers);
        stored.forEach((r, i) => {
          for (const [field, value] of edits.get(r.rowNo) ?? []) this.state.setEdit(nb.id, i + 1, field, value);
          const d = decisions.get(r.rowNo);
          if (d?.action === 'merge' || d?.action === 'create') this.review.set(nb.id, i + 1, d);
        });
        this.repo.recordRetryRows(
          nb.id,
          exportId,
          stored.map((r, i) => ({ row: i + 1, fromBatch: from, fromRow: r.rowNo, status: byRow.get(r.rowNo)?.status ?? 'skipped', errors: byRow.get(r.rowNo)?.errors ?? '[]' })),
        );
        this.batches.finishBatch(nb.id, stored.length, 0);
        return nb.id;
      })();
      await this.jobs.validate(id, this.fieldsOf(source.module), jobId);
      made.push({ batch: id, from, rows: stored.length });
      const listPath = path.join(record.folder, `retry-export${exportId}-batch${from}.csv`);
      if (fs.existsSync(record.folder)) {
        let text = `\uFEFF${humanLine([...source.header, 'Preflight row', 'Zoho errors', 'Retry batch row'])}`;
        stored.forEach((r, i) => {
          text += humanLine([...Array.from({ length: width }, (_, c) => r.cells[c] ?? ''), String(r.rowNo), errorsOf.get(r.rowNo) ?? '', String(i + 1)]);
        });
        writeFileAtomic(listPath, text);
        lists.push(listPath);
      }
    }
    return { batches: made, retryLists: lists };
  }
}
