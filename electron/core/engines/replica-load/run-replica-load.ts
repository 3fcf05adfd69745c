/**
 * Loading one Zoho export into the replica (the IO part; runs inside a worker thread).
 *
 * The whole load is one transaction on the worker's own connection: a cancel, a malformed row
 * or a crash rolls back to the replica exactly as it was, while the main process keeps
 * reading the old state (WAL) and stays responsive.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../../shared/ipc/errors';
import { LOOKUP_TYPES } from '../../../../shared/domain/field-meta';
import type { Res } from '../../../../shared/ipc/contract';
import { openWorkspaceDb } from '../../db/open';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import { DEFAULT_MAX_RATIO, openEntryStream, openZip, selectSingleCsv } from '../zip/zip-reader';
import { readCsvRows } from './csv-rows';
import { detectSourceKind } from './detect-format';
import { flattenRecord } from './flatten-record';
import { planHeader, type HeaderPlan } from './header-plan';
import { JsonDataScanner } from './json-data-scanner';
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
      let stream: Readable;
      let position: () => number;
      let total: number;
      if (kind === 'zip') {
        const archive = await openZip(job.filePath);
        const entry = selectSingleCsv(archive);
        const entryStream = openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO });
        let inflated = 0;
        entryStream.on('data', (b: Buffer | string) => {
          inflated += typeof b === 'string' ? Buffer.byteLength(b) : b.length;
        });
        stream = entryStream;
        position = () => inflated;
        total = entry.uncompressedSize;
      } else {
        const fileStream = fs.createReadStream(job.filePath, { highWaterMark: 1 << 20 });
        stream = fileStream;
        position = () => fileStream.bytesRead;
        total = size;
      }
      let plan: HeaderPlan | null = null;
      let upsert: ((id: string, values: ReadonlyArray<string | null>) => void) | null = null;
      await readCsvRows(stream, {
        onHeader(header) {
          plan = planHeader(header, job.fields);
          const cols = repo.ensureColumns(job.module, plan.columns.map((c) => c.key), job.now);
          const table = repo.tableOf(job.module) ?? '';
          upsert = repo.prepareUpsert(table, plan.columns.map((c) => cols.get(c.key) ?? ''));
        },
        onBatch(batch) {
          checkCancel();
          const p = plan as HeaderPlan | null;
          if (!p || !upsert) {
            return;
          }
          const values: (string | null)[] = new Array<string | null>(p.columns.length);
          batch.rows.forEach((row, i) => {
            const id = (row[p.idIndex] ?? '').trim();
            if (id === '') {
              reject(batch.firstRow + i, 'no record id');
              return;
            }
            for (let c = 0; c < p.columns.length; c += 1) {
              const v = row[(p.columns[c] as { index: number }).index];
              values[c] = v === undefined || v === '' ? null : v;
            }
            upsert?.(id, values);
            tally.loaded += 1;
          });
          report(position(), total, tally.loaded);
        },
      });
      const finalPlan = plan as HeaderPlan | null;
      unknown = finalPlan ? finalPlan.unknown : [];
      format = finalPlan?.style === 'label' ? (kind === 'zip' ? 'ui-export-zip' : 'ui-export-csv') : kind === 'zip' ? 'bulk-read-zip' : 'bulk-read-csv';
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
  const statements = new Map<string, (id: string, values: ReadonlyArray<string | null>) => void>();
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
        if (!known.has(k)) {
          unknown.add(k);
        }
      }
      const signature = keys.join('\u0000');
      let upsert = statements.get(signature);
      if (!upsert) {
        upsert = repo.prepareUpsert(table, keys.map((k) => cols.get(k) ?? ''));
        statements.set(signature, upsert);
      }
      upsert(rec.id, keys.map((k) => {
        const v = rec.cells.get(k) ?? '';
        return v === '' ? null : v;
      }));
      h.tally.loaded += 1;
    }
    h.report(stream.bytesRead, size, h.tally.loaded);
  }
  scanner.end();
  h.report(size, size, h.tally.loaded, true);
  return [...unknown];
}
