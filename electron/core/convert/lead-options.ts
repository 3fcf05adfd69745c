/**
 * One lead's conversion options as Zoho's Lead Conversion Options API would answer them (IO):
 * the lead read from the replica or a batch row, matched by the duplicate engine's Zoho rules
 * (`findLeadMatches`), with the notes and the row's review decision beside the API body.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { recordName } from '../../../shared/domain/record-name';
import type { Req, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { ReplicaMatchRepo } from '../db/repos/replica-match-repo';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { ReviewRepo } from '../db/repos/review-repo';
import { hasCompanyField, optionsNotes } from '../engines/convert/options-notes';
import type { ConversionOptions } from '../engines/dedupe/conversion-options';
import { findLeadMatches } from '../engines/dedupe/lead-matches';
import { exactKey, NAME_FIELD, personName } from '../engines/dedupe/zoho-rules';
import { batchLeads } from './lead-sources';

type Result = Res<'convert.options'>;
type MatchedBy = Result['matchedBy']['Contacts'];

const ALL_MODULES = { Contacts: true, Accounts: true };

function leadOf(db: Db, ref: Req<'convert.options'>['lead'], leadFields: readonly FieldMeta[]): { key: string; id: string | null; batchRow: number | null; values: Readonly<Record<string, string>> } {
  if (ref.kind === 'replica') {
    const values = new ReplicaRecordsRepo(db).get('Leads', ref.id);
    if (!values) throw new AppError('RECORD_NOT_FOUND', `No Lead with id ${ref.id} in the replica.`);
    return { key: ref.id, id: ref.id, batchRow: null, values };
  }
  const [lead] = [...batchLeads(db, ref.batch, [ref.row], leadFields).leads];
  if (!lead) throw new AppError('RECORD_NOT_FOUND', `Batch ${ref.batch} has no row ${ref.row} to convert (it is not there, or it is excluded).`);
  return lead;
}

/** For each listed record, which of the matched lead values its own fields hold. */
function matchedBy(repo: ReplicaMatchRepo, module: 'Contacts' | 'Accounts', options: ConversionOptions): MatchedBy {
  const out: MatchedBy = {};
  const wanted = options.preference_field_matched_value[module];
  for (const r of options[module] ?? []) {
    const fields = [...new Set(wanted.map((w) => w.field.api_name))];
    const values = repo.values(module, r.id, [...fields, 'First_Name', 'Last_Name']);
    const own = (f: string): string => (f === NAME_FIELD && module === 'Contacts' ? personName((k) => values.get(k) ?? '') : (values.get(f) ?? ''));
    out[r.id] = wanted.filter((w) => own(w.field.api_name) !== '' && exactKey(own(w.field.api_name), false) === exactKey(w.matched_lead_value, false)).map((w) => ({ field: w.field.api_name, value: w.matched_lead_value }));
  }
  return out;
}

/** The answer for one lead; `modules` says which of Contacts and Accounts the org has. */
export function leadConversionOptions(db: Db, fieldsOf: (module: string) => FieldMeta[], ref: Req<'convert.options'>['lead'], modules = ALL_MODULES): Result {
  const leadFields = fieldsOf('Leads');
  const contactFields = fieldsOf('Contacts');
  const accountFields = fieldsOf('Accounts');
  const lead = leadOf(db, ref, leadFields);
  const repo = new ReplicaMatchRepo(db);
  const options = findLeadMatches(repo, { leadFields, contactFields: modules.Contacts ? contactFields : null, accountFields: modules.Accounts ? accountFields : null }, lead.values);
  const notes = optionsNotes({ modules, leadFields, contactFields, accountFields, lead: lead.values, batchRow: lead.id === null ? lead.batchRow : null, options });

  let review: Result['review'] = null;
  if (ref.kind === 'batch') {
    const d = new ReviewRepo(db).decision(ref.batch, ref.row);
    if (d) {
      const targetValues = d.action === 'merge' ? new ReplicaRecordsRepo(db).get(d.module, d.id) : null;
      const target = d.action === 'merge' ? { module: d.module, id: d.id, name: (targetValues && recordName(d.module, (k) => targetValues[k])) || d.id } : null;
      // Whether Zoho's answer lists the review's target; null where it lists no such module at all.
      const answered = (m: string): boolean => modules.Contacts && (m === 'Contacts' || (m === 'Accounts' && modules.Accounts && hasCompanyField(leadFields)));
      const listed = target && answered(target.module) ? (options?.[target.module as 'Contacts' | 'Accounts'] ?? []).some((r) => r.id === target.id) : null;
      review = { action: d.action, target, offered: listed };
      if (target && listed === false) {
        const what = target.module === 'Contacts' ? 'Contact' : 'Account';
        notes.push(`The review merges this row into ${what} ${target.name} (${target.id}), which these options do not list: Zoho accepts that merge only if the records' data matches, and answers INVALID_DATA otherwise.`);
      }
      if (d.action === 'skip') notes.push('The review skips this row: it is not offered for conversion.');
      if (d.action === 'merge-row') notes.push(`The review merged this row into row ${d.survivor} of the file: that row converts instead.`);
      if (target?.module === 'Leads') notes.push(`The review merges this row into Lead ${target.name} (${target.id}): convert that lead from the replica once the update is in Zoho.`);
    }
  }

  const v = lead.values;
  return {
    lead: { key: lead.key, id: lead.id, batchRow: lead.batchRow, name: recordName('Leads', (k) => v[k]) || lead.key, company: hasCompanyField(leadFields) ? (v.Company ?? '') : '', email: v.Email ?? '' },
    path: lead.id === null ? null : `/crm/v8/Leads/${lead.id}/__conversion_options`,
    status: options === null ? 204 : 200,
    body: options === null ? null : { __conversion_options: options },
    matchedBy: options === null ? { Contacts: {}, Accounts: {} } : { Contacts: matchedBy(repo, 'Contacts', options), Accounts: matchedBy(repo, 'Accounts', options) },
    canConvert: modules.Contacts,
    notes,
    modules,
    review,
  };
}
