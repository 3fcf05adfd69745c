/**
 * Schema 9: export history and the Bulk Write results loaded back.
 *
 * An export keeps its manifest (jobs, row ranges, checksums) so a result file can be matched to
 * its job and joined to the source rows by position. Each loaded result row is kept once per
 * job position, which is what makes loading the same result twice change nothing. A retry
 * batch remembers, per row, which refused row it came from and what Zoho said of it.
 */
export const version = 9;

export const sql = `
CREATE TABLE exports (
  id             INTEGER PRIMARY KEY,
  created_at     TEXT NOT NULL,
  folder         TEXT NOT NULL,
  operation      TEXT NOT NULL,
  api_version    TEXT NOT NULL,
  batches_json   TEXT NOT NULL,
  manifest_json  TEXT,
  status         TEXT NOT NULL CHECK (status IN ('running', 'done'))
);

CREATE TABLE export_jobs (
  export_id   INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
  job_no      INTEGER NOT NULL,
  batch_id    INTEGER NOT NULL,
  module      TEXT NOT NULL,
  operation   TEXT NOT NULL,
  stage       INTEGER NOT NULL,
  zip         TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  loaded_at   TEXT,
  added       INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  unprocessed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (export_id, job_no)
);

CREATE TABLE export_results (
  export_id  INTEGER NOT NULL,
  job_no     INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  batch_id   INTEGER NOT NULL,
  row_no     INTEGER NOT NULL,
  status     TEXT NOT NULL,
  record_id  TEXT,
  errors     TEXT NOT NULL,
  PRIMARY KEY (export_id, job_no, position),
  FOREIGN KEY (export_id, job_no) REFERENCES export_jobs(export_id, job_no) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX export_results_batch ON export_results (batch_id, row_no);

CREATE TABLE export_retry_rows (
  batch_id    INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no      INTEGER NOT NULL,
  export_id   INTEGER NOT NULL,
  from_batch  INTEGER NOT NULL,
  from_row    INTEGER NOT NULL,
  status      TEXT NOT NULL,
  errors      TEXT NOT NULL,
  PRIMARY KEY (batch_id, row_no)
) WITHOUT ROWID;
`;
