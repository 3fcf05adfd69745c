/**
 * Loading a Bulk Write result back (worker side).
 *
 * The result is matched to the job it answers (same row count, same echoed header), then each
 * row is joined by its position in the job *and* checked against the first columns of the
 * job's own CSV, read from the ZIP in the export folder: a row that does not match is reported
 * and nothing is joined. New and updated records go into the replica with the values uploaded;
 * every row's status and codes are kept once, so loading the same file again changes nothing.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb, type Db } from '../../db/open';
import { ExportRepo, type ExportJobRecord, type ResultRowRecord } from '../../db/repos/export-repo';
import { ReplicaRepo, type RecordWriter } from '../../db/repos/replica-repo';
import type { JobContext } from '../replica-load/load-types';
import type { Manifest, ManifestJob } from './manifest';
import { rowAt } from './manifest';
import { readSmallCsv } from './read-small-csv';
import { parseErrors, parseStatus, resultLayout, type ResultError, type ResultLayout } from './result-file';

/** What the worker needs to load one result file. */
export interface ResultsLoadJob {
  dbPath: string;
  nativeBinding?: string;
  file: string;
  sourceName: string;
  /** Only jobs of this batch (or export) are candidates. */
  batch: number | null;
  exportId: number | null;
  now: string;
}

/** What loading a result did. */
export interface ResultsLoadOutcome {
  export: number;
  job: number;
  batch: number;
  module: string;
  added: number;
  updated: number;
  skipped: number;
  unprocessed: number;
  /** True when this job's result was loaded before: nothing changed. */
  alreadyLoaded: boolean;
  /** Records written into the replica by this load. */
  replicaWritten: number;
  /** Skipped and unprocessed rows with their codes (first 1000). */
  errors: { row: number; status: string; codes: ResultError[] }[];
}

const MAX_LISTED = 1000;
const MAX_MISMATCHES_SHOWN = 5;

/** Loads the result; rejects with RESULT_* codes when it matches no job. */
export async function runResultsLoad(job: ResultsLoadJob, ctx: JobContext): Promise<ResultsLoadOutcome> {
  const { rows } = await readSmallCsv(job.file, job.sourceName);
  const [header, ...data] = rows;
  if (!header) throw new AppError('RESULT_NOT_RECOGNIZED', `${job.sourceName} is empty.`);
  const layout = resultLayout(header);
  ctx.progress({ phase: 'matching', done: 0, total: data.length, rows: 0 });
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    const repo = new ExportRepo(db);
    const { target, manifestJob, uploaded } = await findJob(repo, job, layout, data);
    const statuses = data.map((r, i) => {
      const s = parseStatus(r[layout.status] ?? '');
      if (s === null) {
        throw new AppError('RESULT_NOT_RECOGNIZED', `Row ${i + 1} of ${job.sourceName} has the status “${r[layout.status] ?? ''}”; expected ADDED, UPDATED, SKIPPED or UNPROCESSED.`);
      }
      return s;
    });
    const results: ResultRowRecord[] = data.map((r, i) => ({
      position: i,
      batch: target.batch,
      row: rowAt(manifestJob.row_ranges, i) ?? 0,
      status: statuses[i] as string,
      recordId: (r[layout.recordId] ?? '').trim() || null,
      errors: JSON.stringify(parseErrors(r[layout.errors] ?? '')),
    }));
    const alreadyLoaded = target.loadedAt !== null;
    let replicaWritten = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      const inserted = repo.saveResult(target.exportId, target.job, job.now, results);
      if (inserted > 0) replicaWritten = writeReplica(db, manifestJob, uploaded, results, job.now);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    const stored = repo.jobs(target.exportId).find((j) => j.job === target.job) as ExportJobRecord;
    const failed = repo.resultRows(target.exportId, target.job).filter((r) => r.status === 'skipped' || r.status === 'unprocessed');
    return {
      export: target.exportId,
      job: target.job,
      batch: target.batch,
      module: target.module,
      added: stored.added,
      updated: stored.updated,
      skipped: stored.skipped,
      unprocessed: stored.unprocessed,
      alreadyLoaded,
      replicaWritten,
      errors: failed.slice(0, MAX_LISTED).map((r) => ({ row: r.row, status: r.status, codes: JSON.parse(r.errors) as ResultError[] })),
    };
  } finally {
    db.close();
  }
}

interface Match {
  target: ExportJobRecord;
  manifestJob: ManifestJob;
  /** The job's own CSV rows (header first). */
  uploaded: string[][];
}

/** The job this result answers; tries the one its file name points at first. */
async function findJob(repo: ExportRepo, job: ResultsLoadJob, layout: ResultLayout, data: string[][]): Promise<Match> {
  const candidates = repo
    .jobsWithRows(data.length)
    .filter((j) => (job.batch === null || j.batch === job.batch) && (job.exportId === null || j.exportId === job.exportId));
  const hint = job.sourceName.toLowerCase();
  candidates.sort((a, b) => Number(hint.includes(b.zip.replace(/\.zip$/, '').toLowerCase())) - Number(hint.includes(a.zip.replace(/\.zip$/, '').toLowerCase())));
  let mismatch: string | null = null;
  let missing: string | null = null;
  for (const c of candidates) {
    const record = repo.get(c.exportId);
    const manifest = record?.manifestJson ? (JSON.parse(record.manifestJson) as Manifest) : null;
    const mj = manifest?.jobs.find((j) => j.job === c.job);
    if (!record || !mj) continue;
    const keys = mj.columns.slice(0, layout.keys.length);
    if (layout.keys.length !== Math.min(3, mj.columns.length) || keys.some((k, i) => k !== layout.keys[i])) continue;
    const zipPath = path.join(record.folder, mj.zip);
    if (!fs.existsSync(zipPath) || sha256(zipPath) !== mj.sha256) {
      missing = `${zipPath} (job ${c.job} of export ${c.exportId}) is missing or was changed since the export`;
      continue;
    }
    const uploaded = (await readSmallCsv(zipPath, mj.zip)).rows;
    const bad: number[] = [];
    data.forEach((r, i) => {
      const mine = uploaded[i + 1] ?? [];
      if (layout.keys.some((_, k) => (r[k] ?? '') !== (mine[k] ?? ''))) bad.push(i + 1);
    });
    if (bad.length === 0) return { target: c, manifestJob: mj, uploaded };
    mismatch = `Job ${c.job} of export ${c.exportId} (${mj.zip}) has the same columns and row count, but ${bad.length} row(s) differ from what was uploaded (result rows ${bad.slice(0, MAX_MISMATCHES_SHOWN).join(', ')}${bad.length > MAX_MISMATCHES_SHOWN ? ', …' : ''}); nothing was joined.`;
  }
  if (mismatch) throw new AppError('RESULT_MISMATCH', mismatch);
  if (missing) throw new AppError('EXPORT_FILES_MISSING', `The result matches an export whose files are gone: ${missing}. Keep the export folder until its results are loaded.`);
  throw new AppError(
    'RESULT_NO_MATCH',
    `${job.sourceName} (${data.length} rows; columns ${layout.keys.join(', ')}) matches no job of any export in this workspace.`,
  );
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Writes added and updated records into the replica with the values that were uploaded.
 * Lookup columns go in under their field (`Account_Name.id` -> `Account_Name`); columns that
 * named a record by another field (find_by) hold no id and are left out.
 */
function writeReplica(db: Db, mj: ManifestJob, uploaded: string[][], results: readonly ResultRowRecord[], now: string): number {
  const replica = new ReplicaRepo(db);
  const header = uploaded[0] ?? [];
  const keep = header.map((h, i) => ({ h, i })).filter(({ h }) => h !== 'id' && (!h.includes('.') || h.endsWith('.id')));
  const keys = keep.map(({ h }) => (h.endsWith('.id') ? h.slice(0, -3) : h));
  const table = replica.ensureModule(mj.module, now);
  const cols = replica.ensureColumns(mj.module, keys, now);
  const writers = new Map<string, RecordWriter>();
  // An update by id (a review merge) names its record in the row itself: only that record
  // changes, and only if the replica holds it (a partial record would pass for a whole one).
  const byId = mj.operation === 'update' && header[0] === 'id';
  const known = byId ? replica.existingIds(mj.module, results.map((r) => uploaded[r.position + 1]?.[0] ?? '')) : null;
  let written = 0;
  for (const r of results) {
    if ((r.status !== 'added' && r.status !== 'updated') || r.recordId === null) continue;
    const cells = uploaded[r.position + 1] ?? [];
    const id = byId ? (cells[0] ?? '') : r.recordId;
    if (known !== null && !known.has(id)) continue;
    // An update leaves empty cells alone in Zoho only with ignore_empty; either way the replica
    // keeps what it had rather than guessing, and an insert has nothing to keep.
    const present = keep.map(({ i }, k) => ({ k, v: cells[i] ?? '' })).filter((x) => r.status === 'added' || x.v !== '');
    const signature = present.map((x) => x.k).join(',');
    let w = writers.get(signature);
    if (!w) {
      w = replica.prepareUpsert(table, present.map((x) => cols.get(keys[x.k] as string) ?? ''));
      writers.set(signature, w);
    }
    w.add(id, present.map((x) => (x.v === '' ? null : x.v)));
    written += 1;
  }
  for (const w of writers.values()) w.flush();
  return written;
}
