/**
 * Schema 5: a batch remembers how many of its rows have errors and how many have any issue.
 *
 * Counting them walks every issue of the batch (80 ms on 200,000 issues), and the summary the
 * window asks for after each change ran that count on the main thread. The worker that writes
 * a batch's issues counts them once at the end; an edit adjusts the counts by its rows; NULL
 * means not known, and the count is then made the slow way.
 */
export const version = 5;

export const sql = `
ALTER TABLE batches ADD COLUMN rows_invalid INTEGER;
ALTER TABLE batches ADD COLUMN rows_flagged INTEGER;
`;
