/**
 * Schema 8: the duplicate review. The latest dedupe run of each batch (its summary and what the
 * batch and the replica looked like, to tell when it is stale), the rows it found something
 * for (the review queue, paged by score from its index), each row's candidates, the clusters
 * of rows of the batch, and the user's decision per row.
 *
 * A run replaces the previous one in one transaction; decisions outlive runs (they are the
 * user's work; the export reads them), so a re-run never loses one.
 */
export const version = 8;

export const sql = `
CREATE TABLE dedupe_runs (
  batch_id       INTEGER PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE,
  ran_at         TEXT NOT NULL,
  summary_json   TEXT NOT NULL,
  batch_state    TEXT NOT NULL,
  replica_state  TEXT NOT NULL
);

CREATE TABLE dedupe_rows (
  batch_id     INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no       INTEGER NOT NULL,
  title        TEXT NOT NULL,
  best_score   REAL NOT NULL,
  best_module  TEXT,
  best_id      TEXT,
  best_title   TEXT,
  best_rule    TEXT NOT NULL,
  best_locked  INTEGER NOT NULL DEFAULT 0,
  candidates   INTEGER NOT NULL,
  cluster_no   INTEGER,
  PRIMARY KEY (batch_id, row_no)
) WITHOUT ROWID;
CREATE INDEX dedupe_rows_score ON dedupe_rows (batch_id, best_score DESC, row_no);
CREATE INDEX dedupe_rows_cluster ON dedupe_rows (batch_id, cluster_no) WHERE cluster_no IS NOT NULL;

CREATE TABLE dedupe_candidates (
  batch_id      INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no        INTEGER NOT NULL,
  rank          INTEGER NOT NULL,
  module        TEXT,
  record_id     TEXT NOT NULL,
  score         REAL NOT NULL,
  rule          TEXT NOT NULL,
  matched_json  TEXT NOT NULL,
  PRIMARY KEY (batch_id, row_no, rank)
) WITHOUT ROWID;

CREATE TABLE dedupe_clusters (
  batch_id            INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  cluster_no          INTEGER NOT NULL,
  suggested_survivor  INTEGER NOT NULL,
  PRIMARY KEY (batch_id, cluster_no)
) WITHOUT ROWID;

CREATE TABLE review_decisions (
  batch_id       INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no         INTEGER NOT NULL,
  action         TEXT NOT NULL CHECK (action IN ('merge', 'create', 'skip', 'merge-row')),
  decision_json  TEXT NOT NULL,
  PRIMARY KEY (batch_id, row_no)
) WITHOUT ROWID;
CREATE INDEX review_decisions_action ON review_decisions (batch_id, action);
`;
