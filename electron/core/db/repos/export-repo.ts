/**
 * SQL for exports: the history, their jobs, and the result rows loaded back.
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';

/** One export as the history lists it. */
export interface ExportRecord {
  id: number;
  createdAt: string;
  folder: string;
  operation: string;
  apiVersion: string;
  batches: number[];
  manifestJson: string | null;
  status: 'running' | 'done';
}

/** One job of an export, with what its loaded result said. */
export interface ExportJobRecord {
  exportId: number;
  job: number;
  batch: number;
  module: string;
  operation: string;
  stage: number;
  zip: string;
  rows: number;
  loadedAt: string | null;
  added: number;
  updated: number;
  skipped: number;
  unprocessed: number;
}

/** One result row as stored. */
export interface ResultRowRecord {
  position: number;
  batch: number;
  row: number;
  status: string;
  recordId: string | null;
  errors: string;
}

interface ExportRow {
  id: number;
  created_at: string;
  folder: string;
  operation: string;
  api_version: string;
  batches_json: string;
  manifest_json: string | null;
  status: 'running' | 'done';
}

function toRecord(r: ExportRow): ExportRecord {
  return {
    id: r.id,
    createdAt: r.created_at,
    folder: r.folder,
    operation: r.operation,
    apiVersion: r.api_version,
    batches: JSON.parse(r.batches_json) as number[],
    manifestJson: r.manifest_json,
    status: r.status,
  };
}

const JOB_COLUMNS = `export_id AS exportId, job_no AS job, batch_id AS batch, module, operation, stage, zip, rows,
  loaded_at AS loadedAt, added, updated, skipped, unprocessed`;

/** Repository of exports and their results. */
export class ExportRepo {
  /** Statements the export runs once per page of a batch, prepared once. */
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Statement {
    let s = this.prepared.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.prepared.set(sql, s);
    }
    return s;
  }

  /** Registers an export before its files are written, so its id can go into the manifest. */
  begin(e: { createdAt: string; folder: string; operation: string; apiVersion: string; batches: number[] }): number {
    const r = this.db
      .prepare(`INSERT INTO exports (created_at, folder, operation, api_version, batches_json, status) VALUES (?, ?, ?, ?, ?, 'running')`)
      .run(e.createdAt, e.folder, e.operation, e.apiVersion, JSON.stringify(e.batches));
    return Number(r.lastInsertRowid);
  }

  /** Records the written export and its jobs (one transaction). */
  finish(id: number, manifestJson: string, jobs: Omit<ExportJobRecord, 'exportId' | 'loadedAt' | 'added' | 'updated' | 'skipped' | 'unprocessed'>[]): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE exports SET manifest_json = ?, status = 'done' WHERE id = ?`).run(manifestJson, id);
      const insert = this.db.prepare(
        'INSERT INTO export_jobs (export_id, job_no, batch_id, module, operation, stage, zip, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const j of jobs) insert.run(id, j.job, j.batch, j.module, j.operation, j.stage, j.zip, j.rows);
    })();
  }

  /** Forgets an export whose files were never written (failure or cancel). */
  discard(id: number): void {
    this.db.prepare(`DELETE FROM exports WHERE id = ? AND status = 'running'`).run(id);
  }

  /** Exports that never finished (the process died while writing), for cleanup at open. */
  discardUnfinished(): number {
    return this.db.prepare(`DELETE FROM exports WHERE status = 'running'`).run().changes;
  }

  get(id: number): ExportRecord | null {
    const r = this.db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as ExportRow | undefined;
    return r ? toRecord(r) : null;
  }

  /** Finished exports, newest first. */
  list(limit: number): ExportRecord[] {
    return (this.db.prepare(`SELECT * FROM exports WHERE status = 'done' ORDER BY id DESC LIMIT ?`).all(limit) as ExportRow[]).map(toRecord);
  }

  jobs(exportId: number): ExportJobRecord[] {
    return this.db.prepare(`SELECT ${JOB_COLUMNS} FROM export_jobs WHERE export_id = ? ORDER BY job_no`).all(exportId) as ExportJobRecord[];
  }

  /** Jobs of finished exports with this many rows (the candidates a result file may belong to). */
  jobsWithRows(rows: number): ExportJobRecord[] {
    return this.db
      .prepare(
        `SELECT ${JOB_COLUMNS} FROM export_jobs WHERE rows = ? AND export_id IN (SELECT id FROM exports WHERE status = 'done') ORDER BY export_id DESC, job_no`,
      )
      .all(rows) as ExportJobRecord[];
  }

  /** Stores a job's result rows and counts; rows already stored are left as they are. */
  saveResult(exportId: number, job: number, loadedAt: string, rows: readonly ResultRowRecord[]): number {
    let inserted = 0;
    this.db.transaction(() => {
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO export_results (export_id, job_no, position, batch_id, row_no, status, record_id, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of rows) inserted += insert.run(exportId, job, r.position, r.batch, r.row, r.status, r.recordId, r.errors).changes;
      const counts = this.db
        .prepare(
          `SELECT sum(status = 'added') AS added, sum(status = 'updated') AS updated, sum(status = 'skipped') AS skipped, sum(status = 'unprocessed') AS unprocessed
           FROM export_results WHERE export_id = ? AND job_no = ?`,
        )
        .get(exportId, job) as { added: number | null; updated: number | null; skipped: number | null; unprocessed: number | null };
      this.db
        .prepare('UPDATE export_jobs SET loaded_at = coalesce(loaded_at, ?), added = ?, updated = ?, skipped = ?, unprocessed = ? WHERE export_id = ? AND job_no = ?')
        .run(loadedAt, counts.added ?? 0, counts.updated ?? 0, counts.skipped ?? 0, counts.unprocessed ?? 0, exportId, job);
    })();
    return inserted;
  }

  /** The stored result rows of one job, by position. */
  resultRows(exportId: number, job: number): ResultRowRecord[] {
    return this.db
      .prepare(
        `SELECT position, batch_id AS batch, row_no AS row, status, record_id AS recordId, errors FROM export_results
         WHERE export_id = ? AND job_no = ? ORDER BY position`,
      )
      .all(exportId, job) as ResultRowRecord[];
  }

  /** Rows of an export that Zoho skipped or left unprocessed, by batch and row. */
  failedRows(exportId: number, batch: number | null): ResultRowRecord[] {
    return this.db
      .prepare(
        `SELECT position, batch_id AS batch, row_no AS row, status, record_id AS recordId, errors FROM export_results
         WHERE export_id = ? AND status IN ('skipped', 'unprocessed') AND (? IS NULL OR batch_id = ?) ORDER BY batch_id, row_no`,
      )
      .all(exportId, batch, batch) as ResultRowRecord[];
  }

  /**
   * What Zoho said of some rows of a batch, for the batch grid: the latest loaded result of each
   * row, or for a retry batch's rows, the refusal they were made from.
   */
  resultsOfRows(batch: number, rows: readonly number[]): Map<number, { status: string; recordId: string | null; errors: string }> {
    const out = new Map<number, { status: string; recordId: string | null; errors: string }>();
    const stmt = this.db.prepare(
      'SELECT status, record_id AS recordId, errors FROM export_results WHERE batch_id = ? AND row_no = ? ORDER BY export_id DESC LIMIT 1',
    );
    const retry = this.db.prepare('SELECT status, NULL AS recordId, errors FROM export_retry_rows WHERE batch_id = ? AND row_no = ?');
    for (const r of rows) {
      const hit = (stmt.get(batch, r) ?? retry.get(batch, r)) as { status: string; recordId: string | null; errors: string } | undefined;
      if (hit) out.set(r, hit);
    }
    return out;
  }

  /** Remembers where the rows of a retry batch came from (call inside the batch's transaction). */
  recordRetryRows(batch: number, exportId: number, rows: readonly { row: number; fromBatch: number; fromRow: number; status: string; errors: string }[]): void {
    const insert = this.db.prepare(
      'INSERT INTO export_retry_rows (batch_id, row_no, export_id, from_batch, from_row, status, errors) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of rows) insert.run(batch, r.row, exportId, r.fromBatch, r.fromRow, r.status, r.errors);
  }

  /**
   * A page's issues, exclusions and edits for rows in [from, to], one query each: the export
   * reads a million rows, and a query per row would cost more than the rows themselves.
   */
  pageState(batch: number, from: number, to: number): { issues: Map<number, Issue[]>; excluded: Set<number>; edits: Map<number, Map<string, string>> } {
    const issues = new Map<number, Issue[]>();
    for (const i of this.stmt(
      'SELECT row_no AS row, col AS "column", field, code, message, severity FROM batch_issues WHERE batch_id = ? AND row_no BETWEEN ? AND ? ORDER BY row_no, rowid',
    ).iterate(batch, from, to) as IterableIterator<Issue>) {
      const list = issues.get(i.row);
      if (list) list.push({ ...i });
      else issues.set(i.row, [{ ...i }]);
    }
    const excluded = new Set(
      (this.stmt('SELECT row_no AS r FROM batch_excluded WHERE batch_id = ? AND row_no BETWEEN ? AND ?').all(batch, from, to) as { r: number }[]).map((x) => x.r),
    );
    return { issues, excluded, edits: this.editsBetween(batch, from, to) };
  }

  /** The user's edits of rows in [from, to], by row and field. */
  editsBetween(batch: number, from: number, to: number): Map<number, Map<string, string>> {
    const edits = new Map<number, Map<string, string>>();
    for (const e of this.stmt('SELECT row_no AS row, field, value FROM batch_edits WHERE batch_id = ? AND row_no BETWEEN ? AND ?').iterate(batch, from, to) as IterableIterator<{
      row: number;
      field: string;
      value: string;
    }>) {
      const m = edits.get(e.row) ?? new Map<string, string>();
      m.set(e.field, e.value);
      edits.set(e.row, m);
    }
    return edits;
  }
}
