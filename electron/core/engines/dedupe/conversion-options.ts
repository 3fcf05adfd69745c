/**
 * The `__conversion_options` Zoho would answer for a lead, computed offline (pure).
 *
 * The lead conversion work (issue 11) calls `conversionOptions` to know which Contacts and
 * Accounts a lead would merge into; `findLeadMatches` (lead-matches.ts) is its IO companion
 * over the replica. The shape follows seed S0 and ZOHO-SPEC §5.4; the module ids Zoho adds to
 * `module_preference` are org-specific and unknown offline, so only `api_name` is given.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { uniqueFields, zohoMatches, type ExactFinder, type ZohoHit } from './zoho-rules';

/** One matching record as the options list it: its id and the summary fields Zoho shows. */
export interface ConversionRecord {
  id: string;
  [field: string]: string | null | boolean | { name: string; id: string } | undefined;
}

/** A field of a matched record and the lead value it matched (`preference_field_matched_value`). */
export interface MatchedLeadValue {
  field: { api_name: string };
  matched_lead_value: string;
}

/** The offline `__conversion_options` of one lead. */
export interface ConversionOptions {
  module_preference: { api_name: 'Contacts' | 'Accounts' };
  /** null when the Contacts module is not part of the org (then there is no answer at all). */
  Contacts: ConversionRecord[] | null;
  /** null when Accounts is not part of the org or the lead has no Company field. */
  Accounts: ConversionRecord[] | null;
  preference_field_matched_value: { Contacts: MatchedLeadValue[]; Accounts: MatchedLeadValue[] };
}

/** What conversionOptions needs to know about the org and the lead. */
export interface ConversionOptionsInput {
  /** The lead's values by Leads field API name ('' or missing for empty). */
  lead: (field: string) => string;
  /** The org's Leads metadata (its conversion mapping; whether it has a Company field). */
  leadFields: readonly FieldMeta[];
  /** The org's Contacts metadata, or null when the Contacts module is removed from the org. */
  contactFields: readonly FieldMeta[] | null;
  /** The org's Accounts metadata, or null when the Accounts module is removed from the org. */
  accountFields: readonly FieldMeta[] | null;
  finder: ExactFinder;
  /** The summary values of a matched record (Full_Name, Email, Phone, Account_Name, Locked__s…). */
  describe(module: 'Contacts' | 'Accounts', id: string): Omit<ConversionRecord, 'id'>;
}

/** Which module Zoho prefers: Contacts, unless Contacts has no unique field and Accounts has one. */
export function modulePreference(contactFields: readonly FieldMeta[] | null, accountFields: readonly FieldMeta[] | null): 'Contacts' | 'Accounts' {
  const contactsUnique = contactFields !== null && uniqueFields(contactFields).length > 0;
  const accountsUnique = accountFields !== null && uniqueFields(accountFields).length > 0;
  return !contactsUnique && accountsUnique ? 'Accounts' : 'Contacts';
}

function matchedValues(hits: ZohoHit[]): MatchedLeadValue[] {
  const out: MatchedLeadValue[] = [];
  const seen = new Set<string>();
  // Rule order first (unique fields before Email / Account_Name), as Zoho lists them.
  const order = ['unique', 'email', 'account-name', 'system', 'name'];
  const all = hits.flatMap((h) => h.matched).sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  for (const m of all) {
    const key = `${m.field}\u0000${m.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field: { api_name: m.field }, matched_lead_value: m.value });
  }
  return out;
}

/**
 * The conversion options of one lead, or null where Zoho answers 204 (No Content): the
 * Contacts module is removed from the org, or nothing matches at all.
 *
 * Accounts are not matched when the org has no Accounts module (only Contact options are
 * listed) or the Leads module has no Company field (account matching is skipped). Records come
 * best rule first; each appears once.
 */
export function conversionOptions(input: ConversionOptionsInput): ConversionOptions | null {
  if (input.contactFields === null) return null;
  const source = { module: 'Leads', fields: input.leadFields, values: input.lead };
  const contactHits = zohoMatches(source, { module: 'Contacts', fields: input.contactFields }, input.finder);
  const hasCompany = input.leadFields.some((f) => f.apiName === 'Company');
  const accountHits =
    input.accountFields !== null && hasCompany ? zohoMatches(source, { module: 'Accounts', fields: input.accountFields }, input.finder) : [];
  if (contactHits.length === 0 && accountHits.length === 0) return null;
  const records = (module: 'Contacts' | 'Accounts', hits: ZohoHit[]): ConversionRecord[] => hits.map((h) => ({ ...input.describe(module, h.id), id: h.id }));
  return {
    module_preference: { api_name: modulePreference(input.contactFields, input.accountFields) },
    Contacts: records('Contacts', contactHits),
    Accounts: input.accountFields !== null && hasCompany ? records('Accounts', accountHits) : null,
    preference_field_matched_value: { Contacts: matchedValues(contactHits), Accounts: matchedValues(accountHits) },
  };
}
