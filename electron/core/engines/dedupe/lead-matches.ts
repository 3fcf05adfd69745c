/**
 * A lead's matches in the replica by Zoho's rules, as `__conversion_options` (the IO companion
 * of conversionOptions, for the lead conversion work).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import { conversionOptions, type ConversionOptions, type ConversionRecord } from './conversion-options';
import { exactKey } from './replica-scan';
import { NAME_FIELD, personName, type ExactFinder } from './zoho-rules';

/** The org as the options see it: each module's metadata, null for a module the org removed. */
export interface LeadMatchOrg {
  leadFields: readonly FieldMeta[];
  contactFields: readonly FieldMeta[] | null;
  accountFields: readonly FieldMeta[] | null;
}

const NAME_KEYS = ['First_Name', 'Last_Name', 'Full_Name'];

/** Finds records in the replica by an exact value (what Zoho's rules need), one lookup at a time. */
export function replicaFinder(repo: ReplicaMatchRepo): ExactFinder {
  return {
    find(module, field, value, caseSensitive) {
      const want = exactKey(value, caseSensitive);
      if (field === NAME_FIELD) {
        const last = value.trim().split(/\s+/).pop() ?? '';
        const byLast = repo.candidates(module, 'Last_Name', last, NAME_KEYS);
        const byFull = repo.candidates(module, 'Full_Name', value, NAME_KEYS);
        const ids = new Set<string>();
        for (const c of [...byLast, ...byFull]) if (exactKey(personName((k) => c.values.get(k) ?? ''), false) === want) ids.add(c.id);
        return [...ids];
      }
      const hits = repo.candidates(module, field, value, [field]).filter((c) => exactKey(c.values.get(field) ?? '', caseSensitive) === want).map((c) => c.id);
      // A Contact's Account_Name may be the account's id itself.
      if (module === 'Accounts' && field === 'Account_Name' && repo.values('Accounts', value.trim(), ['Account_Name']).size > 0) hits.unshift(value.trim());
      return [...new Set(hits)];
    },
  };
}

const SUMMARY: Record<'Contacts' | 'Accounts', string[]> = {
  Contacts: ['Full_Name', 'First_Name', 'Last_Name', 'Email', 'Phone', 'Account_Name', 'Locked__s'],
  Accounts: ['Account_Name', 'Phone', 'Website', 'Account_Type', 'Locked__s'],
};

/**
 * The `__conversion_options` of a lead against the replica (null where Zoho answers 204).
 * `lead` holds the lead's values by Leads field API name.
 */
export function findLeadMatches(repo: ReplicaMatchRepo, org: LeadMatchOrg, lead: Readonly<Record<string, string>>): ConversionOptions | null {
  return conversionOptions({
    lead: (f) => lead[f] ?? '',
    leadFields: org.leadFields,
    contactFields: org.contactFields,
    accountFields: org.accountFields,
    finder: replicaFinder(repo),
    describe(module, id) {
      const v = repo.values(module, id, SUMMARY[module]);
      const out: Omit<ConversionRecord, 'id'> = {};
      for (const k of SUMMARY[module]) {
        if (k === 'First_Name' || k === 'Last_Name') continue;
        const value = v.get(k) ?? '';
        if (k === 'Locked__s') out[k] = value.toLowerCase() === 'true';
        else if (k === 'Full_Name' && value === '') out[k] = personName((f) => v.get(f) ?? '') || null;
        else if (k === 'Account_Name' && module === 'Contacts') {
          const name = value ? (repo.values('Accounts', value, ['Account_Name']).get('Account_Name') ?? '') : '';
          out[k] = value ? { name, id: value } : null;
        } else out[k] = value === '' ? null : value;
      }
      return out;
    },
  });
}
