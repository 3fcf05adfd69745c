/**
 * How common each value is among the records compared, for the model's term-frequency
 * adjustment (pure).
 */
import type { Shares } from './compare-profiles';
import type { Profile } from './record-profile';

/** Counts keys per kind as profiles are added; `share` is count / records added. */
export class ShareTable implements Shares {
  private readonly counts = new Map<string, Map<string, number>>();
  private total = 0;

  private bump(kind: string, key: string): void {
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

  share(kind: string, key: string): number {
    if (this.total === 0) return 0;
    return (this.counts.get(kind)?.get(key) ?? 0) / this.total;
  }
}
