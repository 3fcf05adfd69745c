/**
 * Schema 6: a batch remembers which users load it was last validated with.
 *
 * Owner and user columns are resolved against the org's users (replica module `Users`); a
 * batch validated before a later users load still carries the old verdicts, so the batch
 * screen offers to re-validate it. The value is the `replica_loads.id` of the latest Users
 * load at that validation, 0 when no users were loaded (every batch made before schema 6).
 */
export const version = 6;

export const sql = `
ALTER TABLE batches ADD COLUMN users_load INTEGER NOT NULL DEFAULT 0;
`;
