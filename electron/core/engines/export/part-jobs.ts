/**
 * The parts of an export on their way to ZIPs: the plain parts written and compressed by the
 * part threads, the parts the export thread wrote compressed by them too, a ZIP over the limit
 * cut by rows and compressed again, all awaited with cancel and progress. In a dry run the
 * parts are only counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';
import type { JobContext } from '../replica-load/load-types';
import type { WrittenZip } from '../zip/zip-writer';
import type { FinishedPart } from './assemble-plan';
import type { BatchExportPlan } from './batch-source';
import { headerLineOf, type CsvPart } from './part-file';
import { partBase, splitPart, type JobStream } from './job-stream';
import type { PartPool } from './part-pool';

/** A too-big part is cut to this share of the limit (by its measured size), then measured again. */
const SPLIT_TARGET = 0.9;
const CANCEL_POLL_MS = 50;

/** Where an export's parts go. */
export interface PartJobsOptions {
  /** Null in a dry run. */
  pool: PartPool | null;
  staging: string | null;
  dbPath: string;
  nativeBinding?: string;
  mtime: string;
  limit: number;
  ctx: JobContext;
}

/** The parts of one export, dispatched as they are known and awaited at the end. */
export class PartJobs {
  private readonly pending: Promise<FinishedPart[]>[] = [];
  private readonly dry: FinishedPart[] = [];
  private readonly plainCount = new Map<JobStream, number>();
  private dispatchedRows = 0;
  private finishedRows = 0;

  constructor(private readonly o: PartJobsOptions) {}

  /** A part the export thread wrote (rows of a later stage): compressed by a part thread. */
  compress(stream: JobStream, part: CsvPart): void {
    const { pool, staging } = this.o;
    if (!pool || !staging) {
      this.dry.push({ part, stream, zip: null });
      return;
    }
    this.track(part.rowNos.length, this.fitting(part, null).then((list) => list.map((x) => ({ ...x, stream }))));
  }

  /** The next part of a stream's plain rows: a part thread reads, writes and compresses it. */
  plainPart(stream: JobStream, p: BatchExportPlan, rowNos: number[]): void {
    const n = (this.plainCount.get(stream) ?? 0) + 1;
    this.plainCount.set(stream, n);
    const base = partBase(stream.baseName, n);
    const { pool, staging } = this.o;
    if (!pool || !staging) {
      this.dry.push({ part: { base, csvPath: null, rowNos, offsets: [], bytes: Buffer.byteLength(headerLineOf(stream.columns)) }, stream, zip: null });
      return;
    }
    const csvPath = path.join(staging, `${base}.csv`);
    const task = {
      dbPath: this.o.dbPath,
      nativeBinding: this.o.nativeBinding,
      batch: p.record.id,
      fields: p.fields,
      columns: [...stream.columns],
      rowNos,
      base,
      csvPath,
      zip: { entryName: `${base}.csv`, zipPath: path.join(staging, `${base}.zip`), mtime: this.o.mtime },
      limit: this.o.limit,
    };
    this.track(
      rowNos.length,
      pool
        .rows(task)
        .then((r) => this.fitting(r.part, r.zip))
        .then((list) => list.map((x) => ({ ...x, stream }))),
    );
  }

  /** Every part, once all are written; throws CANCELLED as soon as the export is stopped. */
  async finished(): Promise<FinishedPart[]> {
    if (!this.o.pool) return this.dry;
    const { ctx } = this.o;
    const report = (): void => ctx.progress({ phase: 'writing', done: this.finishedRows, total: this.dispatchedRows, rows: this.finishedRows });
    report();
    let timer: NodeJS.Timeout | null = null;
    const stopped = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (ctx.cancelled()) reject(new AppError('CANCELLED', 'The export was cancelled; nothing was written.'));
        else report();
      }, CANCEL_POLL_MS);
    });
    try {
      return (await Promise.race([Promise.all(this.pending), stopped])).flat();
    } finally {
      if (timer) clearInterval(timer);
      report();
    }
  }

  private track(rows: number, done: Promise<FinishedPart[]>): void {
    this.dispatchedRows += rows;
    const counted = done.then((list) => {
      this.finishedRows += rows;
      return list;
    });
    // Awaited together at the end; if the export stops first, a failure here is not unhandled.
    counted.catch(() => undefined);
    this.pending.push(counted);
  }

  /**
   * Keeps a part's ZIP if it fits (compressing it first when `written` is null); a ZIP over the
   * limit is cut by rows in proportion to its measured size and each half measured again.
   */
  private async fitting(part: CsvPart, written: WrittenZip | null): Promise<Omit<FinishedPart, 'stream'>[]> {
    const pool = this.o.pool as PartPool;
    const staging = this.o.staging as string;
    const zipName = `${part.base}.zip`;
    const zipPath = path.join(staging, zipName);
    const zip = written ?? (await pool.zip({ sourceFile: part.csvPath as string, entryName: `${part.base}.csv`, zipPath, mtime: this.o.mtime }));
    if (zip.bytes <= this.o.limit || part.rowNos.length < 2) {
      if (zip.bytes > this.o.limit) {
        throw new AppError('ZIP_TOO_LARGE', `Row ${part.rowNos[0] ?? 0} alone compresses to more than ${this.o.limit} bytes; Zoho refuses ZIPs over 25 MB.`);
      }
      fs.rmSync(part.csvPath as string, { force: true });
      return [{ part, zip: { name: zipName, ...zip } }];
    }
    fs.rmSync(zipPath, { force: true });
    const first = Math.max(1, Math.min(part.rowNos.length - 1, Math.floor((part.rowNos.length * this.o.limit * SPLIT_TARGET) / zip.bytes)));
    const [a, b] = splitPart(part, first);
    const [x, y] = await Promise.all([this.fitting(a, null), this.fitting(b, null)]);
    return [...x, ...y];
  }
}
