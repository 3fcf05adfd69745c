/**
 * What a merge decision writes into the existing record (pure): the export's side of point 5.
 *
 * How the export uses the decisions (`ReviewRepo.decisions` / `eachDecision`):
 * - `merge`  -> an update of record `decision.id` in `decision.module` (which may differ from
 *   the batch's module: a Lead merged into a Contact updates that Contact), `find_by: id`,
 *   `ignore_empty: true`, its cells exactly `updateValues(...)` (an empty result means nothing
 *   to write: the row needs no job at all);
 * - `create` -> an insert of the row as the batch maps it;
 * - `skip` and `merge-row` -> left out (a merge-row's values went into its survivor through
 *   journaled cell edits when the cluster was merged, so the survivor's own row carries them);
 * - no decision -> the operation the user asked the export for.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { targetFieldSources } from './zoho-rules';

/** The incoming row: its module, that module's metadata and its values by field API name. */
export interface IncomingRecord {
  module: string;
  fields: readonly FieldMeta[];
  values: Readonly<Record<string, string>>;
}

/**
 * The target field -> value pairs an update must write for a merge (empty for any other
 * decision). Incoming values reach the target's fields through the conversion mapping (a
 * Lead's Zip_Code is a Contact's Mailing_Zip) or by API name; read-only fields and `id` are
 * never written; a value equal to the existing one is not written again.
 *
 * - `fill-blanks`: the incoming value where the existing record has none;
 * - `incoming-wins`: every non-empty incoming value;
 * - `pick`: the fields in `picks` as chosen (`incoming` writes the incoming value, `existing`
 *   keeps the record's), the others as `fill-blanks`.
 *
 * An empty incoming value never clears an existing one: Bulk Write updates with `ignore_empty`
 * skip empty cells, and a merge is meant to add what the CRM lacks.
 */
export function updateValues(
  decision: ReviewDecision,
  incoming: IncomingRecord,
  existing: Readonly<Record<string, string | null | undefined>>,
  fields: readonly FieldMeta[],
): Record<string, string> {
  if (decision.action !== 'merge') return {};
  const sources = targetFieldSources({ module: incoming.module, fields: incoming.fields }, { module: decision.module, fields });
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.readOnly || f.apiName === 'id') continue;
    const from = sources.get(f.apiName);
    if (from === undefined) continue;
    const value = incoming.values[from] ?? '';
    if (value.trim() === '') continue;
    const current = existing[f.apiName] ?? '';
    if (current === value) continue;
    const blank = current.trim() === '';
    let write: boolean;
    if (decision.rule === 'incoming-wins') write = true;
    else if (decision.rule === 'pick' && decision.picks[f.apiName] !== undefined) write = decision.picks[f.apiName] === 'incoming';
    else write = blank;
    if (write) out[f.apiName] = value;
  }
  return out;
}
