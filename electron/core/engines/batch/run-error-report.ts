/**
 * Writing the error report of a batch (worker side): the rows with issues, their original
 * values, then the issue columns. Streamed to a temporary file beside the target and renamed
 * over it at the end, so a failure or a cancel never leaves half a report.
 */
import fs from 'node:fs';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import type { JobContext } from '../replica-load/load-types';
import { reportHeader, reportLine } from './error-report';
import { tempPathFor } from '../../fs-atomic';

export interface ErrorReportJob {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  /** Absolute path of the report. */
  file: string;
}

const PAGE = 5000;

/** Resolves with the number of rows written. */
export async function runErrorReport(job: ErrorReportJob, ctx: JobContext): Promise<{ path: string; rows: number }> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  const tmp = tempPathFor(job.file);
  let fd: number | null = null;
  try {
    const batches = new BatchRepo(db);
    const state = new BatchStateRepo(db);
    const b = batches.get(job.batchId);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${job.batchId}.`);
    }
    fd = fs.openSync(tmp, 'w');
    // A BOM, so a spreadsheet opens the report as UTF-8 and accents survive the round trip.
    fs.writeSync(fd, `\uFEFF${reportHeader(b.header)}\r\n`);
    let written = 0;
    let after = 0;
    for (;;) {
      if (ctx.cancelled()) {
        throw new AppError('CANCELLED', 'The error report was cancelled; no file was written.');
      }
      const rows = state.rowsWithIssuesAfter(job.batchId, after, PAGE);
      if (rows.length === 0) break;
      after = rows[rows.length - 1] ?? after;
      const stored = batches.rowsByNumbers(job.batchId, rows);
      const issues = state.issuesOfRows(job.batchId, rows);
      const lines: string[] = [];
      for (const r of stored) {
        const cells = [...r.cells, ...(r.extra ?? [])];
        lines.push(reportLine(r.rowNo, cells, Math.max(b.header.length, cells.length), issues.get(r.rowNo) ?? []));
      }
      fs.writeSync(fd, `${lines.join('\r\n')}\r\n`);
      written += stored.length;
      ctx.progress({ phase: 'reporting', done: written, total: written, rows: written });
    }
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, job.file);
    return { path: job.file, rows: written };
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
