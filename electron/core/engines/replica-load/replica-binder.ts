/**
 * The binder thread of a CSV replica load: turns the parser thread's cells into records and
 * binds them into chunk files, handing each finished chunk to the loading thread.
 *
 * Binding every value through better-sqlite3 costs more than anything else in a load; here it
 * runs beside the loading thread, which copies finished chunks into the workspace (in C),
 * binds one group of rows in LOADER_BINDS_EVERY itself, and commits. At most MAX_CHUNKS_AHEAD chunks wait to be copied, so a binder faster than the
 * copy never fills the disk or the memory; the loader counts copied chunks in a shared cell.
 */
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { toErrorInfo, type ErrorInfo } from '../../../../shared/ipc/errors';
import { createChunk, type ChunkWriter } from '../../db/repos/replica-chunk-repo';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { addRecords } from './csv-records';
import type { TokenBatch } from '../csv/csv-tokenizer';
import { planHeader, type HeaderPlan } from './header-plan';

/** Text (UTF-16 code units, about bytes) per chunk: a commit and a checkpoint each. */
const CHUNK_CHARS = 16 * 1024 * 1024;
/** Finished groups that may wait for the loader (a chunk is about 18 MB on disk). */
const MAX_CHUNKS_AHEAD = 2;
/**
 * Every LOADER_BINDS_EVERY-th group goes to the loader as tokenized batches, which it binds into
 * the stage itself: copying a chunk costs it about a third of what binding one costs here, so
 * with one group in three it is about as busy as this thread, and those rows skip the chunk.
 */
const LOADER_BINDS_EVERY = 3;
const MAX_REASONS = 100;
const PROGRESS_EVERY_MS = 50;

/** `workerData` that makes the worker bundle run as a binder. */
export interface BinderStart {
  role: 'replica-binder';
  /** The worker bundle, started once more as the CSV parser thread. */
  workerPath: string;
  nativeBinding?: string;
  file: string;
  kind: 'csv' | 'zip';
  size: number;
  fields: FieldMeta[];
  /** An empty folder of the loader's, for the chunk files. */
  chunkDir: string;
  /** Int32 cell 0: how many groups (chunks or rows) the loader has taken in. */
  copied: SharedArrayBuffer;
  /** Text per group; CHUNK_CHARS unless a test wants many small groups. */
  chunkChars?: number;
}

/** The rows of about chunkChars of text, bound here into a chunk or handed over as they are. */
type Group = { kind: 'chunk'; file: string; writer: ChunkWriter } | { kind: 'rows'; batches: TokenBatch[]; offsets: number[] };

export type FromBinder =
  | { type: 'header'; plan: HeaderPlan; headerWidth: number }
  | { type: 'progress'; done: number; total: number; rows: number }
  /** A chunk file of bound records, ready to be copied. */
  | { type: 'chunk'; file: string; rows: number }
  /** Tokenized batches for the loader to bind itself (their buffers are transferred). */
  | { type: 'rows'; batches: TokenBatch[]; offsets: number[] }
  | { type: 'end'; total: number; loaded: number; rejected: number; reasons: { row: number; reason: string }[] }
  | { type: 'error'; error: ErrorInfo };

/** Type guard for the binder role's workerData. */
export function isBinderStart(data: unknown): data is BinderStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'replica-binder';
}

/** Runs the binder role until the file is bound or fails; reports on `port`. */
export async function runBinder(start: BinderStart, port: MessagePort): Promise<void> {
  const post = (msg: FromBinder, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);
  const copied = new Int32Array(start.copied);
  const tally = { loaded: 0, rejected: 0, reasons: [] as { row: number; reason: string }[] };
  const chunkChars = start.chunkChars ?? CHUNK_CHARS;
  let plan: HeaderPlan | null = null;
  let headerWidth = 0;
  let group: Group | null = null;
  let groups = 0;
  let sinceGroup = 0;
  let lastProgress = 0;
  const values: (string | null)[] = [];

  const openGroup = (): void => {
    const n = groups + 1;
    if (n % LOADER_BINDS_EVERY === 0) {
      group = { kind: 'rows', batches: [], offsets: [] };
    } else {
      const file = path.join(start.chunkDir, `chunk-${n}.db`);
      group = { kind: 'chunk', file, writer: createChunk(file, plan?.columns.length ?? 0, start.nativeBinding) };
    }
  };
  const handOver = (): void => {
    const g = group;
    if (!g) return;
    group = null;
    groups += 1;
    if (g.kind === 'chunk') {
      post({ type: 'chunk', file: g.file, rows: g.writer.close() });
    } else {
      post({ type: 'rows', batches: g.batches, offsets: g.offsets }, g.batches.flatMap((b) => [b.cells.buffer as ArrayBuffer, b.rowStarts.buffer as ArrayBuffer]));
    }
    // Wait (without turning the event loop: the parser simply waits for its acks) while the
    // loader is MAX_CHUNKS_AHEAD behind.
    while (groups - Atomics.load(copied, 0) >= MAX_CHUNKS_AHEAD) {
      Atomics.wait(copied, 0, Atomics.load(copied, 0), 100);
    }
  };
  const reject = (row: number, reason: string): void => {
    tally.rejected += 1;
    if (tally.reasons.length < MAX_REASONS) tally.reasons.push({ row, reason });
  };

  try {
    const { total } = await parseCsvInThread(start.workerPath, { file: start.file, kind: start.kind, size: start.size, delimiter: ',' }, {
      onProgress(done, all) {
        const now = Date.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = now;
          post({ type: 'progress', done, total: all, rows: tally.loaded });
        }
      },
      onHeader(header) {
        plan = planHeader(header, start.fields);
        headerWidth = header.length;
        post({ type: 'header', plan, headerWidth });
        openGroup();
      },
      onBatch(batch, rowOffset) {
        const g = group as Group | null;
        if (!plan || !g) return;
        if (g.kind === 'chunk') {
          addRecords(batch, rowOffset, plan, headerWidth, values, g.writer, tally, reject);
        } else {
          g.batches.push(batch);
          g.offsets.push(rowOffset);
        }
        sinceGroup += batch.text.length;
        if (sinceGroup >= chunkChars) {
          sinceGroup = 0;
          handOver();
          openGroup();
        }
      },
    });
    handOver();
    post({ type: 'progress', done: total, total, rows: tally.loaded });
    post({ type: 'end', total, ...tally });
  } catch (err) {
    const g = group as Group | null;
    if (g?.kind === 'chunk') g.writer.abandon();
    post({ type: 'error', error: toErrorInfo(err) });
  }
}
