/**
 * Schema 13: slimmer match keys, so they can be built while a replica loads.
 *
 * A record's blocking keys are stored as 32-bit hashes (a blob of little-endian Int32, about a
 * fifth of the text they replace), and the compared values are no longer copied: the dedupe
 * pass reads them from the replica table for the few records it compares. A module's term
 * counts are one packed row per kind instead of one row per term, read in one go. Keys built
 * under schema 8 are dropped and rebuilt at the next pass.
 */
export const version = 13;

export const sql = `
DROP TABLE IF EXISTS replica_match_keys;
DROP TABLE IF EXISTS replica_match_terms;
DELETE FROM replica_match_state;

CREATE TABLE replica_match_keys (
  module   TEXT NOT NULL,
  id       TEXT NOT NULL,
  email    TEXT,
  name     TEXT,
  system   TEXT,
  locked   INTEGER NOT NULL DEFAULT 0,
  blocks   BLOB NOT NULL,
  PRIMARY KEY (module, id)
) WITHOUT ROWID;

CREATE TABLE replica_match_terms (
  module  TEXT NOT NULL,
  kind    TEXT NOT NULL,
  packed  TEXT NOT NULL,
  PRIMARY KEY (module, kind)
) WITHOUT ROWID;
`;
