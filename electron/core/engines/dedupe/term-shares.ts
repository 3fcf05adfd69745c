/**
 * How common each value is among the records compared, for the model's term-frequency
 * adjustment (pure).
 */
import type { Shares } from './compare-profiles';
import { companyKey } from './match-keys';
import type { Profile } from './record-profile';
import { COMPANY_RAW, unpackTerms } from './packed-terms';

/** Records below which shares are taken over this many instead (see `share`). */
export const MIN_POPULATION = 2000;

type Counts = Map<string, number>;

function bump(m: Counts, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/**
 * Counts keys per kind as profiles are added; `share` is count / records added.
 *
 * Names, dates of birth, companies and places have few distinct values and are always
 * counted. Emails, phones, streets and identifying values have nearly as many distinct values
 * as there are records; counting every one of a million records would hold a million keys for
 * nothing, so with `limitToWanted` those are counted only for the keys `want` was given (the
 * incoming rows' own values, the only ones the model asks about).
 */
export class ShareTable implements Shares {
  private total = 0;
  private readonly given: Counts = new Map();
  private readonly family: Counts = new Map();
  private readonly dob: Counts = new Map();
  private readonly company: Counts = new Map();
  private readonly title: Counts = new Map();
  private readonly city: Counts = new Map();
  private readonly zip: Counts = new Map();
  private readonly state: Counts = new Map();
  private readonly country: Counts = new Map();
  /** Kinds counted only for wanted keys: kind -> key -> count (a wanted key starts at 0). */
  private readonly large = new Map<string, Counts>();

  constructor(private readonly limitToWanted = false) {}

  /** Counts `key` of a large kind (email, phone, street, website, `other:Field`) from now on. */
  want(kind: string, key: string): void {
    let m = this.large.get(kind);
    if (!m) {
      m = new Map();
      this.large.set(kind, m);
    }
    if (!m.has(key)) m.set(key, 0);
  }

  private bumpLarge(kind: string, key: string): void {
    let m = this.large.get(kind);
    if (!m) {
      if (this.limitToWanted) return;
      m = new Map();
      this.large.set(kind, m);
    }
    const n = m.get(key);
    if (n !== undefined) m.set(key, n + 1);
    else if (!this.limitToWanted) m.set(key, 1);
  }

  /**
   * Adds a module's stored term counts (packed per kind, see replica-keys.ts) over `records`
   * records. A person's company was counted by its stored value: an account id becomes the
   * account's name here.
   */
  addPacked(records: number, terms: Iterable<[kind: string, packed: string]>, accountNames: ReadonlyMap<string, string> | null): void {
    this.total += records;
    for (const [kind, packed] of terms) {
      if (kind === COMPANY_RAW) {
        unpackTerms(packed, (raw, n) => {
          const key = companyKey(accountNames?.get(raw) ?? raw);
          if (key !== '') this.company.set(key, (this.company.get(key) ?? 0) + n);
        });
        continue;
      }
      const m = this.small(kind);
      if (m) unpackTerms(packed, (key, n) => m.set(key, (m.get(key) ?? 0) + n));
    }
  }

  /** Counts only the large kinds of a record whose small kinds came with addPacked. */
  addLarge(p: Profile): void {
    for (const e of p.emails) this.bumpLarge('email', e.key);
    for (const e of p.phones) this.bumpLarge('phone', e.key);
    for (const e of p.streets) this.bumpLarge('street', e.key);
    if (p.website) this.bumpLarge('website', p.website.key);
    for (const e of p.others) this.bumpLarge(`other:${e.field}`, e.key);
  }

  /** The small kinds of one record, as the stored term counts count them (replica-keys.ts). */
  static smallTerms(p: Profile): [string, string][] {
    const out: [string, string][] = [];
    if (p.given) out.push(['given', p.given.key]);
    if (p.family) out.push(['family', p.family.key]);
    if (p.dob) out.push(['dob', p.dob.key]);
    if (p.company) out.push(['company', p.company.key]);
    if (p.title) out.push(['title', p.title.key]);
    for (const e of p.cities) out.push(['city', e.key]);
    for (const e of p.zips) out.push(['zip', e.key]);
    for (const e of p.states) out.push(['state', e.key]);
    for (const e of p.countries) out.push(['country', e.key]);
    return out;
  }

  /** Counts the values of one record. */
  add(p: Profile): void {
    this.total += 1;
    if (p.given) bump(this.given, p.given.key);
    if (p.family) bump(this.family, p.family.key);
    if (p.dob) bump(this.dob, p.dob.key);
    if (p.company) bump(this.company, p.company.key);
    if (p.title) bump(this.title, p.title.key);
    for (const e of p.cities) bump(this.city, e.key);
    for (const e of p.zips) bump(this.zip, e.key);
    for (const e of p.states) bump(this.state, e.key);
    for (const e of p.countries) bump(this.country, e.key);
    for (const e of p.emails) this.bumpLarge('email', e.key);
    for (const e of p.phones) this.bumpLarge('phone', e.key);
    for (const e of p.streets) this.bumpLarge('street', e.key);
    if (p.website) this.bumpLarge('website', p.website.key);
    for (const e of p.others) this.bumpLarge(`other:${e.field}`, e.key);
  }

  private small(kind: string): Counts | undefined {
    switch (kind) {
      case 'given':
        return this.given;
      case 'family':
        return this.family;
      case 'dob':
        return this.dob;
      case 'company':
        return this.company;
      case 'title':
        return this.title;
      case 'city':
        return this.city;
      case 'zip':
        return this.zip;
      case 'state':
        return this.state;
      case 'country':
        return this.country;
      default:
        return undefined;
    }
  }

  /**
   * The value's share of the records, counted over at least MIN_POPULATION records: in a
   * small replica every value looks common (three Boyles in twenty records), which says more
   * about the sample than about how common the name is.
   */
  share(kind: string, key: string): number {
    const m = this.small(kind) ?? this.large.get(kind);
    return (m?.get(key) ?? 0) / Math.max(this.total, MIN_POPULATION);
  }
}
