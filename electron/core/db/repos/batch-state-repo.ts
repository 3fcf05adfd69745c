/**
 * SQL for what the user did to a batch: its mapping, cell edits, excluded rows, and issues.
 */
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import type { Db } from '../open';
import { multiRowInsert, type SqlValue } from './multi-row-insert';

const ISSUES_PER_INSERT = 64;

/** Rows with an error, and rows with any issue (excluded rows included). */
interface RowTally {
  invalid: number;
  flagged: number;
}

export interface IssueCounts {
  valid: number;
  warnings: number;
  invalid: number;
  excluded: number;
}

/** Repository of a batch's mutable state (the source rows themselves never change). */
export class BatchStateRepo {
  constructor(private readonly db: Db) {}

  setMapping(batchId: number, mapping: BatchMapping): void {
    this.db.prepare('UPDATE batches SET mapping_json = ? WHERE id = ?').run(JSON.stringify(mapping), batchId);
  }

  edits(batchId: number): Map<number, Map<string, string>> {
    const out = new Map<number, Map<string, string>>();
    for (const r of this.db.prepare('SELECT row_no AS row, field, value FROM batch_edits WHERE batch_id = ?').iterate(batchId) as IterableIterator<{
      row: number;
      field: string;
      value: string;
    }>) {
      const m = out.get(r.row) ?? new Map<string, string>();
      m.set(r.field, r.value);
      out.set(r.row, m);
    }
    return out;
  }

  editsOfRows(batchId: number, rows: readonly number[]): Map<number, Map<string, string>> {
    const out = new Map<number, Map<string, string>>();
    const stmt = this.db.prepare('SELECT field, value FROM batch_edits WHERE batch_id = ? AND row_no = ?');
    for (const row of rows) {
      const list = stmt.all(batchId, row) as { field: string; value: string }[];
      if (list.length > 0) out.set(row, new Map(list.map((e) => [e.field, e.value])));
    }
    return out;
  }

  /** The edit of one cell, or null when the cell shows its computed value. */
  edit(batchId: number, row: number, field: string): string | null {
    const r = this.db.prepare('SELECT value FROM batch_edits WHERE batch_id = ? AND row_no = ? AND field = ?').get(batchId, row, field) as
      | { value: string }
      | undefined;
    return r ? r.value : null;
  }

  setEdit(batchId: number, row: number, field: string, value: string | null): void {
    if (value === null) {
      this.db.prepare('DELETE FROM batch_edits WHERE batch_id = ? AND row_no = ? AND field = ?').run(batchId, row, field);
    } else {
      this.db
        .prepare('INSERT INTO batch_edits (batch_id, row_no, field, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value')
        .run(batchId, row, field, value);
    }
  }

  excludedRows(batchId: number): Set<number> {
    return new Set((this.db.prepare('SELECT row_no AS r FROM batch_excluded WHERE batch_id = ?').all(batchId) as { r: number }[]).map((x) => x.r));
  }

  /** Which of these rows are excluded (a page's worth, without reading every exclusion). */
  excludedAmong(batchId: number, rows: readonly number[]): Set<number> {
    const stmt = this.db.prepare('SELECT 1 FROM batch_excluded WHERE batch_id = ? AND row_no = ?');
    return new Set(rows.filter((r) => stmt.get(batchId, r) !== undefined));
  }

  /** A page of excluded row numbers in row order, and how many there are. */
  excludedPage(batchId: number, offset: number, limit: number): { total: number; rows: number[] } {
    const total = (this.db.prepare('SELECT count(*) AS n FROM batch_excluded WHERE batch_id = ?').get(batchId) as { n: number }).n;
    const rows = (
      this.db.prepare('SELECT row_no AS r FROM batch_excluded WHERE batch_id = ? ORDER BY row_no LIMIT ? OFFSET ?').all(batchId, limit, offset) as { r: number }[]
    ).map((x) => x.r);
    return { total, rows };
  }

  setExcluded(batchId: number, rows: readonly number[], excluded: boolean): void {
    const stmt = excluded
      ? this.db.prepare('INSERT OR IGNORE INTO batch_excluded (batch_id, row_no) VALUES (?, ?)')
      : this.db.prepare('DELETE FROM batch_excluded WHERE batch_id = ? AND row_no = ?');
    for (const r of rows) stmt.run(batchId, r);
  }

  /** Replaces every issue of the batch (a full validation; call rememberCounts when done). */
  replaceIssues(batchId: number, issues: Iterable<Issue>): void {
    this.db.prepare('DELETE FROM batch_issues WHERE batch_id = ?').run(batchId);
    this.insertIssues(batchId, issues);
  }

  /** Replaces the issues of some rows (after an edit); the remembered counts follow. */
  replaceRowIssues(batchId: number, rows: readonly number[], issues: Iterable<Issue>): void {
    const known = this.rememberedCounts(batchId);
    const before = this.tallyRows(batchId, rows);
    const del = this.db.prepare('DELETE FROM batch_issues WHERE batch_id = ? AND row_no = ?');
    for (const r of rows) del.run(batchId, r);
    this.insertIssues(batchId, issues);
    if (known !== null) {
      const after = this.tallyRows(batchId, rows);
      this.storeCounts(batchId, { invalid: known.invalid - before.invalid + after.invalid, flagged: known.flagged - before.flagged + after.flagged });
    }
  }

  /** Counts the batch's rows with errors and with any issue, and remembers the counts. */
  rememberCounts(batchId: number): void {
    this.storeCounts(batchId, this.tallyAll(batchId));
  }

  private rememberedCounts(batchId: number): RowTally | null {
    const r = this.db.prepare('SELECT rows_invalid AS invalid, rows_flagged AS flagged FROM batches WHERE id = ?').get(batchId) as
      | { invalid: number | null; flagged: number | null }
      | undefined;
    return r && r.invalid !== null && r.flagged !== null ? { invalid: r.invalid, flagged: r.flagged } : null;
  }

  private storeCounts(batchId: number, t: RowTally | null): void {
    this.db.prepare('UPDATE batches SET rows_invalid = ?, rows_flagged = ? WHERE id = ?').run(t?.invalid ?? null, t?.flagged ?? null, batchId);
  }

  /** Rows of the batch with an error, and with any issue. */
  private tallyAll(batchId: number): RowTally {
    // Two small queries instead of one: each DISTINCT walks an index in row order, where a
    // single query with two DISTINCTs sorted a temporary B-tree (120 ms on 200,000 issues).
    const n = (sql: string): number => (this.db.prepare(sql).get(batchId) as { n: number }).n;
    return {
      invalid: n("SELECT count(*) AS n FROM (SELECT DISTINCT row_no FROM batch_issues WHERE batch_id = ? AND severity = 'error')"),
      flagged: n('SELECT count(*) AS n FROM (SELECT DISTINCT row_no FROM batch_issues WHERE batch_id = ?)'),
    };
  }

  /** Which of these rows have an error, and which have any issue. */
  private tallyRows(batchId: number, rows: readonly number[]): RowTally {
    const stmt = this.db.prepare("SELECT max(severity = 'error') AS err, count(*) AS n FROM batch_issues WHERE batch_id = ? AND row_no = ?");
    const t = { invalid: 0, flagged: 0 };
    for (const r of new Set(rows)) {
      const s = stmt.get(batchId, r) as { err: number | null; n: number };
      if (s.n > 0) t.flagged += 1;
      if (s.err === 1) t.invalid += 1;
    }
    return t;
  }

  /** A writer of issues for a long run of rows, 64 to a statement; `flush` writes what is left. */
  issueWriter(batchId: number): { add(issue: Issue): void; flush(): void } {
    // Whoever writes a run of issues counts them when done (rememberCounts).
    this.storeCounts(batchId, null);
    const into = 'INSERT INTO batch_issues (batch_id, row_no, col, field, code, message, severity) VALUES';
    const single = this.db.prepare(`${into} (?, ?, ?, ?, ?, ?, ?)`);
    const rows = multiRowInsert(this.db, into, 7, ISSUES_PER_INSERT, (row) => single.run(row));
    const row: SqlValue[] = [batchId, 0, null, null, '', '', ''];
    return {
      add(i) {
        row[1] = i.row;
        row[2] = i.column;
        row[3] = i.field;
        row[4] = i.code;
        row[5] = i.message;
        row[6] = i.severity;
        rows.add(row);
      },
      flush: () => rows.flush(),
    };
  }

  private insertIssues(batchId: number, issues: Iterable<Issue>): void {
    const writer = this.issueWriter(batchId);
    for (const i of issues) writer.add(i);
    writer.flush();
  }

  /** Issues in row order; `limit` caps the list (the CLI shows the first 1000). */
  issues(batchId: number, limit: number, offset = 0): Issue[] {
    return (
      this.db
        .prepare(
          `SELECT i.row_no AS row, i.col AS "column", i.field, i.code, i.message, i.severity FROM batch_issues i
           WHERE i.batch_id = ? AND NOT EXISTS (SELECT 1 FROM batch_excluded x WHERE x.batch_id = i.batch_id AND x.row_no = i.row_no)
           ORDER BY i.row_no, i.rowid LIMIT ? OFFSET ?`,
        )
        .all(batchId, limit, offset) as Issue[]
    ).map((i) => ({ ...i }));
  }

  /** The next rows with issues after `afterRow` (excluded rows left out), for whole-batch scans. */
  rowsWithIssuesAfter(batchId: number, afterRow: number, limit: number): number[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT row_no AS r FROM batch_issues
           WHERE batch_id = ? AND row_no > ? AND row_no NOT IN (SELECT row_no FROM batch_excluded WHERE batch_id = ?)
           ORDER BY row_no LIMIT ?`,
        )
        .all(batchId, afterRow, batchId, limit) as { r: number }[]
    ).map((x) => x.r);
  }

  issuesOfRows(batchId: number, rows: readonly number[]): Map<number, Issue[]> {
    const out = new Map<number, Issue[]>();
    const stmt = this.db.prepare('SELECT row_no AS row, col AS "column", field, code, message, severity FROM batch_issues WHERE batch_id = ? AND row_no = ? ORDER BY rowid');
    for (const r of rows) {
      const list = stmt.all(batchId, r) as Issue[];
      if (list.length > 0) out.set(r, list);
    }
    return out;
  }

  /** Rows (not excluded) by their worst issue, plus the excluded count. */
  counts(batchId: number, totalRows: number): IssueCounts {
    const excluded = (this.db.prepare('SELECT count(*) AS n FROM batch_excluded WHERE batch_id = ?').get(batchId) as { n: number }).n;
    const all = this.rememberedCounts(batchId) ?? this.tallyAll(batchId);
    const n = (sql: string): number => (this.db.prepare(sql).get(batchId) as { n: number }).n;
    const invalidExcluded =
      excluded === 0
        ? 0
        : n(
            "SELECT count(*) AS n FROM batch_excluded x WHERE x.batch_id = ? AND EXISTS (SELECT 1 FROM batch_issues i WHERE i.batch_id = x.batch_id AND i.row_no = x.row_no AND i.severity = 'error')",
          );
    const flaggedExcluded =
      excluded === 0 ? 0 : n('SELECT count(*) AS n FROM batch_excluded x WHERE x.batch_id = ? AND EXISTS (SELECT 1 FROM batch_issues i WHERE i.batch_id = x.batch_id AND i.row_no = x.row_no)');
    const r = { invalid: all.invalid - invalidExcluded, flagged: all.flagged - flaggedExcluded };
    return { valid: totalRows - excluded - r.flagged, warnings: r.flagged - r.invalid, invalid: r.invalid, excluded };
  }

  /** Row numbers with issues of a severity (or any), in order, for filtered paging. */
  rowsWithIssues(batchId: number, severity: 'error' | 'warning' | 'any', limit: number, offset: number): { total: number; rows: number[] } {
    const cond = severity === 'any' ? '' : severity === 'error' ? "AND severity = 'error'" : "AND severity = 'warning' AND row_no NOT IN (SELECT row_no FROM batch_issues WHERE batch_id = ? AND severity = 'error')";
    const params = severity === 'warning' ? [batchId, batchId] : [batchId];
    const base = `FROM batch_issues WHERE batch_id = ? ${cond} AND row_no NOT IN (SELECT row_no FROM batch_excluded WHERE batch_id = ?)`;
    // The totals are the batch counts (rows are counted by their worst issue, as here).
    const c = this.counts(batchId, 0);
    const total = severity === 'any' ? c.invalid + c.warnings : severity === 'error' ? c.invalid : c.warnings;
    const rows = (this.db.prepare(`SELECT DISTINCT row_no AS r ${base} ORDER BY row_no LIMIT ? OFFSET ?`).all(...params, batchId, limit, offset) as { r: number }[]).map((x) => x.r);
    return { total, rows };
  }
}
