import { describe, expect, it } from 'vitest';
import { customerFromAccount, customerFromContact, customerNameKey } from '../../../electron/core/engines/invoice/customer';
import { companyKey, personNameKey } from '../../../electron/core/engines/dedupe/match-keys';

const ACCOUNT = {
  id: '4876876000000418001',
  values: {
    Account_Name: 'Zylker Biotech',
    Phone: '9844444444',
    Fax: '0044 20 1234',
    Website: 'zylker.com',
    Billing_Street: 'Bahnhofstrasse 1',
    Billing_City: 'Zürich',
    Billing_Code: '8001',
    Billing_Country: 'Switzerland',
    Shipping_Street: 'Dock 4',
    Shipping_City: 'Basel',
    Industry: 'ERP',
  },
};
const PAT = { id: '4876876000007421001', values: { Salutation: 'Ms.', First_Name: 'Pat', Last_Name: 'Boyle', Phone: '9844444444', Mobile: '+41 79 000', Email: 'pat@zylker.com', Title: 'CTO' } };
const LEE = { id: '4876876000007421002', values: { First_Name: 'Lee', Last_Name: 'Chan', Salutation: '-None-' } };

describe("the three CRM -> Zoho Invoice cases of seed S4, with only the fields it lists", () => {
  it('Case 1: an Account with its Contacts as contact persons', () => {
    const c = customerFromAccount(ACCOUNT, [LEE, PAT], PAT.id);
    expect(c).toEqual({
      case: 1,
      source: { module: 'Accounts', id: ACCOUNT.id },
      contact_name: 'Zylker Biotech',
      company_name: 'Zylker Biotech',
      contact_type: 'customer',
      billing_address: { address: 'Bahnhofstrasse 1', city: 'Zürich', state: '', zip: '8001', country: 'Switzerland', phone: '9844444444', fax: '0044 20 1234' },
      shipping_address: { address: 'Dock 4', city: 'Basel', state: '', zip: '', country: '', phone: '', fax: '' },
      contact_persons: [
        { crm_id: LEE.id, salutation: '', first_name: 'Lee', last_name: 'Chan', phone: '', mobile: '', is_primary_contact: false },
        { crm_id: PAT.id, salutation: 'Ms.', first_name: 'Pat', last_name: 'Boyle', phone: '9844444444', mobile: '+41 79 000', is_primary_contact: true },
      ],
    });
    // Email, Title, Website, Industry are not imported.
    expect(JSON.stringify(c)).not.toMatch(/pat@zylker|CTO|zylker\.com|ERP/);
  });

  it('Case 2: an Account alone, without contact persons', () => {
    const c = customerFromAccount(ACCOUNT, []);
    expect(c.case).toBe(2);
    expect(c.contact_persons).toEqual([]);
  });

  it('Case 3: a Contact without an Account is its own customer and contact person', () => {
    const c = customerFromContact(PAT);
    expect(c).toMatchObject({ case: 3, source: { module: 'Contacts', id: PAT.id }, contact_name: 'Pat Boyle', company_name: '' });
    expect(c.contact_persons).toEqual([{ crm_id: PAT.id, salutation: 'Ms.', first_name: 'Pat', last_name: 'Boyle', phone: '9844444444', mobile: '+41 79 000', is_primary_contact: true }]);
    expect(c.billing_address.address).toBe('');
  });

  it('the first contact is primary when the document names none of them', () => {
    expect(customerFromAccount(ACCOUNT, [LEE, PAT]).contact_persons.map((p) => p.is_primary_contact)).toEqual([true, false]);
  });

  it('likely duplicate customers share a name key (case, accents, punctuation, spaces)', () => {
    expect(customerNameKey('Zylker  Biotech, ')).toBe(customerNameKey('zylker biotech'));
    expect(customerNameKey('Société Générale')).toBe(customerNameKey('SOCIETE GENERALE'));
    expect(customerNameKey('Zylker Biotech')).not.toBe(customerNameKey('Zylker Bio'));
  });

  it('the name keys are the duplicate engine’s: company keys for Accounts, person keys for Contacts', () => {
    expect(customerNameKey('Zylker Biotech Pvt. Ltd.')).toBe(companyKey('Zylker Biotech'));
    expect(customerNameKey('The Zylker Company')).toBe(customerNameKey('zylker'));
    expect(customerNameKey('Dr. Pat Boyle', 'Contacts')).toBe(personNameKey('Pat Boyle'));
    expect(customerNameKey("Seán O'Brien Jr.", 'Contacts')).toBe(customerNameKey('Sean OBrien', 'Contacts'));
    // A sole trader's Account and the same person's own customer still meet.
    expect(customerNameKey('Pat Boyle', 'Contacts')).toBe(customerNameKey('Pat Boyle'));
  });
});
