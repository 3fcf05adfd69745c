/**
 * How common each value is among the records compared, for the model's term-frequency
 * adjustment (pure).
 */
import type { Shares } from './compare-profiles';
import type { Profile } from './record-profile';

/** Records below which shares are taken over this many instead (see `share`). */
export const MIN_POPULATION = 2000;

/** Kinds with few distinct values, always counted; the others only for `wanted` keys. */
const SMALL_KINDS = new Set(['given', 'family', 'dob', 'company', 'title', 'city', 'zip', 'state', 'country']);

/**
 * Counts keys per kind as profiles are added; `share` is count / records added.
 *
 * Emails, phones, streets and identifying values have nearly as many distinct values as there
 * are records; counting every one of a million records would hold a million keys for nothing,
 * so those are counted only for the keys in `wanted` (the incoming rows' own values, the only
 * ones the model asks about). Without `wanted`, everything is counted.
 */
export class ShareTable implements Shares {
  private readonly counts = new Map<string, Map<string, number>>();
  private total = 0;

  constructor(private readonly wanted: ReadonlySet<string> | null = null) {}

  /** The key under which `wanted` lists a value of a kind. */
  static wantedKey(kind: string, key: string): string {
    return `${kind}\u0000${key}`;
  }

  private bump(kind: string, key: string): void {
    if (this.wanted && !SMALL_KINDS.has(kind) && !this.wanted.has(ShareTable.wantedKey(kind, key))) return;
    let m = this.counts.get(kind);
    if (!m) {
      m = new Map();
      this.counts.set(kind, m);
    }
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /** Counts the values of one record. */
  add(p: Profile): void {
    this.total += 1;
    if (p.given) this.bump('given', p.given.key);
    if (p.family) this.bump('family', p.family.key);
    if (p.dob) this.bump('dob', p.dob.key);
    for (const e of p.emails) this.bump('email', e.key);
    for (const e of p.phones) this.bump('phone', e.key);
    if (p.company) this.bump('company', p.company.key);
    if (p.title) this.bump('title', p.title.key);
    for (const e of p.streets) this.bump('street', e.key);
    for (const e of p.cities) this.bump('city', e.key);
    for (const e of p.zips) this.bump('zip', e.key);
    for (const e of p.states) this.bump('state', e.key);
    for (const e of p.countries) this.bump('country', e.key);
    if (p.website) this.bump('website', p.website.key);
    for (const e of p.others) this.bump(`other:${e.field}`, e.key);
  }

  /** Adds a count taken elsewhere (stored keys); `records` is how many records it covers. */
  addCount(kind: string, key: string, count: number): void {
    let m = this.counts.get(kind);
    if (!m) {
      m = new Map();
      this.counts.set(kind, m);
    }
    m.set(key, (m.get(key) ?? 0) + count);
  }

  addRecords(n: number): void {
    this.total += n;
  }

  /**
   * The value's share of the records, counted over at least MIN_POPULATION records: in a
   * small replica every value looks common (three Boyles in twenty records), which says more
   * about the sample than about how common the name is.
   */
  share(kind: string, key: string): number {
    return (this.counts.get(kind)?.get(key) ?? 0) / Math.max(this.total, MIN_POPULATION);
  }
}
