/**
 * Normalised match keys: the form in which two values that mean the same thing become equal.
 *
 * Keys are for comparing only (never stored back into a record or exported). Each function
 * returns '' when the value holds nothing to compare.
 *
 * Decisions:
 * - Emails: trimmed and lower-cased, nothing else (dots and `+tags` are kept: for most domains
 *   they make a different mailbox).
 * - Phones: read as `toPhone` reads them (extensions dropped, letters refused), then compared on
 *   their last nine digits, so "+91 98444 44444", "098444 44444" and "9844444444" agree without
 *   knowing the country; fewer than seven digits is not a phone number.
 * - Company names: case, accents, punctuation, a leading "The" and trailing legal forms (Inc,
 *   Ltd, LLC, GmbH, Pvt Ltd, S.A., AG, …) go; "&" is "and". A name that is only a legal form
 *   keeps it.
 * - Person names: case and accents go; apostrophes join ("O'Brien" = "OBrien"), hyphens and
 *   other punctuation split; honorifics and generational suffixes go.
 * - Addresses: folded words with the usual street-type and direction abbreviations spelled out.
 * - Postal codes: letters and digits only, upper-cased; a US ZIP+4 compares on its first five.
 * - Dates: `yyyy-MM-dd`, `yyyyMMdd` and `dd/MM/yyyy`-like values with a four-digit year become
 *   `yyyyMMdd`; anything else compares on its digits.
 */
import { toPhone } from '../transform/phone-transforms';
import { foldCase, foldWords, tokens } from './fold-text';

/** An email address as compared: trimmed, lower case. */
export function emailKey(value: string): string {
  const v = value.trim().toLowerCase();
  return v.includes('@') ? v : '';
}

const PHONE_KEY_DIGITS = 9;
const PHONE_MIN_DIGITS = 7;

/** A phone number as compared: its last nine digits ('' when it is not a number). */
export function phoneKey(value: string): string {
  if (value.trim() === '') return '';
  const r = toPhone(value, false, null);
  if (!r.ok) return '';
  const digits = r.value.replace(/\D/g, '');
  if (digits.length < PHONE_MIN_DIGITS) return '';
  return digits.length > PHONE_KEY_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : digits;
}

/**
 * Legal forms, as folded word sequences, removed from the end of a company name. Longer forms
 * come first so "pvt ltd" goes whole.
 */
const LEGAL_FORMS: readonly string[][] = [
  'private limited', 'pvt ltd', 'pvt limited', 'pty ltd', 'pty limited', 'co ltd', 'company limited', 'sdn bhd',
  'public limited company', 'limited liability company', 'gmbh and co kg', 'ag and co kg', 'gmbh co kg', 'ag co kg', 'and co kg', 'and company', 'and co', 'co kg', 's a r l', 's a s', 's p a', 's r l',
  'b v', 'n v', 's a', 'a g', 'l l c', 'l l p', 'l p', 'p c',
  'incorporated', 'inc', 'corporation', 'corp', 'company', 'co', 'limited', 'ltd', 'llc', 'llp', 'lp', 'plc', 'pllc',
  'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'sa', 'sas', 'sarl', 'spa', 'srl', 'bv', 'nv', 'oy', 'oyj', 'ab', 'as', 'asa',
  'aps', 'kk', 'pty', 'pvt', 'pte', 'bhd', 'sdn', 'se', 'kft', 'zrt', 'sro', 'doo', 'ltda', 'cia', 'sl', 'sc',
].map((f) => f.split(' '));

/** Folded company-name words without a leading "the" and trailing legal forms. */
export function companyTokens(value: string): string[] {
  const words = tokens(value.replace(/&/g, ' and ').replace(/\+/g, ' and '));
  let end = words.length;
  let changed = true;
  while (changed && end > 1) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (form.length < end && form.every((w, i) => words[end - form.length + i] === w)) {
        end -= form.length;
        changed = true;
        break;
      }
    }
  }
  const start = end > 1 && words[0] === 'the' ? 1 : 0;
  return words.slice(start, end);
}

/** A company name as compared ("Zylker Biotech Pvt. Ltd." -> "zylker biotech"). */
export function companyKey(value: string): string {
  return companyTokens(value).join(' ');
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr', 'herr', 'frau', 'mme', 'mlle']);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'jnr', 'snr']);

/** Folded name words without honorifics and suffixes ("Dr. Seán O'Brien-Smith Jr." -> ["sean", "obrien", "smith"]). */
export function personNameTokens(value: string): string[] {
  const words = foldWords(foldCase(value).replace(/['’`]/g, ''))
    .split(' ')
    .filter((w) => w !== '');
  const out = words.filter((w, i) => !(NAME_SUFFIXES.has(w) && i > 0));
  while (out.length > 1 && HONORIFICS.has(out[0] as string)) out.shift();
  return out;
}

/** A person name (or name part) as compared. */
export function personNameKey(value: string): string {
  return personNameTokens(value).join(' ');
}

const ADDRESS_WORDS: Readonly<Record<string, string>> = {
  st: 'street', str: 'street', rd: 'road', ave: 'avenue', av: 'avenue', blvd: 'boulevard', blv: 'boulevard', dr: 'drive',
  ln: 'lane', ct: 'court', crt: 'court', pl: 'place', sq: 'square', hwy: 'highway', pkwy: 'parkway', cres: 'crescent',
  cir: 'circuit', cct: 'circuit', tce: 'terrace', ter: 'terrace', pde: 'parade', cl: 'close', gr: 'grove', mt: 'mount',
  hts: 'heights', apt: 'apartment', ste: 'suite', fl: 'floor', bldg: 'building', n: 'north', s: 'south', e: 'east',
  w: 'west', ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest',
};

/** Folded address words with street types and directions spelled out ("12 N. Main St." -> "12 north main street"). */
export function addressTokens(value: string): string[] {
  return tokens(value).map((w) => ADDRESS_WORDS[w] ?? w);
}

/** An address line as compared. */
export function addressKey(value: string): string {
  return addressTokens(value).join(' ');
}

/** A postal code as compared ("sw1a 1aa" -> "SW1A1AA", "94105-1234" -> "94105"). */
export function zipKey(value: string): string {
  const v = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^\d{9}$/.test(v) ? v.slice(0, 5) : v;
}

/** A date as `yyyyMMdd` where it can be read, else its digits. */
export function dateKey(value: string): string {
  const v = value.trim();
  let m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T\s].*)?$/.exec(v);
  if (m && (v.length >= 10 || /^\d{8}$/.test(v))) {
    return `${m[1]}${(m[2] as string).padStart(2, '0')}${(m[3] as string).padStart(2, '0')}`;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) {
    // Day first or month first cannot be told apart here; day first is the wider convention,
    // and a swapped pair still agrees on its digits at the "close" level.
    return `${m[3]}${(m[2] as string).padStart(2, '0')}${(m[1] as string).padStart(2, '0')}`;
  }
  return v.replace(/\D/g, '');
}

/** A generic text value as compared: folded words. */
export function textKey(value: string): string {
  return foldWords(value);
}

/** A website as its host without `www.` ("https://www.Zylker.com/about" -> "zylker.com"). */
export function websiteKey(value: string): string {
  const v = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  return v.split(/[/?#:]/)[0] ?? '';
}
