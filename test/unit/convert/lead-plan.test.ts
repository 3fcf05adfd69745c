import { describe, expect, it } from 'vitest';
import { planLead } from '../../../electron/core/engines/convert/lead-plan';
import { planLeads, CREATE_NEW } from '../../../electron/core/engines/convert/lead-run';
import type { LeadChoice, LeadPlan, LeadSource } from '../../../shared/domain/convert';
import {
  BOYLE_CONTACT,
  makeWorld,
  OTHER_ACCOUNT,
  PAT_CONTACT,
  PAT_LEAD,
  seedRecords,
  settings,
  standardFields,
  withUnique,
  ZYLKER_ACCOUNT,
  ZYLKER_DEAL,
} from './convert-world';

const merge = (contactId: string | null, accountId: string | null): LeadChoice => ({
  contactId,
  accountId,
  contactSource: contactId ? 'picked' : null,
  accountSource: accountId ? 'picked' : null,
});

function codes(plan: LeadPlan): string[] {
  return plan.findings.filter((f) => f.severity === 'error').map((f) => f.code ?? '');
}

function lead(values: Record<string, string>, key = '4876876000007400002'): LeadSource {
  return { key, id: key, batchRow: null, values };
}

describe("seed S0's two sample conversions", () => {
  it('Case I: merges into Contact 4876876000007421001 and Account 4876876000007421010 and creates the Zylker Deal', () => {
    const plan = planLead(PAT_LEAD, merge(PAT_CONTACT, ZYLKER_ACCOUNT), settings({ overwrite: true, notifyLeadOwner: true, notifyNewEntityOwner: true, deal: ZYLKER_DEAL }), makeWorld());
    expect(plan.status).toBe('ready');
    expect(codes(plan)).toEqual([]);
    expect(plan.contact).toMatchObject({ action: 'merge', id: PAT_CONTACT, name: 'Pat Boyle', changes: [] });
    expect(plan.account).toMatchObject({ action: 'merge', id: ZYLKER_ACCOUNT, name: 'Zylker Biotech', changes: [] });
    expect(plan.deal).toMatchObject({ action: 'create', name: 'Zylker Deal' });
    expect(plan.deal?.values).toMatchObject({
      Deal_Name: 'Zylker Deal',
      Closing_Date: '2024-10-20',
      Stage: 'Negotiation/Review',
      Pipeline: 'Standard (Standard)',
      Amount: '20000000',
      Account_Name: ZYLKER_ACCOUNT,
      Contact_Name: PAT_CONTACT,
      // Through the Deals column of the conversion mapping.
      Lead_Source: 'Trade Show',
      Description: 'Met at the trade show',
    });
    expect(plan.leadChanges).toEqual([
      { field: 'Converted__s', before: '', after: 'true' },
      { field: 'Converted_Contact', before: '', after: PAT_CONTACT },
      { field: 'Converted_Account', before: '', after: ZYLKER_ACCOUNT },
      { field: 'Converted_Deal', before: '', after: '@new:Deals' },
      { field: 'Converted_Date_Time', before: '', after: '2026-11-22T10:00:00.000Z' },
    ]);
  });

  it('Case II: creates a new Contact and Account through the conversion mapping, and no deal', () => {
    const world = makeWorld({ contacts: standardFields('Contacts') });
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings({ overwrite: true, notifyLeadOwner: true, notifyNewEntityOwner: true }), world);
    expect(plan.status).toBe('ready');
    expect(plan.deal).toBeNull();
    expect(plan.contact).toMatchObject({ action: 'create', name: 'Pat Boyle' });
    expect(plan.contact?.values).toMatchObject({
      First_Name: 'Pat',
      Last_Name: 'Boyle',
      Email: 'pat.boyle@zylker.com',
      Phone: '9844444444',
      Title: 'CTO',
      Mailing_Zip: '0012345',
      Description: 'Met at the trade show',
      Account_Name: '@new:Accounts',
      Owner: '4876876000000225001',
    });
    expect(plan.account).toMatchObject({ action: 'create', name: 'Zylker Biotech' });
    expect(plan.account?.values).toMatchObject({ Account_Name: 'Zylker Biotech', Phone: '9844444444', Billing_Code: '0012345', Employees: '120', Description: 'Met at the trade show' });
    // Mapped to the Account, not the Contact.
    expect(plan.contact?.values.Employees).toBeUndefined();
  });
});

describe('merge targets', () => {
  it('refuses a Contact not associated with the given Account (INVALID_DATA)', () => {
    const plan = planLead(PAT_LEAD, merge(PAT_CONTACT, OTHER_ACCOUNT), settings(), makeWorld());
    expect(plan.status).toBe('refused');
    expect(codes(plan)).toEqual(['INVALID_DATA']);
    expect(plan.findings[0]?.message).toContain('belongs to Zylker Biotech, not to Other Corp');
  });

  it('refuses a given Account with a Contact that has none', () => {
    const plan = planLead(PAT_LEAD, merge(BOYLE_CONTACT, ZYLKER_ACCOUNT), settings(), makeWorld());
    expect(codes(plan)).toEqual(['INVALID_DATA']);
    expect(plan.findings[0]?.message).toContain('has no Account');
  });

  it('brings along the Account of a Contact that has one', () => {
    const plan = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings(), makeWorld());
    expect(plan.status).toBe('ready');
    expect(plan.account).toMatchObject({ action: 'merge', id: ZYLKER_ACCOUNT, source: 'contact-account' });
    expect(plan.findings.some((f) => f.severity === 'note' && f.message.includes('belongs to Zylker Biotech'))).toBe(true);
  });

  it('creates an Account for a Contact without one when the lead has a Company, and links them', () => {
    const plan = planLead(PAT_LEAD, merge(BOYLE_CONTACT, null), settings(), makeWorld());
    expect(plan.account).toMatchObject({ action: 'create', name: 'Zylker Biotech' });
    expect(plan.contact?.changes).toEqual([{ field: 'Account_Name', before: '', after: 'Zylker Biotech' }]);
  });

  it('creates no Account when the Company is empty and none is given', () => {
    const plan = planLead(lead({ Last_Name: 'Solo', Email: 'solo@example.com' }), CREATE_NEW, settings(), makeWorld());
    expect(plan.status).toBe('ready');
    expect(plan.account).toBeNull();
    expect(plan.contact?.values.Account_Name).toBeUndefined();
    expect(plan.leadChanges.find((c) => c.field === 'Converted_Account')?.after).toBe('');
  });

  it('refuses locked targets (RECORD_LOCKED) and targets missing from the replica (INVALID_DATA)', () => {
    const records = seedRecords();
    records.set(`Contacts:${PAT_CONTACT}`, { ...(records.get(`Contacts:${PAT_CONTACT}`) ?? {}), Locked__s: 'true' });
    expect(codes(planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings(), makeWorld({ records })))).toContain('RECORD_LOCKED');
    records.set(`Accounts:${OTHER_ACCOUNT}`, { Account_Name: 'Other Corp', Locked__s: 'true' });
    expect(codes(planLead(PAT_LEAD, merge(null, OTHER_ACCOUNT), settings(), makeWorld({ records, contacts: standardFields('Contacts') })))).toEqual(['RECORD_LOCKED']);
    expect(codes(planLead(PAT_LEAD, merge('4876876000000000404', null), settings(), makeWorld()))).toEqual(['INVALID_DATA']);
  });

  it('overwrite renames the Account to the Company when they differ; without it the name is kept and said', () => {
    const other = lead({ ...PAT_LEAD.values, Company: 'Zylker Biotech Inc' });
    const kept = planLead(other, merge(PAT_CONTACT, ZYLKER_ACCOUNT), settings(), makeWorld());
    expect(kept.account?.changes).toEqual([]);
    expect(kept.findings.some((f) => f.severity === 'note' && f.message.includes('keeps its name'))).toBe(true);
    const renamed = planLead(other, merge(PAT_CONTACT, ZYLKER_ACCOUNT), settings({ overwrite: true }), makeWorld());
    expect(renamed.account?.changes).toEqual([{ field: 'Account_Name', before: 'Zylker Biotech', after: 'Zylker Biotech Inc' }]);
  });
});

describe('the lead itself', () => {
  it('refuses an already converted lead (ID_ALREADY_CONVERTED)', () => {
    expect(codes(planLead(lead({ ...PAT_LEAD.values, Converted__s: 'true' }), CREATE_NEW, settings(), makeWorld({ contacts: standardFields('Contacts') })))).toEqual(['ID_ALREADY_CONVERTED']);
  });

  it('refuses a locked lead (RECORD_LOCKED) and an unapproved one (NOT_APPROVED)', () => {
    const world = makeWorld({ contacts: standardFields('Contacts') });
    expect(codes(planLead(lead({ ...PAT_LEAD.values, Locked__s: 'true' }), CREATE_NEW, settings(), world))).toEqual(['RECORD_LOCKED']);
    expect(codes(planLead(lead({ ...PAT_LEAD.values, $approval_state: 'approval_process_pending' }), CREATE_NEW, settings(), world))).toEqual(['NOT_APPROVED']);
    expect(codes(planLead(lead({ ...PAT_LEAD.values, $approval_state: 'approved' }), CREATE_NEW, settings(), world))).toEqual([]);
  });

  it('needs a Last_Name for the new Contact (a batch row may lack one)', () => {
    const row: LeadSource = { key: 'row:7', id: null, batchRow: 7, values: { Company: 'Acme' } };
    const plan = planLead(row, CREATE_NEW, settings(), makeWorld());
    expect(codes(plan)).toEqual(['MANDATORY_NOT_FOUND']);
    expect(plan.leadChanges).toEqual([]);
    expect(plan.findings.some((f) => f.message.includes('not in Zoho yet'))).toBe(true);
  });
});

describe('unique fields (DUPLICATE_DATA)', () => {
  it('refuses a new Contact whose unique Phone an existing Contact holds, naming that record', () => {
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings(), makeWorld());
    expect(codes(plan)).toEqual(['DUPLICATE_DATA']);
    expect(plan.findings[0]?.record).toEqual({ module: 'Contacts', id: PAT_CONTACT, name: 'Pat Boyle' });
  });

  it('compares case-insensitively unless the field says otherwise, and checks new Accounts too', () => {
    const world = makeWorld({ contacts: standardFields('Contacts'), accounts: withUnique(standardFields('Accounts'), ['Account_Name']) });
    const plan = planLead(lead({ Last_Name: 'New', Company: 'ZYLKER biotech' }), CREATE_NEW, settings(), world);
    expect(codes(plan)).toEqual(['DUPLICATE_DATA']);
    expect(plan.findings[0]?.about).toBe('Accounts');
  });

  it('refuses the second of two leads of one run that would create the same unique value', () => {
    const world = makeWorld({ records: new Map(), contacts: withUnique(standardFields('Contacts'), ['Email']) });
    const plans: LeadPlan[] = [];
    const a = lead({ Last_Name: 'One', Email: 'same@example.com' }, '4876876000007400011');
    const b = lead({ Last_Name: 'Two', Email: 'SAME@example.com' }, '4876876000007400012');
    planLeads([a, b], () => CREATE_NEW, settings(), world, (p) => plans.push(p));
    expect(plans.map((p) => p.status)).toEqual(['ready', 'refused']);
    expect(plans[1]?.findings[0]?.message).toContain('lead One of this run already creates One');
  });
});

describe('the deal', () => {
  it('is created only when asked for', () => {
    expect(planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings(), makeWorld()).deal).toBeNull();
  });

  it('needs Deal_Name, Closing_Date, Stage and Pipeline (MANDATORY_NOT_FOUND each)', () => {
    const plan = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings({ deal: { Deal_Name: '', Closing_Date: '', Stage: '', Pipeline: '', Amount: '', Contact_Role: '' } }), makeWorld());
    expect(plan.findings.filter((f) => f.code === 'MANDATORY_NOT_FOUND').map((f) => f.field)).toEqual(['Deal_Name', 'Closing_Date', 'Stage', 'Pipeline']);
  });

  it('refuses a Stage the Pipeline does not contain, an unknown pipeline, a bad date and amount (INVALID_DATA)', () => {
    const fields = standardFields('Deals').map((f) =>
      f.apiName === 'Pipeline' ? { ...f, picklist: ['Standard', 'Renewals'], picklistMaps: { Standard: { Stage: ['Qualification', 'Closed Won'] }, Renewals: { Stage: ['Negotiation/Review'] } } } : f,
    );
    const world = { ...makeWorld(), fields: { ...makeWorld().fields, Deals: fields } };
    const bad = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings({ deal: { ...ZYLKER_DEAL, Pipeline: 'Standard' } }), world);
    expect(bad.findings.find((f) => f.code === 'INVALID_DATA')?.message).toBe('Pipeline "Standard" doesn\'t contain the Stage "Negotiation/Review".');
    const ok = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings({ deal: { ...ZYLKER_DEAL, Pipeline: 'Renewals (Standard)' } }), world);
    expect(codes(ok)).toEqual([]);
    const unknown = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings({ deal: { ...ZYLKER_DEAL, Pipeline: 'Enterprise' } }), world);
    expect(unknown.findings.map((f) => f.field)).toContain('Pipeline');
    const dates = planLead(PAT_LEAD, merge(PAT_CONTACT, null), settings({ deal: { ...ZYLKER_DEAL, Closing_Date: '20/10/2024', Amount: 'lots' } }), makeWorld());
    expect(dates.findings.filter((f) => f.code === 'INVALID_DATA').map((f) => f.field)).toEqual(['Closing_Date', 'Amount']);
  });

  it('takes a lead-specific deal over the run deal', () => {
    const plan = planLead(PAT_LEAD, { ...merge(PAT_CONTACT, null), deal: { ...ZYLKER_DEAL, Deal_Name: 'Own deal' } }, settings({ deal: ZYLKER_DEAL }), makeWorld());
    expect(plan.deal?.name).toBe('Own deal');
  });
});

describe('options', () => {
  it('assign_to owns the new records; it must be a user id, a loaded user, and active', () => {
    const world = makeWorld({ contacts: standardFields('Contacts') });
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings({ assignTo: '4876876000000225999' }), world);
    expect(plan.contact?.values.Owner).toBe('4876876000000225999');
    expect(plan.account?.values.Owner).toBe('4876876000000225999');
    expect(codes(planLead(PAT_LEAD, CREATE_NEW, settings({ assignTo: 'Jane' }), world))).toEqual(['INVALID_DATA']);
    const users = new Map([['4876876000000225999', { name: 'Old Timer', active: false }]]);
    const inactive = planLead(PAT_LEAD, CREATE_NEW, settings({ assignTo: '4876876000000225999' }), makeWorld({ contacts: standardFields('Contacts'), users }));
    expect(inactive.findings.find((f) => f.field === 'assign_to')?.message).toContain('inactive');
    const missing = planLead(PAT_LEAD, CREATE_NEW, settings({ assignTo: '4876876000000225000' }), makeWorld({ contacts: standardFields('Contacts'), users }));
    expect(missing.findings.find((f) => f.field === 'assign_to')?.message).toContain('No loaded user');
  });

  it('move_attachments_to needs the record it names', () => {
    const world = makeWorld({ contacts: standardFields('Contacts') });
    expect(codes(planLead(PAT_LEAD, CREATE_NEW, settings({ moveAttachmentsTo: 'Deals' }), world))).toEqual(['INVALID_DATA']);
    expect(codes(planLead(PAT_LEAD, CREATE_NEW, settings({ moveAttachmentsTo: 'Deals', deal: ZYLKER_DEAL }), world))).toEqual([]);
    expect(codes(planLead(lead({ Last_Name: 'Solo' }), CREATE_NEW, settings({ moveAttachmentsTo: 'Accounts' }), world))).toEqual(['INVALID_DATA']);
  });

  it('carry_over_tags gives the lead tags to the chosen modules only', () => {
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings({ carryOverTags: { Contacts: true, Accounts: false, Deals: true }, deal: ZYLKER_DEAL }), makeWorld({ contacts: standardFields('Contacts') }));
    expect(plan.contact?.tags).toEqual(['VIP', 'Expo 2026']);
    expect(plan.contact?.values.Tag).toBe('VIP;Expo 2026');
    expect(plan.account?.tags).toEqual([]);
    expect(plan.deal?.tags).toEqual(['VIP', 'Expo 2026']);
  });
});
