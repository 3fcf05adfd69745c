/**
 * Schema 12: the batch rows a lead conversion run left out because of their duplicate review
 * decision (skip, merged into another row, merged into an existing Lead), so the run can say
 * so after the decisions change.
 */
export const version = 12;

export const sql = `
ALTER TABLE convert_runs ADD COLUMN left_out_json TEXT NOT NULL DEFAULT '{"skip":0,"mergeRow":0,"mergeLead":0,"rows":[]}';
`;
