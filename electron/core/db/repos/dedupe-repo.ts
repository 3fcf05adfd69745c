/**
 * SQL for dedupe runs: the latest run of a batch, its review queue, candidates and clusters.
 */
import crypto from 'node:crypto';
import type { Db } from '../open';
import { multiRowInsert } from './multi-row-insert';

/** One row of the review queue as a run stored it. */
export interface StoredDedupeRow {
  row: number;
  title: string;
  bestScore: number;
  /** null: the best candidate is another row of the batch. */
  bestModule: string | null;
  bestId: string | null;
  bestTitle: string | null;
  bestRule: string;
  bestLocked: boolean;
  /** Candidates in the replica. */
  candidates: number;
  cluster: number | null;
}

/** One candidate of a row: a replica record (module set) or another row (module null, id = row number). */
export interface StoredCandidate {
  row: number;
  rank: number;
  module: string | null;
  recordId: string;
  score: number;
  rule: string;
  matchedJson: string;
}

export interface StoredRun {
  summaryJson: string;
  ranAt: string;
  batchState: string;
  replicaState: string;
}

export type QueueFilter = 'open' | 'decided' | 'all';

/** A queue row with its decision (JSON) when it has one. */
export interface QueueRow extends Omit<StoredDedupeRow, 'bestScore'> {
  bestScore: number | null;
  decisionJson: string | null;
}

const ROW_COLUMNS = `r.row_no AS row, r.title, r.best_score AS bestScore, r.best_module AS bestModule, r.best_id AS bestId,
  r.best_title AS bestTitle, r.best_rule AS bestRule, r.best_locked AS bestLocked, r.candidates, r.cluster_no AS cluster`;

type RawRow = Omit<QueueRow, 'bestLocked'> & { bestLocked: number };
const toQueueRow = (r: RawRow): QueueRow => ({ ...r, bestLocked: r.bestLocked === 1 });

/** Repository of dedupe runs and their results. */
export class DedupeRepo {
  constructor(private readonly db: Db) {}

  /**
   * Replaces the batch's run with a new one (call inside one transaction): the old queue,
   * candidates and clusters go; decisions stay.
   */
  replaceRun(batchId: number, run: StoredRun, rows: Iterable<StoredDedupeRow>, candidates: Iterable<StoredCandidate>, clusters: Iterable<{ cluster: number; survivor: number }>): void {
    for (const table of ['dedupe_rows', 'dedupe_candidates', 'dedupe_clusters', 'dedupe_runs']) {
      // The table names are our own constants, never user input.
      this.db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(batchId);
    }
    this.db
      .prepare('INSERT INTO dedupe_runs (batch_id, ran_at, summary_json, batch_state, replica_state) VALUES (?, ?, ?, ?, ?)')
      .run(batchId, run.ranAt, run.summaryJson, run.batchState, run.replicaState);
    const rowInto = 'INSERT INTO dedupe_rows (batch_id, row_no, title, best_score, best_module, best_id, best_title, best_rule, best_locked, candidates, cluster_no) VALUES';
    const oneRow = this.db.prepare(`${rowInto} (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const rowWriter = multiRowInsert(this.db, rowInto, 11, 64, (v) => oneRow.run(v));
    for (const r of rows) {
      rowWriter.add([batchId, r.row, r.title, r.bestScore, r.bestModule, r.bestId, r.bestTitle, r.bestRule, r.bestLocked ? 1 : 0, r.candidates, r.cluster]);
    }
    rowWriter.flush();
    const candInto = 'INSERT INTO dedupe_candidates (batch_id, row_no, rank, module, record_id, score, rule, matched_json) VALUES';
    const oneCand = this.db.prepare(`${candInto} (?, ?, ?, ?, ?, ?, ?, ?)`);
    const candWriter = multiRowInsert(this.db, candInto, 8, 64, (v) => oneCand.run(v));
    for (const c of candidates) candWriter.add([batchId, c.row, c.rank, c.module, c.recordId, c.score, c.rule, c.matchedJson]);
    candWriter.flush();
    const cl = this.db.prepare('INSERT INTO dedupe_clusters (batch_id, cluster_no, suggested_survivor) VALUES (?, ?, ?)');
    for (const c of clusters) cl.run(batchId, c.cluster, c.survivor);
  }

  run(batchId: number): StoredRun | null {
    return (
      (this.db
        .prepare('SELECT summary_json AS summaryJson, ran_at AS ranAt, batch_state AS batchState, replica_state AS replicaState FROM dedupe_runs WHERE batch_id = ?')
        .get(batchId) as StoredRun | undefined) ?? null
    );
  }

  /**
   * What the batch's rows depend on: its mapping and the journaled changes in effect, but the
   * review's own (a new change or an undo changes this; undoing back to the run restores it).
   */
  batchState(batchId: number): string {
    const b = this.db.prepare('SELECT mapping_json AS m FROM batches WHERE id = ?').get(batchId) as { m: string } | undefined;
    const j = this.db
      .prepare("SELECT count(*) AS n, coalesce(max(id), 0) AS mx, coalesce(sum(id), 0) AS su FROM batch_journal WHERE batch_id = ? AND kind <> 'review' AND undone = 0")
      .get(batchId) as { n: number; mx: number; su: number };
    return crypto.createHash('sha1').update(`${b?.m ?? ''}\u0000${j.n}:${j.mx}:${j.su}`).digest('hex');
  }

  /** What the candidates depend on besides the batch: every replica load and the org metadata. */
  replicaState(): string {
    const loads = this.db.prepare('SELECT coalesce(max(id), 0) AS mx, count(*) AS n FROM replica_loads').get() as { mx: number; n: number };
    const meta = this.db.prepare("SELECT coalesce(group_concat(module || '@' || loaded_at, ','), '') AS m FROM (SELECT module, loaded_at FROM org_metadata ORDER BY module)").get() as { m: string };
    return crypto.createHash('sha1').update(`${loads.mx}:${loads.n}\u0000${meta.m}`).digest('hex');
  }

  /** A page of the queue, with each row's decision, and how many rows the filter holds. */
  queue(batchId: number, filter: QueueFilter, sort: 'score' | 'row', offset: number, limit: number): { total: number; rows: QueueRow[] } {
    const order = sort === 'score' ? 'ORDER BY bestScore IS NULL, bestScore DESC, row' : 'ORDER BY row';
    if (filter === 'open') {
      const total = (
        this.db
          .prepare('SELECT count(*) AS n FROM dedupe_rows r WHERE r.batch_id = ? AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.batch_id = r.batch_id AND d.row_no = r.row_no)')
          .get(batchId) as { n: number }
      ).n;
      const rows = this.db
        .prepare(
          `SELECT ${ROW_COLUMNS}, NULL AS decisionJson FROM dedupe_rows r
           WHERE r.batch_id = ? AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.batch_id = r.batch_id AND d.row_no = r.row_no)
           ${sort === 'score' ? 'ORDER BY r.best_score DESC, r.row_no' : 'ORDER BY r.row_no'} LIMIT ? OFFSET ?`,
        )
        .all(batchId, limit, offset) as RawRow[];
      return { total, rows: rows.map(toQueueRow) };
    }
    if (filter === 'decided') {
      // Decided rows a later run no longer found anything for are still listed (score null).
      const total = (this.db.prepare('SELECT count(*) AS n FROM review_decisions WHERE batch_id = ?').get(batchId) as { n: number }).n;
      const rows = this.db
        .prepare(
          `SELECT d.row_no AS row, coalesce(r.title, '') AS title, r.best_score AS bestScore, r.best_module AS bestModule, r.best_id AS bestId,
             r.best_title AS bestTitle, coalesce(r.best_rule, 'fuzzy') AS bestRule, coalesce(r.best_locked, 0) AS bestLocked,
             coalesce(r.candidates, 0) AS candidates, r.cluster_no AS cluster, d.decision_json AS decisionJson
           FROM review_decisions d LEFT JOIN dedupe_rows r ON r.batch_id = d.batch_id AND r.row_no = d.row_no
           WHERE d.batch_id = ? ${order} LIMIT ? OFFSET ?`,
        )
        .all(batchId, limit, offset) as RawRow[];
      return { total, rows: rows.map(toQueueRow) };
    }
    const total = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT row_no FROM dedupe_rows WHERE batch_id = ? UNION SELECT row_no FROM review_decisions WHERE batch_id = ?)`,
        )
        .get(batchId, batchId) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT * FROM (SELECT ${ROW_COLUMNS}, d.decision_json AS decisionJson FROM dedupe_rows r
           LEFT JOIN review_decisions d ON d.batch_id = r.batch_id AND d.row_no = r.row_no WHERE r.batch_id = ?
         UNION ALL
         SELECT d.row_no AS row, '' AS title, NULL AS bestScore, NULL AS bestModule, NULL AS bestId, NULL AS bestTitle, 'fuzzy' AS bestRule,
           0 AS bestLocked, 0 AS candidates, NULL AS cluster, d.decision_json AS decisionJson FROM review_decisions d
           WHERE d.batch_id = ? AND NOT EXISTS (SELECT 1 FROM dedupe_rows r WHERE r.batch_id = d.batch_id AND r.row_no = d.row_no))
         ${order} LIMIT ? OFFSET ?`,
      )
      .all(batchId, batchId, limit, offset) as RawRow[];
    return { total, rows: rows.map(toQueueRow) };
  }

  /** The queue entry of one row, or null when the run found nothing for it. */
  rowOf(batchId: number, row: number): StoredDedupeRow | null {
    const r = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM dedupe_rows r WHERE r.batch_id = ? AND r.row_no = ?`).get(batchId, row) as RawRow | undefined;
    if (!r) return null;
    const q = toQueueRow(r);
    return { ...q, bestScore: q.bestScore ?? 0 };
  }

  /** A row's candidates, best first (replica records and other rows). */
  candidates(batchId: number, row: number): StoredCandidate[] {
    return this.db
      .prepare(
        'SELECT row_no AS row, rank, module, record_id AS recordId, score, rule, matched_json AS matchedJson FROM dedupe_candidates WHERE batch_id = ? AND row_no = ? ORDER BY rank',
      )
      .all(batchId, row) as StoredCandidate[];
  }

  /** The rows of a cluster, in row order. */
  clusterRows(batchId: number, cluster: number): number[] {
    return (this.db.prepare('SELECT row_no AS row FROM dedupe_rows WHERE batch_id = ? AND cluster_no = ? ORDER BY row_no').all(batchId, cluster) as { row: number }[]).map((r) => r.row);
  }

  suggestedSurvivor(batchId: number, cluster: number): number | null {
    const r = this.db.prepare('SELECT suggested_survivor AS s FROM dedupe_clusters WHERE batch_id = ? AND cluster_no = ?').get(batchId, cluster) as { s: number } | undefined;
    return r ? r.s : null;
  }

  /** Moves a row in or out (null) of a cluster (a split, or its undo). */
  setCluster(batchId: number, row: number, cluster: number | null): void {
    this.db.prepare('UPDATE dedupe_rows SET cluster_no = ? WHERE batch_id = ? AND row_no = ?').run(cluster, batchId, row);
  }

  /** Every cluster of the batch with its rows, in cluster order (for the CLI's output). */
  clusters(batchId: number): number[][] {
    const out = new Map<number, number[]>();
    for (const r of this.db.prepare('SELECT cluster_no AS c, row_no AS row FROM dedupe_rows WHERE batch_id = ? AND cluster_no IS NOT NULL ORDER BY cluster_no, row_no').iterate(batchId) as IterableIterator<{
      c: number;
      row: number;
    }>) {
      const list = out.get(r.c);
      if (list) list.push(r.row);
      else out.set(r.c, [r.row]);
    }
    return [...out.values()].filter((rows) => rows.length > 1);
  }

  /** The candidates of the next `rows` queue rows after `afterRow`, in row and rank order. */
  candidatesAfter(batchId: number, afterRow: number, rows: number): StoredCandidate[] {
    return this.db
      .prepare(
        `SELECT row_no AS row, rank, module, record_id AS recordId, score, rule, matched_json AS matchedJson FROM dedupe_candidates
         WHERE batch_id = ? AND row_no IN (SELECT row_no FROM dedupe_rows WHERE batch_id = ? AND row_no > ? ORDER BY row_no LIMIT ?) ORDER BY row_no, rank`,
      )
      .all(batchId, batchId, afterRow, rows) as StoredCandidate[];
  }

  /** A page of clusters (each its rows in order) and how many there are. */
  clusterPage(batchId: number, offset: number, limit: number): { total: number; clusters: number[][] } {
    const total = (this.db.prepare('SELECT count(DISTINCT cluster_no) AS n FROM dedupe_rows WHERE batch_id = ? AND cluster_no IS NOT NULL').get(batchId) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT cluster_no AS c, row_no AS row FROM dedupe_rows WHERE batch_id = ? AND cluster_no IN
           (SELECT DISTINCT cluster_no FROM dedupe_rows WHERE batch_id = ? AND cluster_no IS NOT NULL ORDER BY cluster_no LIMIT ? OFFSET ?)
         ORDER BY cluster_no, row_no`,
      )
      .all(batchId, batchId, limit, offset) as { c: number; row: number }[];
    const out = new Map<number, number[]>();
    for (const r of rows) out.set(r.c, [...(out.get(r.c) ?? []), r.row]);
    return { total, clusters: [...out.values()] };
  }

  /** Every candidate of the batch in row and rank order (the CLI's output), a page at a time. */
  *eachCandidate(batchId: number): Generator<StoredCandidate> {
    const stmt = this.db.prepare(
      `SELECT row_no AS row, rank, module, record_id AS recordId, score, rule, matched_json AS matchedJson FROM dedupe_candidates
       WHERE batch_id = ? AND (row_no > ? OR (row_no = ? AND rank > ?)) ORDER BY row_no, rank LIMIT 5000`,
    );
    let row = 0;
    let rank = -1;
    for (;;) {
      const page = stmt.all(batchId, row, row, rank) as StoredCandidate[];
      if (page.length === 0) return;
      yield* page;
      const last = page[page.length - 1] as StoredCandidate;
      row = last.row;
      rank = last.rank;
    }
  }

  /** Rows with no decision whose best score reaches `minScore`. */
  undecidedAtLeast(batchId: number, minScore: number): StoredDedupeRow[] {
    return (
      this.db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM dedupe_rows r WHERE r.batch_id = ? AND r.best_score >= ?
           AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.batch_id = r.batch_id AND d.row_no = r.row_no) ORDER BY r.row_no`,
        )
        .all(batchId, minScore) as RawRow[]
    ).map((r) => ({ ...toQueueRow(r), bestScore: r.bestScore ?? 0 }));
  }

  /** Rows at `minScore` or above that already have a decision. */
  decidedAtLeast(batchId: number, minScore: number): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM dedupe_rows r JOIN review_decisions d ON d.batch_id = r.batch_id AND d.row_no = r.row_no WHERE r.batch_id = ? AND r.best_score >= ?')
        .get(batchId, minScore) as { n: number }
    ).n;
  }

  /** Queue rows without a decision. */
  openCount(batchId: number): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM dedupe_rows r WHERE r.batch_id = ? AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.batch_id = r.batch_id AND d.row_no = r.row_no)')
        .get(batchId) as { n: number }
    ).n;
  }
}
