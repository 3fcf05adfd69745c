/**
 * A deterministic org for the conversion benchmark, as Records API responses: leads (some
 * converted, locked or in approval; a tenth sharing a Contact's unique phone), contacts and
 * accounts they may clash with, quotes with line items.
 */
import fs from 'node:fs';
import path from 'node:path';

const FIRST = ['Ada', 'José', 'Grace', 'Alan', 'Zoë', 'Chidi', 'Mei', 'Olusegun', 'Ingrid', 'Rahul', 'Søren', 'Fatima'];
const LAST = ['Lovelace', 'Núñez', 'Hopper', 'Turing', 'Müller', 'Okafor', 'Wang', 'Obi', 'Larsen', 'Gupta', "O'Brien", 'Haddad'];
const id = (base: number, i: number): string => String(4876876000000000000n + BigInt(base) * 1_000_000n + BigInt(i));
const phone = (i: number): string => `+41 44 ${String(1000000 + i).slice(1)}`;

function write(file: string, records: unknown[]): void {
  fs.writeFileSync(file, JSON.stringify({ data: records, info: { per_page: records.length, count: records.length, page: 1, more_records: false } }));
}

/** Writes Leads/Contacts/Accounts/Quotes `*.records.json` and the Contacts metadata into `dir`. */
export function writeConversionOrg(dir: string, opts: { leads: number; contacts: number; accounts: number; quotes: number }, resourcesDir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const accounts = Array.from({ length: opts.accounts }, (_, i) => ({
    id: id(1, i),
    Account_Name: `Company ${i}`,
    Phone: phone(500000 + i),
    Billing_Street: `Street ${i}`,
    Billing_City: i % 2 ? 'Zürich' : 'Genève',
    Billing_Code: String(8000 + (i % 99)),
    Billing_Country: 'Switzerland',
  }));
  const contacts = Array.from({ length: opts.contacts }, (_, i) => ({
    id: id(2, i),
    First_Name: FIRST[i % FIRST.length],
    Last_Name: LAST[(i * 7) % LAST.length],
    Phone: phone(i),
    Mobile: phone(900000 + i),
    Email: `contact.${i}@example.com`,
    Account_Name: i % 5 === 0 ? null : { id: id(1, i % opts.accounts), name: `Company ${i % opts.accounts}` },
  }));
  const leads = Array.from({ length: opts.leads }, (_, i) => ({
    id: id(3, i),
    First_Name: FIRST[(i * 5) % FIRST.length],
    Last_Name: `${LAST[i % LAST.length]} ${i}`,
    Company: i % 7 === 0 ? null : `Lead Company ${i % 2000}`,
    // A tenth share a Contact's phone, which is unique: Zoho's DUPLICATE_DATA.
    Phone: i % 10 === 0 ? phone(i % opts.contacts) : phone(300000 + i),
    Email: `lead.${i}@example.com`,
    Lead_Source: 'Trade Show',
    Description: `Met at the fair, visit ${i}`,
    Converted__s: i % 97 === 0,
    Locked__s: i % 89 === 0,
    $approval_state: i % 83 === 0 ? 'approval_process_pending' : 'approved',
    Tag: [{ name: 'Fair', id: '1' }],
    Owner: { id: '4876876000000225001', name: 'Owner' },
  }));
  const quotes = Array.from({ length: opts.quotes }, (_, i) => {
    const items = Array.from({ length: 1 + (i % 8) }, (_, k) => ({
      id: id(5, i * 10 + k),
      Product_Name: { id: id(6, k), name: `Product ${k} — Ωmega` },
      Quantity: 1 + k,
      List_Price: 19.9 + k * 10,
      Discount: k % 3 === 0 ? 5 : 0,
      Line_Tax: [{ name: 'MwSt', percentage: 7.7 }],
      Description: k % 2 ? `Line ${k}\nsecond line` : null,
    }));
    return {
      id: id(4, i),
      Subject: `Quote ${i}`,
      Quote_Number: `QT-${i}`,
      Account_Name: i % 9 === 0 ? null : { id: id(1, i % opts.accounts), name: `Company ${i % opts.accounts}` },
      Contact_Name: { id: id(2, i % opts.contacts), name: 'Contact' },
      Quoted_Items: items,
      Grand_Total: 100 + i,
      Valid_Till: '2026-12-31',
    };
  });
  write(path.join(dir, 'Accounts.records.json'), accounts);
  write(path.join(dir, 'Contacts.records.json'), contacts);
  write(path.join(dir, 'Leads.records.json'), leads);
  write(path.join(dir, 'Quotes.records.json'), quotes);
  const std = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'zoho', 'Contacts.json'), 'utf8')) as { fields: { api_name: string; unique: unknown }[] };
  for (const f of std.fields) if (f.api_name === 'Phone') f.unique = { case_sensitive: false };
  fs.writeFileSync(path.join(dir, 'Contacts.fields.json'), JSON.stringify({ fields: std.fields }));
}
