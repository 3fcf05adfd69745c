/**
 * Deterministic "export from another CRM" for the import benchmark: labels instead of API
 * names, day-first dates, phones in five shapes, a few bad emails and blank surnames, quoted
 * notes with commas and line breaks — the mess a user brings, about 120 bytes a row.
 */
import { writeGeneratedCsv } from './write-generated-csv';

const FIRST = ['Ada', 'José', 'Grace', 'Alan', 'Zoë', 'Chidi', 'Mei', 'Olusegun', 'Ingrid', 'Rahul', 'Søren', 'Fatima'];
const LAST = ['Lovelace', 'Núñez', 'Hopper', 'Turing', 'Müller', 'Okafor', 'Wang', 'Obi', 'Larsen', 'Gupta', "O'Brien", 'Haddad'];
const COMPANY = ['Acme Corporation', 'Globex, Inc.', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises'];
const SOURCE = ['Web Download', 'Cold Call', 'Advertisement', 'Trade Show', 'Partner'];

export const LEAD_HEADER = ['First Name', 'Surname', 'E-mail', 'Company Name', 'Phone', 'Lead Source', 'Zip/Postcode', 'Created', 'Notes'];

function phone(i: number): string {
  const n = String(1000000 + (i % 8999999));
  switch (i % 5) {
    case 0:
      return `+44 20 ${n.slice(0, 4)} ${n.slice(4)}`;
    case 1:
      return `(555) ${n.slice(0, 3)}-${n.slice(3)}`;
    case 2:
      return `555.${n.slice(0, 3)}.${n.slice(3)}`;
    case 3:
      return `0${n}`;
    default:
      return `+1-555-${n}`;
  }
}

/** Row `i` (0-based); the same `i` always gives the same row. */
export function leadRow(i: number): string[] {
  const f = FIRST[i % FIRST.length] as string;
  const l = i % 997 === 0 ? '' : (LAST[(i * 7) % LAST.length] as string);
  const local = `${f.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}`;
  const email = i % 1009 === 0 ? `${local}(at)example.com` : `${local}@example.com`;
  const company = COMPANY[i % COMPANY.length] as string;
  const day = (i % 28) + 1;
  const month = (i % 12) + 1;
  const created = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${2000 + (i % 25)}`;
  const notes = i % 10 === 0 ? `"Met at the fair, ""hot"" lead\nCall back #${i}"` : `Imported lead ${i}`;
  return [f, l, email, company.includes(',') ? `"${company}"` : company, phone(i), SOURCE[i % SOURCE.length] as string, String(10000 + (i % 89999)), created, notes];
}

/** Writes `rows` generated leads to `file` (CRLF). */
export function writeLeadsCsv(file: string, rows: number): void {
  writeGeneratedCsv(file, LEAD_HEADER, rows, leadRow);
}
