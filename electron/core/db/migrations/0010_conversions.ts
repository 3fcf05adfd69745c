/**
 * Schema 10: offline conversions and invoice previews (issue 11).
 *
 * - `convert_runs` / `convert_plans`: a set of planned lead conversions (one row per lead, the
 *   plan as JSON), so the window pages through 10,000 plans and fixes them one by one.
 * - `simulations` / `simulation_changes`: each simulated conversion applied to the replica, with
 *   every record it created and the previous values of every field it changed, so it can be
 *   undone exactly; `simulation_links` remembers which inventory record was converted into
 *   which, for Zoho's ID_ALREADY_CONVERTED.
 * - `invoice_customers` / `invoice_contact_persons`: the Zoho Invoice customers the replica's
 *   Accounts and Contacts would become, built by a worker, paged by the window.
 */
export const version = 10;

export const sql = `
CREATE TABLE convert_runs (
  id            INTEGER PRIMARY KEY,
  source_json   TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  leads         INTEGER NOT NULL DEFAULT 0,
  ready         INTEGER NOT NULL DEFAULT 0,
  refused       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE convert_plans (
  run_id        INTEGER NOT NULL REFERENCES convert_runs(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  lead_key      TEXT NOT NULL,
  lead_name     TEXT NOT NULL,
  status        TEXT NOT NULL,
  codes         TEXT NOT NULL,
  choice_json   TEXT NOT NULL,
  plan_json     TEXT NOT NULL,
  simulation_id INTEGER,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX convert_plans_by_lead ON convert_plans (run_id, lead_key);
CREATE INDEX convert_plans_by_status ON convert_plans (run_id, status, seq);

CREATE TABLE simulations (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  run_id      INTEGER,
  label       TEXT NOT NULL,
  conversions INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  undone_at   TEXT
);

CREATE TABLE simulation_changes (
  simulation_id INTEGER NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  module        TEXT NOT NULL,
  record_id     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  before_json   TEXT,
  after_json    TEXT NOT NULL,
  PRIMARY KEY (simulation_id, seq)
) WITHOUT ROWID;
CREATE INDEX simulation_changes_by_record ON simulation_changes (module, record_id);

CREATE TABLE simulation_links (
  simulation_id INTEGER NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
  parent_module TEXT NOT NULL,
  parent_id     TEXT NOT NULL,
  child_module  TEXT NOT NULL,
  child_id      TEXT NOT NULL,
  child_name    TEXT NOT NULL
);
CREATE INDEX simulation_links_by_parent ON simulation_links (parent_module, parent_id, child_module);

CREATE TABLE invoice_customers (
  seq           INTEGER PRIMARY KEY,
  source_module TEXT NOT NULL,
  source_id     TEXT NOT NULL,
  case_no       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,
  customer_json TEXT NOT NULL,
  persons       INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX invoice_customers_by_source ON invoice_customers (source_module, source_id);
CREATE INDEX invoice_customers_by_key ON invoice_customers (name_key);

CREATE TABLE invoice_contact_persons (
  customer_seq INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  person_json  TEXT NOT NULL,
  PRIMARY KEY (customer_seq, seq)
) WITHOUT ROWID;

CREATE TABLE invoice_customers_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  built_at      TEXT NOT NULL,
  replica_stamp TEXT NOT NULL,
  accounts      INTEGER NOT NULL,
  contacts      INTEGER NOT NULL,
  customers     INTEGER NOT NULL,
  duplicates    INTEGER NOT NULL
);
`;
