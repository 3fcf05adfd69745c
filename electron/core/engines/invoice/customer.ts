/**
 * The Zoho Invoice customer a CRM Account or Contact becomes (pure; seed S4). Only the fields
 * S4 lists are imported: an Account's name, phone, fax, billing and shipping address; a
 * Contact's salutation, last name, first name, phone and mobile. Email is not among them.
 */
import type { ContactPerson, InvoiceAddress, InvoiceCustomer } from '../../../../shared/domain/invoice';
import { companyKey, personNameKey } from '../dedupe/match-keys';

type Values = Readonly<Record<string, string | undefined>>;

/** A CRM record: its id and values by API name. */
export interface CrmRecord {
  id: string;
  values: Values;
}

const v = (values: Values, key: string): string => (values[key] ?? '').trim();

function address(values: Values, prefix: 'Billing' | 'Shipping', withPhones: boolean): InvoiceAddress {
  return {
    address: v(values, `${prefix}_Street`),
    city: v(values, `${prefix}_City`),
    state: v(values, `${prefix}_State`),
    zip: v(values, `${prefix}_Code`),
    country: v(values, `${prefix}_Country`),
    // Zoho Invoice keeps a customer's phone and fax on its address; the Account's go on billing.
    phone: withPhones ? v(values, 'Phone') : '',
    fax: withPhones ? v(values, 'Fax') : '',
  };
}

/** An empty address (a standalone Contact brings none: S4 imports no Contact address). */
export function emptyAddress(): InvoiceAddress {
  return { address: '', city: '', state: '', zip: '', country: '', phone: '', fax: '' };
}

/** A Contact as a contact person. */
export function contactPerson(c: CrmRecord, primary: boolean): ContactPerson {
  return {
    crm_id: c.id,
    salutation: v(c.values, 'Salutation').replace(/^-None-$/, ''),
    first_name: v(c.values, 'First_Name'),
    last_name: v(c.values, 'Last_Name'),
    phone: v(c.values, 'Phone'),
    mobile: v(c.values, 'Mobile'),
    is_primary_contact: primary,
  };
}

/** The display name of a person: salutation, first and last name. */
export function personName(p: Pick<ContactPerson, 'salutation' | 'first_name' | 'last_name'>): string {
  return [p.salutation, p.first_name, p.last_name].filter((x) => x !== '').join(' ');
}

/**
 * Case 1 (an Account with Contacts) or 2 (an Account alone). The primary contact person is
 * `primaryId` when it is among the contacts, else the first.
 */
export function customerFromAccount(account: CrmRecord, contacts: readonly CrmRecord[], primaryId: string | null = null): InvoiceCustomer {
  const name = v(account.values, 'Account_Name') || account.id;
  const primary = contacts.some((c) => c.id === primaryId) ? primaryId : (contacts[0]?.id ?? null);
  return {
    case: contacts.length > 0 ? 1 : 2,
    source: { module: 'Accounts', id: account.id },
    contact_name: name,
    company_name: name,
    contact_type: 'customer',
    billing_address: address(account.values, 'Billing', true),
    shipping_address: address(account.values, 'Shipping', false),
    contact_persons: contacts.map((c) => contactPerson(c, c.id === primary)),
  };
}

/** Case 3: a Contact without an Account, its own customer and contact person. */
export function customerFromContact(contact: CrmRecord): InvoiceCustomer {
  const person = contactPerson(contact, true);
  const name = [person.first_name, person.last_name].filter((x) => x !== '').join(' ') || contact.id;
  return {
    case: 3,
    source: { module: 'Contacts', id: contact.id },
    contact_name: name,
    company_name: '',
    contact_type: 'customer',
    billing_address: emptyAddress(),
    shipping_address: emptyAddress(),
    contact_persons: [person],
  };
}

/**
 * The key two customers share when Zoho Invoice would likely hold them twice. It is the
 * duplicate engine's own normalisation (match-keys.ts), so this preview and the duplicate review
 * agree: a customer made from an Account compares as a company name (case, accents,
 * punctuation, a leading "The" and legal forms such as Ltd or GmbH aside), one made from a
 * Contact as a person's name (honorifics and suffixes aside).
 */
export function customerNameKey(name: string, from: 'Accounts' | 'Contacts' = 'Accounts'): string {
  return from === 'Contacts' ? personNameKey(name) : companyKey(name);
}
