import { describe, expect, it } from 'vitest';
import { planLead } from '../../../electron/core/engines/convert/lead-plan';
import { CREATE_NEW } from '../../../electron/core/engines/convert/lead-run';
import { leadChanges } from '../../../electron/core/engines/convert/simulation';
import { makeWorld, PAT_CONTACT, PAT_LEAD, settings, standardFields, ZYLKER_ACCOUNT, ZYLKER_DEAL } from './convert-world';

function ids(): (module: string) => string {
  let n = 0;
  return (module) => `provisional-7-${(n += 1)}-${module}`;
}

describe('simulated lead conversion', () => {
  it('Case I: a new deal linked to the existing contact and account, the lead marked converted', () => {
    const plan = planLead(PAT_LEAD, { contactId: PAT_CONTACT, accountId: ZYLKER_ACCOUNT, contactSource: 'picked', accountSource: 'picked' }, settings({ deal: ZYLKER_DEAL }), makeWorld());
    const changes = leadChanges(plan, ids());
    expect(changes.map((c) => [c.module, c.kind, c.id])).toEqual([
      ['Deals', 'create', 'provisional-7-1-Deals'],
      ['Leads', 'update', PAT_LEAD.id],
    ]);
    expect(changes[0]?.values).toMatchObject({ Deal_Name: 'Zylker Deal', Account_Name: ZYLKER_ACCOUNT, Contact_Name: PAT_CONTACT, 'Contact_Name.name': 'Pat Boyle' });
    expect(changes[1]?.values).toEqual({
      Converted__s: 'true',
      Converted_Contact: PAT_CONTACT,
      Converted_Account: ZYLKER_ACCOUNT,
      Converted_Deal: 'provisional-7-1-Deals',
      Converted_Date_Time: '2026-11-22T10:00:00.000Z',
      'Converted_Contact.name': 'Pat Boyle',
      'Converted_Account.name': 'Zylker Biotech',
      'Converted_Deal.name': 'Zylker Deal',
    });
  });

  it('Case II: new account first, then the contact pointing at it', () => {
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings(), makeWorld({ contacts: standardFields('Contacts') }));
    const changes = leadChanges(plan, ids());
    expect(changes.map((c) => [c.module, c.kind, c.id])).toEqual([
      ['Accounts', 'create', 'provisional-7-2-Accounts'],
      ['Contacts', 'create', 'provisional-7-1-Contacts'],
      ['Leads', 'update', PAT_LEAD.id],
    ]);
    expect(changes[1]?.values).toMatchObject({ Last_Name: 'Boyle', Account_Name: 'provisional-7-2-Accounts', 'Account_Name.name': 'Zylker Biotech' });
  });

  it('merging adds the tags carried over and the overwrite rename, nothing else', () => {
    const lead = { ...PAT_LEAD, values: { ...PAT_LEAD.values, Company: 'Zylker Biotech AG' } };
    const plan = planLead(lead, { contactId: PAT_CONTACT, accountId: null, contactSource: 'picked', accountSource: null }, settings({ overwrite: true, carryOverTags: { Contacts: true, Accounts: false, Deals: false } }), makeWorld());
    const changes = leadChanges(plan, ids());
    expect(changes.find((c) => c.module === 'Accounts')).toEqual({ module: 'Accounts', id: ZYLKER_ACCOUNT, kind: 'update', values: { Account_Name: 'Zylker Biotech AG' } });
    expect(changes.find((c) => c.module === 'Contacts')).toEqual({ module: 'Contacts', id: PAT_CONTACT, kind: 'update', values: { Tag: 'VIP;Expo 2026' } });
  });
});
