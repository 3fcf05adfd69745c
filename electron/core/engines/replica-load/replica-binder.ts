/**
 * The binder thread of a CSV replica load: turns the parser thread's cells into records and
 * binds them into chunk files, handing each finished chunk to the loading thread.
 *
 * Binding every value through better-sqlite3 costs more than anything else in a load; here it
 * runs beside the loading thread, which only copies finished chunks into the workspace (in C)
 * and commits. At most MAX_CHUNKS_AHEAD chunks wait to be copied, so a binder faster than the
 * copy never fills the disk or the memory; the loader counts copied chunks in a shared cell.
 */
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { toErrorInfo, type ErrorInfo } from '../../../../shared/ipc/errors';
import { createChunk, type ChunkWriter } from '../../db/repos/replica-chunk-repo';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { addRecords } from './csv-records';
import { planHeader, type HeaderPlan, type HeaderStyle } from './header-plan';

/** Text (UTF-16 code units, about bytes) per chunk: a commit and a checkpoint each. */
const CHUNK_CHARS = 16 * 1024 * 1024;
/** Finished chunks that may wait for the loader (each about 18 MB on disk). */
const MAX_CHUNKS_AHEAD = 3;
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
  /** Int32 cell 0: how many chunks the loader has copied. */
  copied: SharedArrayBuffer;
}

export type FromBinder =
  | { type: 'header'; keys: string[]; unknown: string[]; style: HeaderStyle }
  | { type: 'progress'; done: number; total: number; rows: number }
  | { type: 'chunk'; file: string; rows: number }
  | { type: 'end'; total: number; loaded: number; rejected: number; reasons: { row: number; reason: string }[] }
  | { type: 'error'; error: ErrorInfo };

/** Type guard for the binder role's workerData. */
export function isBinderStart(data: unknown): data is BinderStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'replica-binder';
}

/** Runs the binder role until the file is bound or fails; reports on `port`. */
export async function runBinder(start: BinderStart, port: MessagePort): Promise<void> {
  const post = (msg: FromBinder): void => port.postMessage(msg);
  const copied = new Int32Array(start.copied);
  const tally = { loaded: 0, rejected: 0, reasons: [] as { row: number; reason: string }[] };
  let plan: HeaderPlan | null = null;
  let headerWidth = 0;
  let chunk: ChunkWriter | null = null;
  let chunkFile = '';
  let chunks = 0;
  let sinceChunk = 0;
  let lastProgress = 0;
  const values: (string | null)[] = [];

  const openChunk = (): void => {
    chunkFile = path.join(start.chunkDir, `chunk-${chunks + 1}.db`);
    chunk = createChunk(chunkFile, plan?.columns.length ?? 0, start.nativeBinding);
  };
  const handOver = (): void => {
    const c = chunk;
    if (!c) return;
    chunk = null;
    const rows = c.close();
    chunks += 1;
    post({ type: 'chunk', file: chunkFile, rows });
    // Wait (without turning the event loop: the parser simply waits for its acks) while the
    // loader is MAX_CHUNKS_AHEAD behind.
    while (chunks - Atomics.load(copied, 0) >= MAX_CHUNKS_AHEAD) {
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
        post({ type: 'header', keys: plan.columns.map((c) => c.key), unknown: plan.unknown, style: plan.style });
        openChunk();
      },
      onBatch(batch, rowOffset) {
        if (!plan || !chunk) return;
        addRecords(batch, rowOffset, plan, headerWidth, values, chunk, tally, reject);
        sinceChunk += batch.text.length;
        if (sinceChunk >= CHUNK_CHARS) {
          sinceChunk = 0;
          handOver();
          openChunk();
        }
      },
    });
    handOver();
    post({ type: 'progress', done: total, total, rows: tally.loaded });
    post({ type: 'end', total, ...tally });
  } catch (err) {
    (chunk as ChunkWriter | null)?.abandon();
    post({ type: 'error', error: toErrorInfo(err) });
  }
}
