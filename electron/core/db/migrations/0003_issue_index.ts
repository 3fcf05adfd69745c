/**
 * Schema 3: one index on batch issues instead of two.
 *
 * A million-row import can write hundreds of thousands of issues, and each index costs every
 * insert; (batch, row, severity) serves row lookups, the per-severity counts and the filtered
 * pages alike, since each of them walks a batch's issues in row order. (Batch rows are stored
 * as blocks since this version; no earlier version wrote any, so nothing is converted.)
 */
export const version = 3;

export const sql = `
DROP INDEX batch_issues_row;
DROP INDEX batch_issues_severity;
CREATE INDEX batch_issues_row ON batch_issues (batch_id, row_no, severity);
`;
