import { describe, expect, it } from 'vitest';
import { systemDuplicateField, targetFieldSources, zohoMatches } from '../../../electron/core/engines/dedupe/zoho-rules';
import { finderOver, PAT, SEED, standard, withUnique } from './zoho-fixture';

const lead = (values: Record<string, string>) => ({ module: 'Leads', fields: standard('Leads'), values: (f: string) => values[f] ?? '' });

describe("Zoho's matching rules", () => {
  it('seed S0: Pat Boyle matches two Contacts (Phone unique, then Email) and one Account (Company)', () => {
    const finder = finderOver(SEED);
    const contacts = zohoMatches(lead(PAT), { module: 'Contacts', fields: withUnique('Contacts', { Phone: false }) }, finder);
    expect(contacts.map((h) => [h.id, h.rule, h.matched.map((m) => `${m.field}=${m.value}`)])).toEqual([
      ['4876876000007421001', 'unique', ['Phone=9844444444']],
      ['4876876000007437017', 'email', ['Email=pat.boyle@zylker.com']],
    ]);
    const accounts = zohoMatches(lead(PAT), { module: 'Accounts', fields: standard('Accounts') }, finder);
    expect(accounts.map((h) => [h.id, h.rule, h.matched])).toEqual([['4876876000007421010', 'account-name', [{ field: 'Account_Name', value: 'Zylker Biotech', rule: 'account-name' }]]]);
  });

  it('checks unique field 1, unique field 2, then Email, in that order', () => {
    const finder = finderOver(SEED);
    zohoMatches(lead(PAT), { module: 'Contacts', fields: withUnique('Contacts', { Mobile: false, Phone: false }) }, finder);
    // Metadata order: Phone comes before Mobile in the Contacts fields.
    expect(finder.asked).toEqual(['Contacts.Phone', 'Contacts.Email']);
    const withMobile = finderOver(SEED);
    zohoMatches(lead({ ...PAT, Mobile: '123456789' }), { module: 'Contacts', fields: withUnique('Contacts', { Mobile: false, Phone: false }) }, withMobile);
    expect(withMobile.asked).toEqual(['Contacts.Phone', 'Contacts.Mobile', 'Contacts.Email']);
  });

  it('falls back to the name only when no unique field and no Email found a Contact', () => {
    const finder = finderOver(SEED);
    const byName = zohoMatches(lead({ First_Name: 'pat', Last_Name: 'BOYLE', Email: 'new@x.com' }), { module: 'Contacts', fields: standard('Contacts') }, finder);
    expect(byName.map((h) => [h.id, h.rule])).toEqual([['4876876000007421001', 'name']]);
    const finder2 = finderOver(SEED);
    zohoMatches(lead(PAT), { module: 'Contacts', fields: standard('Contacts') }, finder2);
    expect(finder2.asked).not.toContain('Contacts.Full_Name');
  });

  it('respects a unique field’s case sensitivity; Email is never case-sensitive', () => {
    const records = { Contacts: { c1: { Last_Name: 'X', Customer_Code: 'AbC-1', Email: 'Mixed@Case.com' } } };
    const fields = [...withUnique('Contacts', {}), { ...standard('Contacts')[0]!, apiName: 'Customer_Code', label: 'Customer Code', dataType: 'text', unique: { caseSensitive: true } }];
    const contact = (values: Record<string, string>) => ({ module: 'Contacts', fields, values: (f: string) => values[f] ?? '' });
    const target = { module: 'Contacts', fields };
    expect(zohoMatches(contact({ Customer_Code: 'abc-1' }), target, finderOver(records))).toEqual([]);
    expect(zohoMatches(contact({ Customer_Code: ' AbC-1 ' }), target, finderOver(records)).map((h) => h.rule)).toEqual(['unique']);
    expect(zohoMatches(contact({ Email: 'mixed@CASE.com' }), target, finderOver(records)).map((h) => h.rule)).toEqual(['email']);
    const insensitive = fields.map((f) => (f.apiName === 'Customer_Code' ? { ...f, unique: { caseSensitive: false } } : f));
    expect(zohoMatches({ ...contact({ Customer_Code: 'abc-1' }), fields: insensitive }, { module: 'Contacts', fields: insensitive }, finderOver(records)).map((h) => h.rule)).toEqual(['unique']);
  });

  it('reaches Contact and Account fields through the lead conversion mapping', () => {
    const leads = standard('Leads');
    const toContacts = targetFieldSources({ module: 'Leads', fields: leads }, { module: 'Contacts', fields: standard('Contacts') });
    expect(toContacts.get('Mailing_Zip')).toBe('Zip_Code');
    expect(toContacts.get('Title')).toBe('Designation');
    const toAccounts = targetFieldSources({ module: 'Leads', fields: leads }, { module: 'Accounts', fields: standard('Accounts') });
    expect(toAccounts.get('Account_Name')).toBe('Company');
    expect(toAccounts.get('Billing_Code')).toBe('Zip_Code');
    // An org that maps Company elsewhere: the rule follows the org's mapping.
    const custom = leads.map((f) => (f.apiName === 'Company' ? { ...f, convertMapping: { Contacts: null, Accounts: null, Deals: null } } : f));
    expect(zohoMatches({ module: 'Leads', fields: custom, values: (f) => (PAT as Record<string, string>)[f] ?? '' }, { module: 'Accounts', fields: standard('Accounts') }, finderOver(SEED))).toEqual([]);
    // Backwards: a Contact's Mailing_Zip is compared with a Lead's Zip_Code.
    expect(targetFieldSources({ module: 'Contacts', fields: standard('Contacts') }, { module: 'Leads', fields: leads }).get('Zip_Code')).toBe('Mailing_Zip');
  });

  it('uses each module’s system duplicate-check field after its unique fields', () => {
    expect(systemDuplicateField('Deals')).toBe('Deal_Name');
    expect(systemDuplicateField('Products')).toBe('Product_Name');
    expect(systemDuplicateField('Invoices')).toBe('Subject');
    expect(systemDuplicateField('My_Custom')).toBe('Name');
    const records = { Deals: { d1: { Deal_Name: 'Zylker Deal' } } };
    const deal = { module: 'Deals', fields: standard('Deals'), values: (f: string) => ({ Deal_Name: 'zylker deal ' })[f] ?? '' };
    expect(zohoMatches(deal, { module: 'Deals', fields: standard('Deals') }, finderOver(records)).map((h) => [h.id, h.rule])).toEqual([['d1', 'system']]);
  });

  it('lists a record found by several rules once, under its best rule', () => {
    const records = { Contacts: { c1: { First_Name: 'Pat', Last_Name: 'Boyle', Phone: '9844444444', Email: 'pat.boyle@zylker.com' } } };
    const hits = zohoMatches(lead(PAT), { module: 'Contacts', fields: withUnique('Contacts', { Phone: false }) }, finderOver(records));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.rule).toBe('unique');
    expect(hits[0]?.matched.map((m) => m.field)).toEqual(['Phone', 'Email']);
  });
});
