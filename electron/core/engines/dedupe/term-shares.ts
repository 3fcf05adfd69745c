/**
 * How common each value is among the records compared, for the model's term-frequency
 * adjustment (pure).
 */
import type { Shares } from './compare-profiles';
import type { Profile } from './record-profile';

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
