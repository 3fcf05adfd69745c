/**
 * Which Contact and Account a lead goes to (pure): the merge targets chosen, the Account a
 * Contact brings along, or new records; and Zoho's rules about them (seed S0):
 * - a Contact merged together with an Account must belong to that Account, else INVALID_DATA;
 * - a Contact that has an Account brings it along;
 * - with no Account given, a new Account is created from a non-empty Company, none otherwise;
 * - locked Contacts and Accounts cannot be associated (RECORD_LOCKED);
 * - `overwrite` replaces the Account's name with the lead's Company when they differ.
 */
import type { ConvertFinding, LeadChoice, RecordRef } from '../../../../shared/domain/convert';
import { recordName } from '../../../../shared/domain/record-name';
import { note, refusal } from './findings';
import type { LeadWorld, RecordValues } from './lead-world';
import { isTrue } from './record-state';

/** An existing record a lead merges into. */
export interface MergeTarget {
  ref: RecordRef;
  values: RecordValues;
  source: NonNullable<LeadChoice['contactSource']>;
}

/** The Contact and Account side of a plan. */
export interface ResolvedTargets {
  contact: MergeTarget | null;
  /** 'new' when Zoho creates an Account from the Company; null when there is no Account. */
  account: MergeTarget | 'new' | null;
  /** The new name `overwrite` gives the Account (merge only), or null. */
  accountRename: string | null;
  findings: ConvertFinding[];
}

function ref(module: string, id: string, values: RecordValues): RecordRef {
  return { module, id, name: recordName(module, (k) => values[k]) || id };
}

function load(world: LeadWorld, module: 'Contacts' | 'Accounts', id: string, findings: ConvertFinding[]): RecordValues | null {
  const values = world.record(module, id);
  if (!values) {
    const what = module === 'Contacts' ? 'Contact' : 'Account';
    findings.push(refusal('INVALID_DATA', module, `There is no ${what} with id ${id} in the replica: Zoho refuses a merge target it cannot find.`, null, { module, id, name: id }));
    return null;
  }
  if (isTrue(values.Locked__s)) {
    findings.push(refusal('RECORD_LOCKED', module, `${ref(module, id, values).name} is locked: a lead cannot be associated with a locked record.`, 'Locked__s', ref(module, id, values)));
  }
  return values;
}

/** Resolves the lead's Contact and Account per the choice and Zoho's rules. */
export function resolveTargets(choice: LeadChoice, company: string, overwrite: boolean, world: LeadWorld): ResolvedTargets {
  const findings: ConvertFinding[] = [];
  let contact: MergeTarget | null = null;
  if (choice.contactId) {
    // A target missing from the replica stays in the plan (refused), so nothing new is made up.
    const values = load(world, 'Contacts', choice.contactId, findings) ?? {};
    contact = { ref: ref('Contacts', choice.contactId, values), values, source: choice.contactSource ?? 'picked' };
  }
  const contactAccount = contact?.values.Account_Name?.trim() ?? '';
  let account: ResolvedTargets['account'] = null;

  if (choice.accountId) {
    const values = load(world, 'Accounts', choice.accountId, findings) ?? {};
    account = { ref: ref('Accounts', choice.accountId, values), values, source: choice.accountSource ?? 'picked' };
    if (contact && contactAccount !== choice.accountId) {
      const has = contactAccount === '' ? 'has no Account' : `belongs to ${contact.values['Account_Name.name'] || contactAccount}`;
      findings.push(
        refusal(
          'INVALID_DATA',
          'Contacts',
          `${contact.ref.name} ${has}, not to ${account.ref.name}: Zoho merges a lead into a Contact and an Account only when the Contact is associated with that Account.`,
          'Account_Name',
          contact.ref,
        ),
      );
    }
  } else if (contact && contactAccount !== '') {
    const values = world.record('Accounts', contactAccount) ?? { Account_Name: contact.values['Account_Name.name'] ?? '' };
    if (isTrue(values.Locked__s)) {
      findings.push(refusal('RECORD_LOCKED', 'Accounts', `${values.Account_Name || contactAccount}, the Account of ${contact.ref.name}, is locked: the lead cannot be associated with it.`, 'Locked__s'));
    }
    account = { ref: ref('Accounts', contactAccount, values), values, source: 'contact-account' };
  } else if (company !== '') {
    account = 'new';
  }

  let accountRename: string | null = null;
  if (account !== null && account !== 'new' && company !== '' && account.values.Account_Name !== undefined) {
    const current = account.values.Account_Name;
    if (current.trim().toLowerCase() !== company.trim().toLowerCase()) {
      if (overwrite) {
        accountRename = company;
      } else {
        findings.push(
          note(
            'Accounts',
            `The lead's Company "${company}" differs from the Account name "${current}"; the Account keeps its name (turn on overwrite to replace it).`,
            'Account_Name',
            account.ref,
          ),
        );
      }
    }
  }
  return { contact, account, accountRename, findings };
}
