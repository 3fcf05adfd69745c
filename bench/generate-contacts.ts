/**
 * Deterministic Bulk Read style Contacts CSV of any size (tests and the benchmark).
 */
import { writeGeneratedCsv } from './write-generated-csv';

const FIRST = ['Ada', 'José', 'Grace', 'Alan', 'Zoë', 'Chidi', 'Mei', 'Olusegun', 'Ingrid', 'Rahul', 'Søren', 'Fatima'];
const LAST = ['Lovelace', 'Núñez', 'Hopper', 'Turing', 'Müller', 'Okafor', 'Wang', 'Obi', 'Larsen', 'Gupta', "O'Brien", 'Haddad'];
const CITY = ['London', 'Sevilla', 'Arlington', 'Manchester', 'Zürich', 'Lagos', 'Shanghai', 'Abuja', 'Oslo', 'Pune'];

export const CONTACT_HEADER = [
  'id', 'First_Name', 'Last_Name', 'Email', 'Phone', 'Mobile', 'Account_Name', 'Title', 'Department',
  'Mailing_Street', 'Mailing_City', 'Mailing_State', 'Mailing_Zip', 'Mailing_Country', 'Lead_Source', 'Description',
  'Created_Time',
];

/** Row `i` (0-based) of the generated file; the same `i` always gives the same row. */
export function contactRow(i: number): string[] {
  const f = FIRST[i % FIRST.length] as string;
  const l = LAST[(i * 7) % LAST.length] as string;
  const id = String(4876876000001000000n + BigInt(i));
  const email = `${f.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.com`;
  const phone = `+44 20 ${String(7000 + (i % 3000)).padStart(4, '0')} ${String(i % 10000).padStart(4, '0')}`;
  const desc = i % 10 === 0 ? `"Note, with comma and ""quotes"" #${i}"` : `Customer since ${2000 + (i % 25)}`;
  return [
    id, f, l, email, phone, `0${7700900000 + (i % 99999)}`, String(4876876000000418001n + BigInt(i % 5000)), 'Manager', 'Sales',
    `${(i % 200) + 1} High Street`, CITY[i % CITY.length] as string, 'N/A', String(10000 + (i % 89999)), 'United Kingdom', 'Web Download', desc,
    `2024-0${(i % 9) + 1}-1${i % 10}T10:00:00+00:00`,
  ];
}

/** Writes `rows` generated contacts to `file` (CRLF, as Zoho writes CSV). */
export function writeContactsCsv(file: string, rows: number): void {
  writeGeneratedCsv(file, CONTACT_HEADER, rows, contactRow);
}
