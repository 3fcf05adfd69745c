/**
 * Deterministic CRM-like people and companies for the dedupe speed benchmark: a Bulk Read
 * Contacts export, an Accounts export, and a Leads file of which known rows are planted
 * duplicates (of a Contact, of an Account's company, or of another lead) with the typos,
 * case and layout changes real files have.
 *
 * Names are built from syllables with a skewed (Zipf-like) choice, so some surnames are common
 * and most are rare, as in a real CRM; the blocking then meets realistic block sizes.
 */
import { writeGeneratedCsv } from './write-generated-csv';

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 't', 'th', 'v', 'w', 'z', 'st', 'gr', 'kl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ie', 'ou', 'y'];
const CODAS = ['', 'n', 'r', 's', 'l', 'nd', 'rt', 'x', 'm', 'son', 'ton', 'ley', 'er', 'ford', 'wick'];
const CITIES = Array.from({ length: 400 }, (_, i) => `${cap(word(i * 7 + 3, 2))}${['ville', 'ton', 'burg', ' City', 'field', 'port'][i % 6]}`);
const WORDS = Array.from({ length: 3000 }, (_, i) => cap(word(i * 13 + 1, 2 + (i % 2))));
const SUFFIXES = ['Inc.', 'Ltd', 'LLC', 'GmbH', 'Pvt Ltd', 'S.A.', 'AG', 'Corp.', ''];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A pseudo-random number in [0, 1) from an integer (the same seed always gives the same). */
function rand(seed: number): number {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

function word(seed: number, syllables: number): string {
  let w = '';
  for (let s = 0; s < syllables; s += 1) {
    w += ONSETS[Math.floor(rand(seed * 31 + s) * ONSETS.length)] as string;
    w += VOWELS[Math.floor(rand(seed * 37 + s) * VOWELS.length)] as string;
  }
  return w + (CODAS[Math.floor(rand(seed * 41) * CODAS.length)] as string);
}

/** A skewed pick in [0, n): a third of the picks log-uniform (a few very common), the rest uniform. */
function zipf(seed: number, n: number): number {
  const r = rand(seed + 1);
  return r < 0.33 ? Math.min(n - 1, Math.floor(n ** rand(seed)) - 1) : Math.floor(rand(seed) * n);
}

const given = (i: number): string => cap(word(zipf(i * 3 + 1, 3000) + 10_000, 2));
const family = (i: number): string => cap(word(zipf(i * 5 + 2, 80_000) + 50_000, 2 + (i % 3 === 0 ? 1 : 0)));

export interface Person {
  first: string;
  last: string;
  email: string;
  phone: string;
  city: string;
  zip: string;
  street: string;
  company: string;
}

/** Person `i` of the replica (0-based, deterministic). */
export function person(i: number): Person {
  const first = given(i);
  const last = family(i);
  return {
    first,
    last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${i % 97}@${WORDS[i % WORDS.length]?.toLowerCase()}.example`,
    phone: `+44 ${String(7_000_000_000 + ((i * 7919) % 999_999_999)).slice(0, 4)} ${String(100_000 + ((i * 104_729) % 899_999))}`,
    city: CITIES[zipf(i * 11 + 7, CITIES.length)] as string,
    zip: String(10_000 + ((i * 37) % 89_999)),
    street: `${(i % 300) + 1} ${WORDS[(i * 3) % WORDS.length]} Street`,
    company: companyName(i % 200_000),
  };
}

/** Company `k` of the replica. */
export function companyName(k: number): string {
  const a = WORDS[k % WORDS.length] as string;
  const b = WORDS[Math.floor(k / WORDS.length) % WORDS.length] as string;
  const suffix = SUFFIXES[k % SUFFIXES.length] as string;
  return `${a} ${b}${suffix ? ` ${suffix}` : ''}`;
}

export const CONTACT_HEADER = ['id', 'First_Name', 'Last_Name', 'Email', 'Phone', 'Mailing_Street', 'Mailing_City', 'Mailing_Zip', 'Account_Name'];
export const ACCOUNT_HEADER = ['id', 'Account_Name', 'Phone', 'Billing_City', 'Billing_Code'];
export const LEAD_HEADER = ['First Name', 'Last Name', 'Company', 'Email', 'Phone', 'Street', 'City', 'Zip'];

export const contactId = (i: number): string => String(4876876000100000000n + BigInt(i));
export const accountId = (k: number): string => String(4876876000900000000n + BigInt(k));

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeContacts(file: string, rows: number): void {
  writeGeneratedCsv(file, CONTACT_HEADER, rows, (i) => {
    const p = person(i);
    return [contactId(i), p.first, p.last, p.email, p.phone, p.street, p.city, p.zip, accountId(i % 200_000)].map(quote);
  });
}

export function writeAccounts(file: string, rows: number): void {
  writeGeneratedCsv(file, ACCOUNT_HEADER, rows, (k) => {
    const p = person(k * 5 + 3);
    return [accountId(k), companyName(k), p.phone.replace('+44 7', '+44 2'), p.city, p.zip].map(quote);
  });
}

/** What lead `j` was planted as. */
export type Planted = { kind: 'contact'; id: string } | { kind: 'account'; id: string } | { kind: 'lead'; row: number } | { kind: 'new' };

function typo(s: string, seed: number): string {
  if (s.length < 4) return s;
  const at = 1 + Math.floor(rand(seed) * (s.length - 2));
  return s.slice(0, at) + (s[at + 1] ?? '') + (s[at] ?? '') + s.slice(at + 2);
}

/**
 * Lead `j` of `rows`: 30 % duplicate a Contact (a typo in the name, the email in capitals, the
 * phone in another layout), 10 % are new people at an existing company, 5 % repeat an earlier
 * lead, the rest are new people.
 */
export function lead(j: number, replicaContacts: number): { cells: string[]; planted: Planted } {
  const r = rand(j * 17 + 5);
  if (r < 0.3) {
    const i = Math.floor(rand(j * 19) * replicaContacts);
    const p = person(i);
    const last = j % 3 === 0 ? typo(p.last, j) : p.last;
    const email = j % 2 === 0 ? p.email.toUpperCase() : j % 5 === 0 ? '' : p.email;
    const phone = j % 4 === 0 ? p.phone.replace(/\s/g, '-') : p.phone;
    return { cells: [p.first, last, p.company, email, phone, p.street, p.city, p.zip], planted: { kind: 'contact', id: contactId(i) } };
  }
  const p = person(10_000_000 + j);
  if (r < 0.4) {
    const k = Math.floor(rand(j * 23) * 200_000);
    const name = companyName(k).replace(/ (Inc\.|Ltd|LLC|GmbH|Pvt Ltd|S\.A\.|AG|Corp\.)$/, j % 2 === 0 ? ' Limited' : '');
    return { cells: [p.first, p.last, name, p.email, p.phone, p.street, p.city, p.zip], planted: { kind: 'account', id: accountId(k) } };
  }
  if (r < 0.45 && j > 10) {
    const earlier = Math.floor(rand(j * 29) * (j - 1));
    const [first, last, company, email, ...rest] = lead(earlier, replicaContacts).cells as [string, string, string, string, ...string[]];
    return { cells: [first, typo(last, j), company, email.toUpperCase(), ...rest], planted: { kind: 'lead', row: earlier + 1 } };
  }
  return { cells: [p.first, p.last, p.company, p.email, p.phone, p.street, p.city, p.zip], planted: { kind: 'new' } };
}

export function writeLeads(file: string, rows: number, replicaContacts: number): void {
  writeGeneratedCsv(file, LEAD_HEADER, rows, (j) => lead(j, replicaContacts).cells.map(quote));
}
