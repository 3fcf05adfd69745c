/**
 * Schema 4: a batch is staged while it is imported.
 *
 * A large import commits its rows every few megabytes, so SQLite checkpoints the WAL while the
 * file is still being parsed instead of copying the whole batch over once at the end (a
 * quarter of a million-row import). Until its last transaction the batch carries the id of
 * the process importing it and no reader sees it; a cancel or a failure deletes it, and a
 * batch left behind by a process that died is deleted when the workspace is next opened.
 */
export const version = 4;

export const sql = `
ALTER TABLE batches ADD COLUMN importing_pid INTEGER;
`;
