/**
 * Importing one CSV into a new batch (the IO part; runs inside a worker thread).
 *
 * The file is parsed in a second thread and stored verbatim on the worker's own connection,
 * while the main process keeps reading the workspace (WAL). The batch is staged: its rows are
 * committed every few megabytes, so SQLite copies the WAL into the database while the parser
 * is still busy rather than all at once at the end, and the last transaction shows the batch
 * to readers. Until then no reader sees it; a cancel or a malformed row deletes it, and one
 * left by a crash is deleted when the workspace is next opened (schema 4). The source file is
 * only ever read.
 */
import { headerFingerprint } from '../mapping/header-fingerprint';
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import { validatesWithoutReplica } from './parser-validation';
import { sameHeader } from '../../../../shared/domain/same-header';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import { rowContext } from '../batch/compute-row';
import { replicaLookup } from '../batch/replica-lookup';
import { UsersRepo } from '../../db/repos/users-repo';
import { UserDirectory } from '../users/resolve-user';
import { readUsers } from '../users/user-directory';
import { RowValidator } from '../batch/row-validator';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb, type Db } from '../../db/open';
import { BatchRepo, type RowWriter } from '../../db/repos/batch-repo';
import { isBlankRow } from '../csv/csv-batch-sink';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { cellText, type TokenBatch } from '../csv/csv-tokenizer';
import type { JobContext } from '../replica-load/load-types';
import { ENCODING_SAMPLE_BYTES } from './detect-encoding';
import type { BatchImportJob, BatchImportResult, CsvDelimiter, CsvEncoding, RaggedRow } from './import-types';
import { readFileHead } from './read-head';
import { sniffCsv, stripBom, type SniffResult } from './sniff-csv';

export type { BatchImportJob, BatchImportResult } from './import-types';

const MAX_RAGGED = 100;

/** Called with each stored row (cells as stored; `width` set when the row is ragged). */
type RowSink = (row: number, cells: ReadonlyArray<string | null>, width: number | null) => void;

const PROGRESS_EVERY_MS = 100;

/**
 * Characters of source text per commit. Each commit lets SQLite checkpoint the WAL in this
 * thread while the parser thread reads on; 16 MB keeps the WAL small and the commits few.
 */
const COMMIT_EVERY_CHARS = 16 * 1024 * 1024;

/** Imports the job's file; resolves with what was stored or rejects with a coded error. */
export async function runBatchImport(job: BatchImportJob, ctx: JobContext): Promise<BatchImportResult> {
  const { size, head } = readFileHead(job.filePath, ENCODING_SAMPLE_BYTES);
  const sniff = sniffCsv(head, head.length >= size, job);
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    // Room for a whole commit's pages, so each reaches the WAL once instead of once per spill.
    db.pragma('cache_size = -32768');
    try {
      return await importOnce(job, ctx, db, size, sniff.encoding, sniff.delimiter);
    } catch (err) {
      if (!retryAsWindows1252(err, job, sniff)) {
        throw err;
      }
      // The first 64 KiB were plain ASCII, so "UTF-8" was only a guess, and a later byte
      // proved it wrong: such files are almost always Windows-1252 (which decodes any byte).
      return await importOnce(job, ctx, db, size, 'windows-1252', sniff.delimiter);
    }
  } finally {
    db.close();
  }
}

function retryAsWindows1252(err: unknown, job: BatchImportJob, sniff: SniffResult): boolean {
  return (
    err instanceof AppError &&
    err.code === 'ENCODING_MISMATCH' &&
    job.encoding === 'auto' &&
    sniff.encoding === 'utf-8' &&
    sniff.detected.encodingConfidence === 'likely'
  );
}

async function importOnce(
  job: BatchImportJob,
  ctx: JobContext,
  db: Db,
  size: number,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
): Promise<BatchImportResult> {
  const repo = new BatchRepo(db);
  const state = new BatchStateRepo(db);
  let lastProgress = 0;
  const report = (done: number, total: number, rows: number, force = false): void => {
    const now = Date.now();
    if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      ctx.progress({ phase: 'importing', done, total, rows });
    }
  };
  const checkCancel = (): void => {
    if (ctx.cancelled()) {
      throw new AppError('CANCELLED', 'The import was cancelled; no batch was created.');
    }
  };
  // Filled in by onHeader, once the parser has found the header.
  const batch: { id: number; header: string[]; writer: RowWriter | null; onRow: RowSink | null; flushIssues: () => void; validated: boolean } = {
    id: 0,
    header: [],
    writer: null,
    onRow: null,
    flushIssues: () => undefined,
    validated: false,
  };
  const tally = { rows: 0, raggedCount: 0, ragged: [] as RaggedRow[] };

  // Without lookups to resolve in the replica, the parser thread checks the rows.
  const inParser = job.validate !== undefined && validatesWithoutReplica(JSON.parse(job.validate.mappingJson) as BatchMapping);
  let parserIssues: { add(issue: Issue): void; flush(): void } | null = null;
  let sinceCommit = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    checkCancel();
    // Read inside the import's transaction, so the users it resolves with are the ones it stamps.
    const users = job.validate ? readUsers(new ReplicaRepo(db)) : [];
    const usersLoad = new UsersRepo(db).latestLoad();
    const { total } = await parseCsvInThread(
      job.workerPath,
      { file: job.filePath, kind: 'csv', size, delimiter, encoding, validate: inParser && job.validate ? { ...job.validate, users } : undefined },
      {
        onIssues(issues) {
          for (const i of issues) parserIssues?.add(i);
        },
        onProgress(done, all) {
          report(done, all, tally.rows);
        },
        onHeader(cells) {
          const header = cells;
          header[0] = stripBom(header[0] as string);
          const plan = job.validate && sameHeader(job.validate.header, header) ? job.validate : null;
          const created = repo.createBatch({
            module: job.module,
            sourceName: job.sourceName,
            sourcePath: job.filePath,
            sourceSize: job.sourceSize,
            encoding,
            delimiter,
            header,
            headerFingerprint: headerFingerprint(header),
            // Without a plan for this header, mapped once the import is done (import.start).
            mappingJson: plan?.mappingJson ?? JSON.stringify({ module: job.module, fields: [], ignoreEmpty: false }),
            createdAt: job.now,
          }, process.pid);
          batch.id = created.id;
          batch.header = header;
          batch.writer = repo.prepareRowInsert(created.table);
          if (plan && inParser) {
            const issues = state.issueWriter(created.id);
            parserIssues = issues;
            batch.flushIssues = () => issues.flush();
            batch.validated = true;
          } else if (plan) {
            batch.validated = true;
            const mapping = JSON.parse(plan.mappingJson) as BatchMapping;
            const directory = users.length > 0 ? new UserDirectory(users) : null;
            const validator = new RowValidator(rowContext(header, mapping, plan.fields, replicaLookup(new ReplicaRepo(db)), directory));
            const issues = state.issueWriter(created.id);
            batch.onRow = (row, cells, width) => {
              for (const issue of validator.check({ row, cells, width }, undefined, false)) issues.add(issue);
            };
            batch.flushIssues = () => issues.flush();
          }
        },
        onBatch(rows, rowOffset) {
          checkCancel();
          if (batch.writer) {
            storeRows(rows, rowOffset, batch.header.length, batch.writer, tally, batch.onRow);
            sinceCommit += rows.text.length;
            if (sinceCommit >= COMMIT_EVERY_CHARS) {
              db.exec('COMMIT');
              db.exec('BEGIN IMMEDIATE');
              sinceCommit = 0;
            }
          }
        },
      },
      { skipBlankLinesBeforeHeader: true },
    );
    checkCancel();
    batch.writer?.flush();
    batch.flushIssues();
    if (batch.validated) {
      // Counted here, once, so that no summary has to walk the issues on the main thread.
      state.rememberCounts(batch.id);
      new UsersRepo(db).stampBatch(batch.id, usersLoad);
    }
    repo.finishBatch(batch.id, tally.rows, tally.raggedCount);
    db.exec('COMMIT');
    report(total, total, tally.rows, true);
    return {
      batchId: batch.id,
      rows: tally.rows,
      raggedRows: tally.ragged,
      raggedCount: tally.raggedCount,
      encoding,
      delimiter,
      header: batch.header,
      validated: batch.validated,
    };
  } catch (err) {
    if (db.inTransaction) {
      db.exec('ROLLBACK');
    }
    if (batch.id !== 0) {
      // What earlier commits stored of the staged batch goes too. Should that fail as well,
      // the error to report is still the first one; the staged batch stays hidden and goes at
      // the next open after this process ends.
      try {
        repo.discardBatch(batch.id);
      } catch {
        // see above
      }
    }
    throw err;
  }
}

/**
 * Stores the data rows of one batch and counts them. Row r is data row `rowOffset + r + 1`;
 * blank lines keep their number but are not stored. Cells are sliced out only for `onRow`.
 */
function storeRows(
  batch: TokenBatch,
  rowOffset: number,
  width: number,
  writer: RowWriter,
  tally: { rows: number; raggedCount: number; ragged: RaggedRow[] },
  onRow: RowSink | null,
): void {
  writer.addBatch(batch, rowOffset);
  const { rowStarts } = batch;
  const padded: (string | null)[] = new Array<string | null>(width).fill(null);
  for (let r = 0; r < batch.rowCount; r += 1) {
    const first = rowStarts[r] as number;
    const count = (rowStarts[r + 1] as number) - first;
    if (count === 1 && isBlankRow(batch, r)) {
      continue;
    }
    tally.rows += 1;
    const rowNo = rowOffset + r + 1;
    if (count !== width) {
      tally.raggedCount += 1;
      if (tally.ragged.length < MAX_RAGGED) {
        tally.ragged.push({ row: rowNo, fields: count });
      }
    }
    if (onRow !== null) {
      // A short row's missing cells are null; a long row's extra cells are not checked.
      for (let c = 0; c < width; c += 1) padded[c] = c < count ? cellText(batch, first + c) : null;
      onRow(rowNo, padded, count === width ? null : count);
    }
  }
}
