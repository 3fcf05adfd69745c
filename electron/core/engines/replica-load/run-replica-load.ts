/**
 * Loading one Zoho export into the replica (the IO part; runs inside a worker thread).
 *
 * A load is all-or-nothing to readers: a cancel, a malformed row or a crash leaves the replica
 * exactly as it was, while the main process keeps reading the old state (WAL) and stays
 * responsive. A CSV into an empty module goes through a stage swapped in at the end
 * (load-csv.ts); into a filled module (load-csv-direct.ts), and a Records API response, it is one
 * transaction on the worker's own connection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';
import { LOOKUP_TYPES } from '../../../../shared/domain/field-meta';
import type { Res } from '../../../../shared/ipc/contract';
import { openWorkspaceDb } from '../../db/open';
import { ReplicaRepo, type RecordWriter } from '../../db/repos/replica-repo';
import { detectSourceKind } from './detect-format';
import { flattenRecord, isRecordStateKey } from './flatten-record';
import { JsonDataScanner } from './json-data-scanner';
import { loadCsv } from './load-csv';
import { loadCsvDirect } from './load-csv-direct';
import type { JobContext, LoadHelpers, ReplicaLoadJob } from './load-types';

type LoadResult = Res<'replica.load'>;

const MAX_REASONS = 100;
const PROGRESS_EVERY_MS = 100;

/** Loads the job's file; resolves with the counts or rejects with a coded error. */
export async function runReplicaLoad(job: ReplicaLoadJob, ctx: JobContext): Promise<LoadResult> {
  const started = Date.now();
  const { size, head } = readHead(job.filePath);
  const kind = detectSourceKind(job.sourceName, head);
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  const repo = new ReplicaRepo(db);
  let lastProgress = 0;
  const report = (done: number, total: number, rows: number, force = false): void => {
    const now = Date.now();
    if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      ctx.progress({ phase: 'loading', done, total, rows });
    }
  };
  const tally = { loaded: 0, rejected: 0, reasons: [] as { row: number; reason: string }[] };
  const reject = (row: number, reason: string): void => {
    tally.rejected += 1;
    if (tally.reasons.length < MAX_REASONS) {
      tally.reasons.push({ row, reason });
    }
  };
  const checkCancel = (): void => {
    if (ctx.cancelled()) {
      throw new AppError('CANCELLED', 'The load was cancelled; the replica was not changed.');
    }
  };

  // A large page cache keeps the B-tree's hot right edge in memory for the whole load, so
  // each page reaches the WAL once instead of once per spill.
  db.pragma('cache_size = -131072');
  const helpers: LoadHelpers = { tally, reject, report, checkCancel };
  const resultOf = (format: LoadResult['format'], unknown: string[], before: number, after: number): LoadResult => {
    const inserted = after - before;
    return {
      module: job.module,
      format,
      loaded: tally.loaded,
      inserted,
      updated: tally.loaded - inserted,
      rejected: tally.rejected,
      rejectedRows: tally.reasons,
      unknownColumns: unknown,
      durationMs: Date.now() - started,
    };
  };
  try {
    if (kind !== 'json') {
      let result: LoadResult | null = null;
      // An empty module takes the staged path, whose swap is a rename; a filled one the direct.
      const load = repo.count(job.module) === 0 ? loadCsv : loadCsvDirect;
      await load(job, db, repo, { kind, size }, helpers, (found, swap) => {
        result = resultOf(found.format, found.unknown, swap.before, swap.after);
        repo.recordLoad({ ...result, sourceName: job.sourceName, finishedAt: job.now });
      });
      return result as unknown as LoadResult;
    }
    // A Records API response is small next to a Bulk Read export: one transaction.
    db.exec('BEGIN IMMEDIATE');
    try {
      repo.ensureModule(job.module, job.now);
      const before = repo.count(job.module);
      const unknown = await loadJson(job, repo, size, helpers);
      checkCancel();
      const result = resultOf('records-json', unknown, before, repo.count(job.module));
      repo.recordLoad({ ...result, sourceName: job.sourceName, finishedAt: job.now });
      db.exec('COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) {
        db.exec('ROLLBACK');
      }
      throw err;
    }
  } finally {
    db.close();
  }
}

function readHead(file: string): { size: number; head: Uint8Array } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new AppError('FILE_NOT_FOUND', `No file at ${file}.`);
    }
    throw new AppError('FILE_UNREADABLE', `Cannot read ${path.basename(file)}: ${(err as Error).message}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      throw new AppError('FILE_UNREADABLE', `${file} is a folder, not a file.`);
    }
    const head = Buffer.alloc(Math.min(4096, stat.size));
    fs.readSync(fd, head, 0, head.length, 0);
    return { size: stat.size, head };
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams a Records API response; returns the keys that match no field. */
async function loadJson(job: ReplicaLoadJob, repo: ReplicaRepo, size: number, h: LoadHelpers): Promise<string[]> {
  const known = new Set<string>();
  for (const f of job.fields) {
    known.add(f.apiName);
    if (LOOKUP_TYPES.has(f.dataType)) {
      known.add(`${f.apiName}.name`);
    }
  }
  const unknown = new Set<string>();
  const table = repo.tableOf(job.module) ?? '';
  const cols = repo.ensureColumns(job.module, [], job.now);
  const statements = new Map<string, RecordWriter>();
  const scanner = new JsonDataScanner();
  const stream = fs.createReadStream(job.filePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let recordNo = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    h.checkCancel();
    for (const raw of scanner.push(chunk)) {
      recordNo += 1;
      const rec = flattenRecord(raw);
      if (!rec) {
        h.reject(recordNo, 'no record id');
        continue;
      }
      const keys = [...rec.cells.keys()];
      const fresh = keys.filter((k) => !cols.has(k));
      if (fresh.length > 0) {
        for (const [k, c] of repo.ensureColumns(job.module, fresh, job.now)) {
          cols.set(k, c);
        }
      }
      for (const k of keys) {
        if (!known.has(k) && !isRecordStateKey(k)) {
          unknown.add(k);
        }
      }
      const signature = keys.join('\u0000');
      let upsert = statements.get(signature);
      if (!upsert) {
        upsert = repo.prepareUpsert(table, keys.map((k) => cols.get(k) ?? ''));
        statements.set(signature, upsert);
      }
      upsert.add(rec.id, keys.map((k) => {
        const v = rec.cells.get(k) ?? '';
        return v === '' ? null : v;
      }));
      h.tally.loaded += 1;
    }
    h.report(stream.bytesRead, size, h.tally.loaded);
  }
  scanner.end();
  for (const w of statements.values()) w.flush();
  h.report(size, size, h.tally.loaded, true);
  return [...unknown];
}
