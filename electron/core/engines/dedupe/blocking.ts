/**
 * Blocking: the few keys under which two records that may be the same are filed together, so
 * each record is compared with a handful of others instead of every one (pure).
 *
 * Two records are compared when they share at least one key. The keys are chosen so that a
 * duplicate with a typo, a missing value, or given and family name swapped still shares one:
 * an exact email, phone, date of birth, street or identifying value; the sound of a name
 * (Double Metaphone) with the other name's sound, the birth year, the postcode or the city; the
 * company name with its city. A key shared by more than MAX_BLOCK records is dropped: it tells
 * nothing (a birth year shared by a whole city), and comparing within it would make the cost
 * grow with the square of the data.
 */
import { doubleMetaphone } from 'double-metaphone';
import type { Profile } from './record-profile';

/** Records beyond which a block is too common to be worth comparing within. */
export const MAX_BLOCK = 100;

const STOP_WORDS = new Set(['and', 'the', 'of', 'de', 'la', 'le', 'du', 'des', 'der', 'van', 'von', 'cafe', 'restaurant', 'hotel', 'bar', 'grill', 'house']);

const soundCache = new Map<string, string>();

/**
 * A street is filed with its postcode and with its town: "1 High Street" is in every town, so
 * the street alone would compare half a CRM.
 */
function streetKeys(p: Profile, keys: Set<string>): void {
  for (const s of p.streets) {
    for (const place of [p.zips[0]?.key, p.cities[0]?.key]) if (place) keys.add(`s|${s.key}|${place}`);
  }
}

/**
 * Keys of this family say little alone: a record shares one word of a company's name with
 * many others. A candidate found only by them must share two (or every one the row has).
 */
export const WEAK_KEY_FAMILIES: ReadonlySet<string> = new Set(['cw']);

/** A company's keys: its whole name, and the sound of each telling word with its place. */
function companyKeys(p: Profile, keys: Set<string>): void {
  if (!p.company) return;
  keys.add(`c|${p.company.key}`);
  const place = p.cities[0]?.key ?? p.zips[0]?.key ?? '';
  for (const w of p.companyTokens) {
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    keys.add(`cw|${soundOf(w)}|${place}`);
  }
}

/** The primary Double Metaphone code of a folded word (cached: names repeat a lot). */
export function soundOf(word: string): string {
  let code = soundCache.get(word);
  if (code === undefined) {
    code = doubleMetaphone(word)[0] || word;
    if (soundCache.size > 200_000) soundCache.clear();
    soundCache.set(word, code);
  }
  return code;
}

/** Modules whose records are companies: compared by company name, not by person name. */
export function isOrganisationModule(module: string): boolean {
  return module === 'Accounts' || module === 'Vendors';
}

/**
 * The blocking keys of a profile (no duplicates). `otherFields` renames identifying fields to
 * the names they have in the module compared with (a Lead's field as the Contact field it
 * converts to). Against companies (`organisation`) a record is filed by its company name and
 * not by a person's name; against people, by names and not by employer (a shared employer is
 * no reason to compare two people, and "Global Services" employs half a CRM).
 */
export function blockingKeys(p: Profile, otherFields?: ReadonlyMap<string, string>, organisation = false): string[] {
  const keys = new Set<string>();
  for (const e of p.emails) {
    keys.add(`e|${e.key}`);
    // The mailbox alone, so a typo in the domain still meets the right record.
    const user = e.key.slice(0, e.key.indexOf('@'));
    if (user.length >= 3) keys.add(`eu|${user}`);
  }
  for (const e of p.phones) keys.add(`p|${e.key}`);
  const dob = p.dob && p.dob.key.length === 8 ? p.dob.key : '';
  if (dob) keys.add(`d|${dob}`);
  if (organisation) {
    companyKeys(p, keys);
    streetKeys(p, keys);
    if (p.website) keys.add(`w|${p.website.key}`);
    for (const o of p.others) if (o.key.length >= 4) keys.add(`o|${otherFields?.get(o.field) ?? o.field}|${o.key}`);
    return [...keys];
  }
  const given = p.given ? soundOf((p.given.key.split(' ')[0] as string).replace(/\s/g, '')) : '';
  const family = p.family ? soundOf(p.family.key.replace(/\s/g, '')) : '';
  if (given && family) keys.add(`n|${given < family ? `${given}|${family}` : `${family}|${given}`}`);
  const zip = p.zips[0]?.key ?? '';
  const city = p.cities[0]?.key ?? '';
  for (const s of [given, family]) {
    if (!s) continue;
    if (dob) keys.add(`ny|${s}|${dob.slice(0, 4)}`);
    if (dob) keys.add(`nd|${s}|${dob.slice(4)}`);
    if (zip) keys.add(`nz|${s}|${zip}`);
    if (city) keys.add(`nc|${s}|${city}`);
  }
  // The first letters of the names, for typos the sound of a name does not forgive.
  const g = p.given ? p.given.key.replace(/\s/g, '') : '';
  const f = p.family ? p.family.key.replace(/\s/g, '') : '';
  if (g.length >= 2 && f.length >= 2) keys.add(`gf|${g.slice(0, 3)}|${f.slice(0, 3)}`);
  if (f.length >= 3 && (city || zip)) keys.add(`fc|${f.slice(0, 4)}|${city || zip}`);
  if (g.length >= 3 && (city || zip)) keys.add(`fc|${g.slice(0, 4)}|${city || zip}`);
  for (const s of p.streets) keys.add(`s|${s.key}`);
  if (p.title) {
    keys.add(`t|${p.title.key}`);
    const first = p.titleTokens.find((w) => w.length >= 3 && !STOP_WORDS.has(w));
    if (first) keys.add(`tw|${soundOf(first)}`);
  }
  if (p.website) keys.add(`w|${p.website.key}`);
  for (const o of p.others) if (o.key.length >= 4) keys.add(`o|${otherFields?.get(o.field) ?? o.field}|${o.key}`);
  return [...keys];
}
