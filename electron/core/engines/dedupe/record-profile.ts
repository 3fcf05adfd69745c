/**
 * A record as the fuzzy model sees it: its values by role, each with its normalised key (pure).
 *
 * Built once per record (an incoming row, a replica record) and compared many times, so every
 * key and token list the comparisons need is worked out here.
 */
import { namePart } from '../transform/name-transforms';
import type { FieldRole, Role } from './field-roles';
import { addressTokens, companyTokens, dateKey, emailKey, personNameTokens, phoneKey, textKey, websiteKey, zipKey } from './match-keys';

/** One value of a record: the field it is in, the value as written, and its key. */
export interface Entry {
  field: string;
  raw: string;
  key: string;
}

export interface Profile {
  given: Entry | null;
  family: Entry | null;
  /** Every word of the person's name, given names first. */
  nameTokens: string[];
  emails: Entry[];
  phones: Entry[];
  company: Entry | null;
  companyTokens: string[];
  /** A non-person record's name (Deal_Name, Subject…). */
  title: Entry | null;
  titleTokens: string[];
  streets: Entry[];
  streetTokens: string[][];
  cities: Entry[];
  zips: Entry[];
  states: Entry[];
  countries: Entry[];
  dob: Entry | null;
  website: Entry | null;
  /** Identifying fields without a role of their own, by field name. */
  others: Entry[];
}

/**
 * A normaliser that remembers its last answers. Names, companies and places repeat across a
 * million records, so most of them are normalised once (the cache is dropped when it fills).
 */
function memo(fn: (v: string) => string, max = 100_000): (v: string) => string {
  let cache = new Map<string, string>();
  return (v) => {
    let k = cache.get(v);
    if (k === undefined) {
      k = fn(v);
      if (cache.size >= max) cache = new Map();
      cache.set(v, k);
    }
    return k;
  };
}

const KEYS: Record<Exclude<Role, 'given' | 'family' | 'fullName'>, (v: string) => string> = {
  email: emailKey,
  phone: phoneKey,
  company: memo((v) => companyTokens(v).join(' ')),
  title: memo(textKey),
  street: (v) => addressTokens(v).join(' '),
  city: memo(textKey),
  zip: zipKey,
  state: memo(textKey),
  country: memo(textKey),
  dob: dateKey,
  website: websiteKey,
  other: textKey,
};

const nameKey = memo((raw: string) => personNameTokens(raw).join(' '));

/** An empty profile (every role blank). */
export function emptyProfile(): Profile {
  return {
    given: null,
    family: null,
    nameTokens: [],
    emails: [],
    phones: [],
    company: null,
    companyTokens: [],
    title: null,
    titleTokens: [],
    streets: [],
    streetTokens: [],
    cities: [],
    zips: [],
    states: [],
    countries: [],
    dob: null,
    website: null,
    others: [],
  };
}

function nameEntry(field: string, raw: string): Entry | null {
  const key = nameKey(raw);
  return key === '' ? null : { field, raw, key };
}

/** Builds the profile of a record from its values (`get` returns '' for an empty field). */
export function buildProfile(roles: readonly FieldRole[], get: (field: string) => string): Profile {
  const p = emptyProfile();
  let full: Entry | null = null;
  for (const r of roles) {
    const raw = get(r.field);
    if (raw === '' || raw.trim() === '') continue;
    switch (r.role) {
      case 'given':
        p.given ??= nameEntry(r.field, raw);
        break;
      case 'family':
        p.family ??= nameEntry(r.field, raw);
        break;
      case 'fullName':
        full ??= nameEntry(r.field, raw);
        break;
      default: {
        const key = KEYS[r.role](raw);
        if (key === '') break;
        const e: Entry = { field: r.field, raw, key };
        switch (r.role) {
          case 'email':
            if (!p.emails.some((x) => x.key === key)) p.emails.push(e);
            break;
          case 'phone':
            if (!p.phones.some((x) => x.key === key)) p.phones.push(e);
            break;
          case 'company':
            p.company ??= e;
            break;
          case 'title':
            p.title ??= e;
            break;
          case 'street':
            p.streets.push(e);
            break;
          case 'city':
            p.cities.push(e);
            break;
          case 'zip':
            p.zips.push(e);
            break;
          case 'state':
            p.states.push(e);
            break;
          case 'country':
            p.countries.push(e);
            break;
          case 'dob':
            p.dob ??= e;
            break;
          case 'website':
            p.website ??= e;
            break;
          case 'other':
            p.others.push(e);
            break;
        }
      }
    }
  }
  if (!p.given && !p.family && full) {
    // Only a whole name: split it the way the split-name transform does.
    const first = namePart(full.raw, 'first');
    const last = namePart(full.raw, 'last');
    p.given = first.ok ? nameEntry(full.field, first.value) : null;
    p.family = last.ok ? nameEntry(full.field, last.value) : nameEntry(full.field, full.raw);
  }
  p.nameTokens = [...(p.given?.key.split(' ') ?? []), ...(p.family?.key.split(' ') ?? [])];
  p.companyTokens = p.company ? p.company.key.split(' ') : [];
  p.titleTokens = p.title ? p.title.key.split(' ') : [];
  p.streetTokens = p.streets.map((s) => s.key.split(' '));
  return p;
}
