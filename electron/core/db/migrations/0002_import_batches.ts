/**
 * Schema 2: import batches (source rows verbatim), their mapping, edits, exclusions, issues,
 * the undo journal, mapping templates and what the user mapped before.
 *
 * A batch's source rows live in their own table `batch_t<N>` (created by batch-repo) with
 * generated column names, as the replica does: no header from a file ever reaches SQL text.
 */
export const version = 2;

export const sql = `
CREATE TABLE batches (
  id                 INTEGER PRIMARY KEY,
  module             TEXT NOT NULL,
  source_name        TEXT NOT NULL,
  source_path        TEXT NOT NULL,
  source_size        INTEGER NOT NULL,
  encoding           TEXT NOT NULL,
  delimiter          TEXT NOT NULL,
  header_json        TEXT NOT NULL,
  header_fingerprint TEXT NOT NULL,
  row_count          INTEGER NOT NULL,
  ragged_rows        INTEGER NOT NULL DEFAULT 0,
  table_no           INTEGER NOT NULL UNIQUE,
  mapping_json       TEXT NOT NULL,
  created_at         TEXT NOT NULL
);

CREATE TABLE batch_edits (
  batch_id  INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no    INTEGER NOT NULL,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (batch_id, row_no, field)
);

CREATE TABLE batch_excluded (
  batch_id  INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no    INTEGER NOT NULL,
  PRIMARY KEY (batch_id, row_no)
);

CREATE TABLE batch_issues (
  batch_id  INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_no    INTEGER NOT NULL,
  col       TEXT,
  field     TEXT,
  code      TEXT NOT NULL,
  message   TEXT NOT NULL,
  severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning'))
);
CREATE INDEX batch_issues_row ON batch_issues (batch_id, row_no);
CREATE INDEX batch_issues_severity ON batch_issues (batch_id, severity, row_no);

CREATE TABLE batch_journal (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL,
  undone      INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
CREATE INDEX batch_journal_batch ON batch_journal (batch_id, id);

CREATE TABLE templates (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  module        TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  template_json TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX templates_fingerprint ON templates (fingerprint);

CREATE TABLE mapping_memory (
  module      TEXT NOT NULL,
  header_norm TEXT NOT NULL,
  field       TEXT NOT NULL,
  uses        INTEGER NOT NULL,
  last_used   TEXT NOT NULL,
  PRIMARY KEY (module, header_norm, field)
);

CREATE TABLE picklist_memory (
  module       TEXT NOT NULL,
  field        TEXT NOT NULL,
  source_value TEXT NOT NULL,
  target_value TEXT NOT NULL,
  PRIMARY KEY (module, field, source_value)
);
`;
