/**
 * The plan of one lead conversion (pure): the Contact, Account and Deal it gives, through the
 * org's conversion mapping, the lead's converted state, and every rule of seed S0 with Zoho's
 * code. The rules on merge targets live in lead-targets.ts, the Deal's in deal-rules.ts.
 */
import type { ConvertFinding, LeadChoice, LeadConvertSettings, LeadPlan, LeadSource, PlannedRecord } from '../../../../shared/domain/convert';
import { recordName } from '../../../../shared/domain/record-name';
import { checkDeal, dealValues } from './deal-rules';
import { isRefused, note, refusal } from './findings';
import { mapLeadValues } from './lead-mapping';
import { resolveTargets, type MergeTarget } from './lead-targets';
import { newRef, type LeadWorld } from './lead-world';
import { approvalRefusal, APPROVAL_STATE_KEY, isTrue } from './record-state';
import { formatTags, parseTags } from './tags';
import { isUserId } from '../../../../shared/domain/user-fields';

function leadStateFindings(lead: LeadSource): ConvertFinding[] {
  const v = lead.values;
  const out: ConvertFinding[] = [];
  if (isTrue(v.Converted__s)) {
    const contact = v.Converted_Contact ? { module: 'Contacts', id: v.Converted_Contact, name: v['Converted_Contact.name'] || v.Converted_Contact } : null;
    out.push(refusal('ID_ALREADY_CONVERTED', 'Leads', 'This lead has already been converted.', 'Converted__s', contact));
  }
  if (isTrue(v.Locked__s)) {
    out.push(refusal('RECORD_LOCKED', 'Leads', 'This lead is locked; Zoho does not convert a locked record.', 'Locked__s'));
  }
  const approval = approvalRefusal(v[APPROVAL_STATE_KEY], 'lead');
  if (approval) out.push(refusal(approval.code, 'Leads', approval.message, APPROVAL_STATE_KEY));
  return out;
}

function optionFindings(settings: LeadConvertSettings, hasAccount: boolean, hasDeal: boolean, world: LeadWorld): ConvertFinding[] {
  const out: ConvertFinding[] = [];
  const assignTo = settings.assignTo?.trim() ?? '';
  if (assignTo !== '') {
    const user = world.user(assignTo);
    if (!isUserId(assignTo)) {
      out.push(refusal('INVALID_DATA', 'options', `assign_to takes a user id (digits), not "${assignTo}".`, 'assign_to'));
    } else if (user === null) {
      out.push(refusal('INVALID_DATA', 'options', `No loaded user has the id ${assignTo}.`, 'assign_to'));
    } else if (user && !user.active) {
      out.push(refusal('INVALID_DATA', 'options', `${user.name} (${assignTo}) is inactive in Zoho; records cannot be assigned to an inactive user.`, 'assign_to'));
    }
  }
  if (settings.moveAttachmentsTo === 'Deals' && !hasDeal) {
    out.push(refusal('INVALID_DATA', 'options', 'move_attachments_to is Deals, but this conversion creates no deal.', 'move_attachments_to'));
  }
  if (settings.moveAttachmentsTo === 'Accounts' && !hasAccount) {
    out.push(refusal('INVALID_DATA', 'options', 'move_attachments_to is Accounts, but this conversion has no account.', 'move_attachments_to'));
  }
  return out;
}

function merged(module: 'Contacts' | 'Accounts', target: MergeTarget, changes: PlannedRecord['changes'], tags: string[]): PlannedRecord {
  return { module, action: 'merge', id: target.ref.id, name: target.ref.name, source: target.source, values: { ...target.values }, changes, tags };
}

function created(module: PlannedRecord['module'], values: Record<string, string>, tags: string[]): PlannedRecord {
  const name = recordName(module, (k) => values[k]);
  return { module, action: 'create', id: null, name: name || `(new ${module.slice(0, -1)})`, source: null, values, changes: [], tags };
}

function uniqueFindings(world: LeadWorld, record: PlannedRecord): ConvertFinding[] {
  if (record.action !== 'create') return [];
  return world.uniques.clashes(record.module, record.values).map((c) =>
    refusal(
      'DUPLICATE_DATA',
      record.module,
      c.holder.plannedBy
        ? `${c.field} "${c.value}" is unique, and lead ${c.holder.plannedBy} of this run already creates ${c.holder.name} with it.`
        : `${c.field} "${c.value}" is unique and ${c.holder.name} (${c.holder.id}) already has it.`,
      c.field,
      { module: c.holder.module, id: c.holder.id, name: c.holder.name },
    ),
  );
}

/** Plans converting `lead` with the user's `choice` and the run's `settings`. */
export function planLead(lead: LeadSource, choice: LeadChoice, settings: LeadConvertSettings, world: LeadWorld): LeadPlan {
  const v = lead.values;
  const company = (v.Company ?? '').trim();
  const findings = leadStateFindings(lead);
  if (lead.id === null) {
    findings.push(note('Leads', `Batch row ${lead.batchRow ?? '?'} is not in Zoho yet: this shows what converting it would give; its request can be written once the row has a record id.`));
  }
  const mapped = mapLeadValues(v, world.mapping);
  const targets = resolveTargets(choice, company, settings.overwrite, world);
  findings.push(...targets.findings);
  const owner = settings.assignTo?.trim() || v.Owner || '';
  const tags = parseTags(v.Tag);
  const tagsFor = (m: 'Contacts' | 'Accounts' | 'Deals'): string[] => (settings.carryOverTags[m] ? tags : []);
  const withOwnerAndTags = (values: Record<string, string>, m: 'Contacts' | 'Accounts' | 'Deals'): Record<string, string> => {
    if (owner !== '') values.Owner = owner;
    if (tagsFor(m).length > 0) values.Tag = formatTags(tagsFor(m));
    return values;
  };

  let account: PlannedRecord | null = null;
  if (targets.account === 'new') {
    account = created('Accounts', withOwnerAndTags({ ...mapped.Accounts, Account_Name: company }, 'Accounts'), tagsFor('Accounts'));
  } else if (targets.account !== null) {
    const rename = targets.accountRename;
    const changes = rename ? [{ field: 'Account_Name', before: targets.account.values.Account_Name ?? '', after: rename }] : [];
    account = merged('Accounts', targets.account, changes, tagsFor('Accounts'));
  }
  const accountRef = account === null ? '' : (account.id ?? newRef('Accounts'));
  const accountName = account === null ? '' : (targets.accountRename ?? account.name);

  let contact: PlannedRecord;
  if (targets.contact) {
    const current = targets.contact.values.Account_Name ?? '';
    const changes = account !== null && current !== accountRef ? [{ field: 'Account_Name', before: targets.contact.values['Account_Name.name'] || current, after: accountName }] : [];
    contact = merged('Contacts', targets.contact, changes, tagsFor('Contacts'));
  } else {
    const values: Record<string, string> = { ...mapped.Contacts };
    const full = [values.First_Name, values.Last_Name].filter((x) => x && x.trim() !== '').join(' ');
    if (full !== '') values.Full_Name = full;
    if (account !== null) {
      values.Account_Name = accountRef;
      values['Account_Name.name'] = accountName;
    }
    contact = created('Contacts', withOwnerAndTags(values, 'Contacts'), tagsFor('Contacts'));
    if ((values.Last_Name ?? '').trim() === '') {
      findings.push(refusal('MANDATORY_NOT_FOUND', 'Contacts', 'The new Contact needs a Last_Name, and the lead has none.', 'Last_Name'));
    }
  }

  const dealInput = choice.deal !== undefined ? choice.deal : settings.deal;
  let deal: PlannedRecord | null = null;
  if (dealInput) {
    findings.push(...checkDeal(dealInput, world.fields.Deals));
    const values = withOwnerAndTags({ ...mapped.Deals, ...dealValues(dealInput) }, 'Deals');
    if (account !== null) {
      values.Account_Name = accountRef;
      values['Account_Name.name'] = accountName;
    }
    values.Contact_Name = contact.id ?? newRef('Contacts');
    values['Contact_Name.name'] = contact.name;
    deal = created('Deals', values, tagsFor('Deals'));
  }

  for (const r of [contact, account, deal]) {
    if (r) findings.push(...uniqueFindings(world, r));
  }
  findings.push(...optionFindings(settings, account !== null, deal !== null, world));
  if (account === null) {
    findings.push(note('Accounts', 'No Account: the lead has no Company and none was chosen, so Zoho creates none.'));
  } else if (targets.account !== 'new' && targets.account?.source === 'contact-account') {
    findings.push(note('Accounts', `${contact.name} belongs to ${account.name}, so the lead goes to that Account too.`, null, { module: 'Accounts', id: account.id ?? '', name: account.name }));
  }
  if (settings.overwrite && company === '') {
    findings.push(note('options', 'overwrite is ignored: the lead has no Company.', 'overwrite'));
  }

  const leadChanges: LeadPlan['leadChanges'] = [];
  if (lead.id !== null) {
    const set = (field: string, after: string): void => {
      leadChanges.push({ field, before: v[field] ?? '', after });
    };
    set('Converted__s', 'true');
    set('Converted_Contact', contact.id ?? newRef('Contacts'));
    set('Converted_Account', account === null ? '' : accountRef);
    set('Converted_Deal', deal === null ? '' : newRef('Deals'));
    set('Converted_Date_Time', world.now);
  }

  return {
    lead: {
      key: lead.key,
      id: lead.id,
      batchRow: lead.batchRow,
      name: recordName('Leads', (k) => v[k]) || lead.key,
      company,
      email: v.Email ?? '',
    },
    status: isRefused(findings) ? 'refused' : 'ready',
    contact,
    account,
    deal,
    leadChanges,
    findings,
    settings: { ...settings, deal: dealInput ?? null },
    choice,
  };
}
