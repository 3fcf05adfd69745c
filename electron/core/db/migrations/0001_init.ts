/**
 * Schema 1: org metadata, the replica registry, and the load history.
 *
 * Replica records live in one table per module (`replica_t<N>`, created by replica-repo) whose
 * columns are generated names `c<N>`; `replica_columns` maps each Zoho key to its column. Using
 * generated identifiers means no header from a user's file ever reaches SQL text.
 */
export const version = 1;

export const sql = `
CREATE TABLE org_metadata (
  module       TEXT PRIMARY KEY,
  fields_json  TEXT NOT NULL,
  source_name  TEXT NOT NULL,
  loaded_at    TEXT NOT NULL
);

CREATE TABLE replica_modules (
  module       TEXT PRIMARY KEY,
  table_no     INTEGER NOT NULL UNIQUE,
  next_col     INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL
);

CREATE TABLE replica_columns (
  module    TEXT NOT NULL REFERENCES replica_modules(module) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  col       TEXT NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (module, key)
);

CREATE TABLE replica_loads (
  id              INTEGER PRIMARY KEY,
  module          TEXT NOT NULL,
  format          TEXT NOT NULL,
  source_name     TEXT NOT NULL,
  loaded          INTEGER NOT NULL,
  inserted        INTEGER NOT NULL,
  updated         INTEGER NOT NULL,
  rejected        INTEGER NOT NULL,
  unknown_columns TEXT NOT NULL,
  finished_at     TEXT NOT NULL
);
`;
