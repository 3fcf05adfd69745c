/**
 * What to tell the user beside a lead's offline conversion options (pure): why Zoho would
 * answer 204 or list Contacts only, how it matched, and what in the lead or the listed records
 * would stop a conversion (seed S0's "Important Points", ZOHO-SPEC §5.4).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { ConversionOptions } from '../dedupe/conversion-options';
import { systemDuplicateField, uniqueFields } from '../dedupe/zoho-rules';
import { approvalRefusal, APPROVAL_STATE_KEY, isTrue } from './record-state';

/** What the notes are worked out from. */
export interface OptionsNotesInput {
  modules: { Contacts: boolean; Accounts: boolean };
  leadFields: readonly FieldMeta[];
  contactFields: readonly FieldMeta[];
  accountFields: readonly FieldMeta[];
  lead: Readonly<Record<string, string>>;
  /** The batch row, when the lead is one that is not in Zoho yet. */
  batchRow: number | null;
  options: ConversionOptions | null;
}

function order(fields: readonly FieldMeta[], module: 'Contacts' | 'Accounts', fallback: string): string {
  const unique = uniqueFields(fields).map((f) => `${f.apiName} (unique)`);
  const system = systemDuplicateField(module);
  const hasSystem = fields.some((f) => f.apiName === system && f.unique === null);
  return [...unique, ...(hasSystem ? [system] : []), fallback].filter((x) => x !== '').join(' > ');
}

/** Whether the Leads metadata has a Company field (without one, Zoho skips account matching). */
export function hasCompanyField(leadFields: readonly FieldMeta[]): boolean {
  return leadFields.some((f) => f.apiName === 'Company');
}

/** The notes, most important first. */
export function optionsNotes(input: OptionsNotesInput): string[] {
  const out: string[] = [];
  const { modules, options, lead } = input;
  if (!modules.Contacts) {
    out.push('The Contacts module is removed from Organize Modules: Zoho does not convert leads at all, and the Lead Conversion Options API answers 204 No Content.');
    return out;
  }
  const company = hasCompanyField(input.leadFields);
  if (!modules.Accounts) out.push('The Accounts module is removed from Organize Modules: only Contact options are listed, and a conversion gives no Account.');
  else if (!company) out.push('The Leads module has no Company field: account matching is skipped, and only Contact options are listed.');
  if (options === null) out.push('Nothing in the replica matches this lead by Zoho’s rules: Zoho answers 204 No Content, and converting the lead creates new records.');
  const accountRule = modules.Accounts && company ? `; Accounts by ${order(input.accountFields, 'Accounts', '')} (from the lead’s Company)` : '';
  out.push(`Matched as Zoho matches: Contacts by ${order(input.contactFields, 'Contacts', 'the lead’s name')}${accountRule}.`);
  for (const module of ['Contacts', 'Accounts'] as const) {
    for (const r of options?.[module] ?? []) {
      if (r.Locked__s === true) {
        const name = typeof r.Full_Name === 'string' ? r.Full_Name : typeof r.Account_Name === 'string' ? r.Account_Name : r.id;
        out.push(`${name} (${r.id}) is locked: Zoho lists it, but a lead cannot be associated with a locked record.`);
      }
    }
  }
  if (isTrue(lead.Converted__s)) out.push('This lead is already converted: converting it again is refused with ID_ALREADY_CONVERTED.');
  if (isTrue(lead.Locked__s)) out.push('This lead is locked: Zoho refuses to convert it (RECORD_LOCKED).');
  const approval = approvalRefusal(lead[APPROVAL_STATE_KEY], 'lead');
  if (approval) out.push(`${approval.message} (${approval.code})`);
  if (input.batchRow !== null) out.push(`Batch row ${input.batchRow} is not in Zoho yet: this is what Zoho would answer for it once uploaded, against the replica as loaded.`);
  return out;
}
