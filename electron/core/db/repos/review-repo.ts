/**
 * SQL for the review decisions: what the user decided for each row of a batch.
 *
 * The export (issue 10) reads decisions through `decisions` (a whole batch in a map) or
 * `eachDecision` (in row order, a page at a time, for a million rows); see
 * `engines/dedupe/update-values.ts` for how each decision becomes an operation.
 */
import type { ReviewAction, ReviewDecision } from '../../../../shared/domain/review';
import type { Db } from '../open';

/** Rows per page when iterating decisions. */
const PAGE = 5000;

export interface DecisionCounts {
  merge: number;
  create: number;
  skip: number;
  mergeRow: number;
}

/** Repository of review decisions. */
export class ReviewRepo {
  constructor(private readonly db: Db) {}

  /** Every decision of a batch, by row number. */
  decisions(batchId: number): Map<number, ReviewDecision> {
    const out = new Map<number, ReviewDecision>();
    for (const [row, d] of this.eachDecision(batchId)) out.set(row, d);
    return out;
  }

  /** The decisions of a batch in row order, read a page at a time (keyset paging). */
  *eachDecision(batchId: number): Generator<[number, ReviewDecision]> {
    const stmt = this.db.prepare('SELECT row_no AS row, decision_json AS json FROM review_decisions WHERE batch_id = ? AND row_no > ? ORDER BY row_no LIMIT ?');
    let after = 0;
    for (;;) {
      const page = stmt.all(batchId, after, PAGE) as { row: number; json: string }[];
      if (page.length === 0) return;
      for (const r of page) yield [r.row, JSON.parse(r.json) as ReviewDecision];
      after = (page[page.length - 1] as { row: number }).row;
    }
  }

  /** The decisions of some rows (those without one are absent). */
  decisionsOfRows(batchId: number, rows: readonly number[]): Map<number, ReviewDecision> {
    const stmt = this.db.prepare('SELECT decision_json AS json FROM review_decisions WHERE batch_id = ? AND row_no = ?');
    const out = new Map<number, ReviewDecision>();
    for (const row of rows) {
      const r = stmt.get(batchId, row) as { json: string } | undefined;
      if (r) out.set(row, JSON.parse(r.json) as ReviewDecision);
    }
    return out;
  }

  decision(batchId: number, row: number): ReviewDecision | null {
    return this.decisionsOfRows(batchId, [row]).get(row) ?? null;
  }

  /** Sets (or with null clears) the decision of one row; call inside the step's transaction. */
  set(batchId: number, row: number, decision: ReviewDecision | null): void {
    if (decision === null) {
      this.db.prepare('DELETE FROM review_decisions WHERE batch_id = ? AND row_no = ?').run(batchId, row);
    } else {
      this.db
        .prepare(
          `INSERT INTO review_decisions (batch_id, row_no, action, decision_json) VALUES (?, ?, ?, ?)
           ON CONFLICT (batch_id, row_no) DO UPDATE SET action = excluded.action, decision_json = excluded.decision_json`,
        )
        .run(batchId, row, decision.action, JSON.stringify(decision));
    }
  }

  /** How many rows carry each action. */
  counts(batchId: number): DecisionCounts {
    const rows = this.db.prepare('SELECT action, count(*) AS n FROM review_decisions WHERE batch_id = ? GROUP BY action').all(batchId) as { action: ReviewAction; n: number }[];
    const by = new Map(rows.map((r) => [r.action, r.n]));
    return { merge: by.get('merge') ?? 0, create: by.get('create') ?? 0, skip: by.get('skip') ?? 0, mergeRow: by.get('merge-row') ?? 0 };
  }

  /** True when some row of the batch has a decision (the export skips its decision reads otherwise). */
  hasDecisions(batchId: number): boolean {
    return this.db.prepare('SELECT 1 FROM review_decisions WHERE batch_id = ? LIMIT 1').get(batchId) !== undefined;
  }

  /** The decisions of rows in [from, to] (one query per page of an export). */
  decisionsBetween(batchId: number, from: number, to: number): Map<number, ReviewDecision> {
    const rows = this.db
      .prepare('SELECT row_no AS row, decision_json AS json FROM review_decisions WHERE batch_id = ? AND row_no BETWEEN ? AND ?')
      .all(batchId, from, to) as { row: number; json: string }[];
    return new Map(rows.map((r) => [r.row, JSON.parse(r.json) as ReviewDecision]));
  }

  /** The modules the batch's merge decisions update (their metadata goes to the export). */
  mergeModules(batchId: number): string[] {
    return (
      this.db
        .prepare("SELECT DISTINCT json_extract(decision_json, '$.module') AS m FROM review_decisions WHERE batch_id = ? AND action = 'merge' ORDER BY m")
        .all(batchId) as { m: string }[]
    ).map((r) => r.m);
  }

  /** Rows whose decision merges them into `survivor` (the members of a merged cluster). */
  rowsMergedInto(batchId: number, survivor: number): number[] {
    return (
      this.db
        .prepare("SELECT row_no AS row FROM review_decisions WHERE batch_id = ? AND action = 'merge-row' AND json_extract(decision_json, '$.survivor') = ? ORDER BY row_no")
        .all(batchId, survivor) as { row: number }[]
    ).map((r) => r.row);
  }
}
