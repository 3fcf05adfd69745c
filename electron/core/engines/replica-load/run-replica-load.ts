/**
 * Loading one Zoho export into the replica (the IO part; runs inside a worker thread).
 *
 * The whole load is one transaction on the worker's own connection: a cancel, a malformed row
 * or a crash rolls back to the replica exactly as it was, while the main process keeps
 * reading the old state (WAL) and stays responsive.
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
import { planHeader, type HeaderPlan } from './header-plan';
import { JsonDataScanner } from './json-data-scanner';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { cellText } from '../csv/csv-tokenizer';
import type { JobContext, ReplicaLoadJob } from './load-types';

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
  db.exec('BEGIN IMMEDIATE');
  try {
    repo.ensureModule(job.module, job.now);
    const before = repo.count(job.module);
    let format: LoadResult['format'];
    let unknown: string[];
    if (kind === 'json') {
      format = 'records-json';
      unknown = await loadJson(job, repo, size, { tally, reject, report, checkCancel });
    } else {
      let plan: HeaderPlan | null = null;
      let upsert: RecordWriter | null = null;
      let headerWidth = 0;
      const { total } = await parseCsvInThread(job.workerPath, { file: job.filePath, kind, size, delimiter: ',' }, {
        onProgress(done, all) {
          report(done, all, tally.loaded);
        },
        onHeader(header) {
          plan = planHeader(header, job.fields);
          const cols = repo.ensureColumns(job.module, plan.columns.map((c) => c.key), job.now);
          upsert = repo.prepareUpsert(repo.tableOf(job.module) ?? '', plan.columns.map((c) => cols.get(c.key) ?? ''), before === 0);
          headerWidth = header.length;
        },
        onBatch(batch, rowOffset) {
          checkCancel();
          const p = plan as HeaderPlan | null;
          const write = upsert;
          if (!p || !write) {
            return;
          }
          const width = p.columns.length;
          const values: (string | null)[] = new Array<string | null>(width);
          const indexes = p.columns.map((c) => c.index);
          const { rowStarts } = batch;
          for (let r = 0; r < batch.rowCount; r += 1) {
            const rowNo = rowOffset + r + 1;
            const first = rowStarts[r] as number;
            const count = (rowStarts[r + 1] as number) - first;
            if (count !== headerWidth) {
              if (count === 1 && batch.cells[2 * first] === batch.cells[2 * first + 1]) {
                continue; // a blank line
              }
              throw new AppError('CSV_MALFORMED', `Row ${rowNo} has ${count} fields but the header has ${headerWidth}. Nothing was loaded.`);
            }
            const id = cellText(batch, first + p.idIndex).trim();
            if (id === '') {
              reject(rowNo, 'no record id');
              continue;
            }
            for (let c = 0; c < width; c += 1) {
              const cell = first + (indexes[c] as number);
              values[c] = batch.cells[2 * cell] === batch.cells[2 * cell + 1] ? null : cellText(batch, cell);
            }
            write.add(id, values);
            tally.loaded += 1;
          }
        },
      });
      (upsert as RecordWriter | null)?.flush();
      const finalPlan = plan as HeaderPlan | null;
      unknown = finalPlan ? finalPlan.unknown : [];
      const ui = finalPlan?.style === 'label';
      format = kind === 'zip' ? (ui ? 'ui-export-zip' : 'bulk-read-zip') : ui ? 'ui-export-csv' : 'bulk-read-csv';
      report(total, total, tally.loaded, true);
    }
    checkCancel();
    const after = repo.count(job.module);
    const inserted = after - before;
    const result: LoadResult = {
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
    repo.recordLoad({ ...result, sourceName: job.sourceName, finishedAt: job.now });
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) {
      db.exec('ROLLBACK');
    }
    throw err;
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

interface LoadHelpers {
  tally: { loaded: number };
  reject(row: number, reason: string): void;
  report(done: number, total: number, rows: number, force?: boolean): void;
  checkCancel(): void;
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
