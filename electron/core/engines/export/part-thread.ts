/**
 * A part thread of the export: it writes whole jobs — reads the rows of one part from the
 * workspace, writes its upload CSV and compresses it — so that reading, encoding and
 * compressing run on both cores at once; it also compresses parts the export thread wrote.
 * Each thread keeps its own read connection and each batch's row context.
 */
import { AppError, type ErrorInfo } from '../../../../shared/ipc/errors';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { BatchMapping } from '../../../../shared/domain/batch';
import { openWorkspaceDb, type Db } from '../../db/open';
import { BatchRepo, decodeRawBlock, type BatchRecord } from '../../db/repos/batch-repo';
import { ExportRepo } from '../../db/repos/export-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import { BLOCK_CSV } from '../../db/repos/row-block-codec';
import { rowContext } from '../batch/compute-row';
import { replicaLookup } from '../batch/replica-lookup';
import { loadUserDirectory } from '../users/user-directory';
import { zipBuffer, zipSingleFile, type WrittenZip } from '../zip/zip-writer';
import { ByteSink } from './byte-sink';
import { BlockCursor } from './block-cursor';
import type { UploadColumn } from './column-plan';
import { headerLineOf, PartFile, type CsvPart } from './part-file';
import { BatchRowWriter } from './row-writer';

/**
 * The DEFLATE level of the upload ZIPs. Zoho's limits are 25,000 rows and 25 MB per ZIP, and a
 * full job's CSV (a few MB) is far below the size limit at any level; level 1 compresses about
 * three times faster than zip's default 6 for about 12 % larger ZIPs (bench/RESULTS.md, export).
 */
export const UPLOAD_DEFLATE_LEVEL = 1;

/** One archive to write from a CSV on disk. */
export interface ZipTask {
  sourceFile: string;
  entryName: string;
  zipPath: string;
  /** ISO time stored in the archive. */
  mtime: string;
}

/** One part to write and compress: exactly these rows of one batch, with these columns. */
export interface RowsTask {
  dbPath: string;
  nativeBinding?: string;
  batch: number;
  fields: FieldMeta[];
  columns: UploadColumn[];
  /** The part's rows, ascending; every one must be found. */
  rowNos: number[];
  base: string;
  csvPath: string;
  zip: Omit<ZipTask, 'sourceFile'>;
  /** The ZIP size limit: a part over it is left on disk as CSV for the export to cut. */
  limit: number;
}

/** A written part and its archive (the CSV stays on disk; the export removes it). */
export interface RowsResult {
  part: CsvPart;
  zip: WrittenZip;
}

export type PartTask = { kind: 'zip'; zip: ZipTask } | { kind: 'rows'; rows: RowsTask };
export type ToPartThread = { id: number; task: PartTask };
export type FromPartThread = { id: number; ok: true; result: WrittenZip | RowsResult } | { id: number; ok: false; error: ErrorInfo };

/** `workerData` that makes the worker bundle run as a part thread. */
export interface PartThreadStart {
  role: 'export-part-thread';
}

/** Type guard for the part thread's workerData. */
export function isPartThreadStart(data: unknown): data is PartThreadStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'export-part-thread';
}

/** What a thread keeps between the parts of one export. */
interface Open {
  db: Db;
  batches: BatchRepo;
  state: ExportRepo;
  writers: Map<string, { record: BatchRecord; writer: BatchRowWriter }>;
}

let open: Open | null = null;

function openFor(t: RowsTask): Open {
  if (open) return open;
  const db = openWorkspaceDb(t.dbPath, { create: false, migrate: false, nativeBinding: t.nativeBinding });
  open = { db, batches: new BatchRepo(db), state: new ExportRepo(db), writers: new Map() };
  return open;
}

function writerFor(o: Open, t: RowsTask): { record: BatchRecord; writer: BatchRowWriter } {
  const key = `${t.batch}|${t.columns.map((c) => c.header).join(',')}`;
  let w = o.writers.get(key);
  if (!w) {
    const record = o.batches.get(t.batch);
    if (!record) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${t.batch} in this workspace.`);
    const replica = new ReplicaRepo(o.db);
    const directory = loadUserDirectory(replica);
    const ctx = rowContext(record.header, JSON.parse(record.mappingJson) as BatchMapping, t.fields, replicaLookup(replica), directory.size > 0 ? directory : null);
    w = { record, writer: new BatchRowWriter(ctx, t.columns, record.delimiter) };
    o.writers.set(key, w);
  }
  return w;
}

const changed = (b: number): AppError =>
  new AppError('INTERNAL', `Batch ${b} changed while it was being exported; nothing was written. Export it again.`);

/** A part's CSV stays in memory up to this size, and is compressed in one call. */
const IN_MEMORY_PART = 64 << 20;

/** Writes the CSV of a part: the rows asked for, found in order in the batch's blocks. */
export function writeRowsPart(t: RowsTask, sink = new ByteSink(4 << 20)): PartFile {
  const o = openFor(t);
  const { record, writer } = writerFor(o, t);
  const width = record.header.length;
  const want = t.rowNos;
  const first = want[0] ?? 0;
  const last = want[want.length - 1] ?? 0;
  const part = new PartFile(t.base, t.csvPath, headerLineOf(t.columns), sink, IN_MEMORY_PART);
  let j = 0;
  try {
    let after = first - 1;
    while (j < want.length) {
      const blocks = o.batches.blocksAfter(t.batch, after, 20);
      if (blocks.length === 0) break;
      after = (blocks[blocks.length - 1] as { lastRow: number }).lastRow;
      const edits = o.state.editsBetween(t.batch, Math.max(first, (blocks[0] as { firstRow: number }).firstRow), Math.min(after, last));
      for (const blk of blocks) {
        if (writer.delimiter >= 0 && blk.fmt === BLOCK_CSV) {
          const cur = new BlockCursor(blk.bytes, writer.delimiter);
          while (j < want.length && cur.next()) {
            if (cur.blank) continue;
            const rowNo = blk.firstRow + cur.rowIndex;
            if (rowNo !== want[j]) {
              if (rowNo > (want[j] as number)) throw changed(t.batch);
              continue;
            }
            writer.writeCursorRow(part, cur, rowNo, edits.get(rowNo));
            j += 1;
          }
        } else {
          for (const r of decodeRawBlock(blk, record.delimiter, width)) {
            if (j >= want.length) break;
            if (r.rowNo !== want[j]) {
              if (r.rowNo > (want[j] as number)) throw changed(t.batch);
              continue;
            }
            writer.writeStored(part, r, edits.get(r.rowNo));
            j += 1;
          }
        }
      }
    }
    if (j !== want.length) throw changed(t.batch);
    part.close();
    return part;
  } catch (err) {
    part.abort();
    throw err;
  }
}

async function runTask(task: PartTask): Promise<WrittenZip | RowsResult> {
  if (task.kind === 'zip') {
    const z = task.zip;
    return zipSingleFile(z.sourceFile, z.entryName, z.zipPath, { mtime: new Date(z.mtime), level: UPLOAD_DEFLATE_LEVEL });
  }
  const t = task.rows;
  const file = writeRowsPart(t);
  const opts = { mtime: new Date(t.zip.mtime), level: UPLOAD_DEFLATE_LEVEL };
  const bytes = file.memory();
  const zip = bytes !== null ? await zipBuffer(bytes, t.zip.entryName, t.zip.zipPath, opts) : await zipSingleFile(t.csvPath, t.zip.entryName, t.zip.zipPath, opts);
  // The export cuts a part whose ZIP is over the limit from its CSV on disk.
  if (zip.bytes > t.limit) file.writeFile();
  return { part: file.part, zip };
}

/** Body of a part thread: tasks answered by id (a task's rows are written while the last one compresses). */
export function runPartThread(port: { on(e: 'message', cb: (m: ToPartThread) => void): void; postMessage(m: FromPartThread): void }): void {
  port.on('message', (msg) => {
    runTask(msg.task).then(
      (result) => port.postMessage({ id: msg.id, ok: true, result }),
      (err: unknown) => {
        const error: ErrorInfo = err instanceof AppError ? err.toInfo() : { code: 'INTERNAL', message: `Writing a part failed: ${(err as Error).message}` };
        port.postMessage({ id: msg.id, ok: false, error });
      },
    );
  });
}
