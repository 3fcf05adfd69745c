/**
 * The fuzzy model: how much two profiles agree, in bits, with the fields that agreed (pure).
 *
 * Each comparison puts the pair in one level (see model-weights.ts); a comparison with a value
 * missing on either side adds nothing. The evidence names the *existing* record's field and
 * the *incoming* value, as Zoho's `preference_field_matched_value` does.
 */
import { bits, scoreOf, W, type Level } from './model-weights';
import { sameGivenName } from './nicknames';
import type { Entry, Profile } from './record-profile';
import { editDistance, jaroWinkler, tokenSimilarity } from './similarity';

/** How common a key is among the records compared, by kind (`given`, `city`, `other:Field`…). */
export interface Shares {
  share(kind: string, key: string): number;
}

/** One field that agreed. */
export interface Evidence {
  /** The existing record's field (for a row of the batch: that row's field). */
  field: string;
  /** The incoming value that matched. */
  value: string;
  how: 'exact' | 'normalised' | 'fuzzy';
  similarity: number;
}

export interface PairScore {
  bits: number;
  score: number;
  evidence: Evidence[];
}

/** What the comparison needs besides the two profiles. */
export interface CompareContext {
  shares: Shares;
  /** Incoming `other` field -> the existing record's field it is compared with (absent: same name). */
  otherFields?: ReadonlyMap<string, string>;
  /** The existing record is a company: its name weighs as a name, not as an employer. */
  organisation: boolean;
  /** Receives the name of every level the pair falls in (for calibrating the model). */
  trace?: string[];
}

const NO_SHARES: Shares = { share: () => 0 };

function how(a: Entry, b: Entry): 'exact' | 'normalised' {
  return a.raw.trim() === b.raw.trim() ? 'exact' : 'normalised';
}

/** Level -> its name in W ("family.exact"), for tracing which levels a pair fell in. */
const LEVEL_NAMES = new Map<Level, string>();
for (const [group, levels] of Object.entries(W)) {
  if (typeof levels !== 'object') continue;
  for (const [name, level] of Object.entries(levels as Record<string, Level>)) LEVEL_NAMES.set(level, `${group}.${name}`);
}

class Tally {
  bits = 0;

  /** `evidence` null: only the score is wanted (most pairs compared are not kept). */
  constructor(
    readonly trace: string[] | null,
    readonly evidence: Evidence[] | null,
  ) {}

  add(level: Level, share = 0): number {
    const b = bits(level, share);
    this.bits += b;
    this.trace?.push(LEVEL_NAMES.get(level) ?? '?');
    return b;
  }

  agree(incoming: Entry, existing: Entry, level: Level, share: number, similarity: number): void {
    this.add(level, share);
    this.evidence?.push({ field: existing.field, value: incoming.raw, how: similarity >= 1 ? how(incoming, existing) : 'fuzzy', similarity });
  }
}

type Scored = { bits: number; sim: number; level: Level };

function lv(level: Level, share: number, sim: number): Scored {
  return { bits: bits(level, share), sim, level };
}

function familyBits(a: string, b: string, shares: Shares): Scored {
  if (a === b) return lv(W.family.exact, shares.share('family', a), 1);
  const ta = a.split(' ');
  const tb = b.split(' ');
  // A double surname written whole on one side and in part on the other.
  if ((ta.length > 1 || tb.length > 1) && (ta.every((t) => tb.includes(t)) || tb.every((t) => ta.includes(t)))) {
    return lv(W.family.close, 0, 0.95);
  }
  const jw = jaroWinkler(a, b);
  // A typo of a common name says no more than the common name itself.
  const common = Math.max(shares.share('family', a), shares.share('family', b));
  if (jw >= 0.95) return lv(W.family.close, common, jw);
  if (jw >= 0.88) return lv(W.family.near, common, jw);
  if (jw >= 0.8) return lv(W.family.far, common, jw);
  return lv(W.family.diff, 0, jw);
}

function givenBits(a: string, b: string, shares: Shares): Scored {
  if (a === b) return lv(W.given.exact, shares.share('given', a), 1);
  const fa = a.split(' ')[0] as string;
  const fb = b.split(' ')[0] as string;
  if (fa === fb) return lv(W.given.close, 0, 0.95);
  if (sameGivenName(fa, fb)) return lv(W.given.nickname, 0, 0.9);
  if ((fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb))) return lv(W.given.initial, 0, 0.8);
  const jw = jaroWinkler(a, b);
  const common = Math.max(shares.share('given', a), shares.share('given', b));
  if (jw >= 0.95) return lv(W.given.close, common, jw);
  if (jw >= 0.88) return lv(W.given.near, common, jw);
  if (jw >= 0.8) return lv(W.given.far, common, jw);
  return lv(W.given.diff, 0, jw);
}

function compareNames(a: Profile, b: Profile, t: Tally, shares: Shares): void {
  const straight = { f: null as null | Scored, g: null as null | Scored };
  if (a.family && b.family) straight.f = familyBits(a.family.key, b.family.key, shares);
  if (a.given && b.given) straight.g = givenBits(a.given.key, b.given.key, shares);
  const straightBits = (straight.f?.bits ?? 0) + (straight.g?.bits ?? 0);
  // The same names the other way round ("Hall, Isla" against "Isla Hall").
  let swapped: typeof straight | null = null;
  if (a.family && b.given && a.given && b.family) {
    swapped = { f: familyBits(a.family.key, b.given.key, shares), g: givenBits(a.given.key, b.family.key, shares) };
  } else if (a.family && b.given && !b.family) {
    swapped = { f: familyBits(a.family.key, b.given.key, shares), g: null };
  } else if (a.given && b.family && !a.family) {
    swapped = { f: familyBits(a.given.key, b.family.key, shares), g: null };
  }
  const swappedBits = swapped ? (swapped.f?.bits ?? 0) + (swapped.g?.bits ?? 0) + W.swapBits : -Infinity;
  if (swapped && swappedBits > straightBits) {
    t.bits += swappedBits;
    if (t.trace) t.trace.push('name.swapped', ...[swapped.f, swapped.g].filter((x): x is Scored => x !== null).map((x) => LEVEL_NAMES.get(x.level) ?? '?'));
    if (swapped.f && swapped.f.bits > 0 && a.family && b.given) t.evidence?.push({ field: b.given.field, value: a.family.raw, how: 'fuzzy', similarity: swapped.f.sim });
    if (swapped.g && swapped.g.bits > 0 && a.given && b.family) t.evidence?.push({ field: b.family.field, value: a.given.raw, how: 'fuzzy', similarity: swapped.g.sim });
    return;
  }
  t.bits += straightBits;
  if (t.trace) t.trace.push(...[straight.f, straight.g].filter((x): x is Scored => x !== null).map((x) => LEVEL_NAMES.get(x.level) ?? '?'));
  if (straight.g && straight.g.bits > 0 && a.given && b.given) t.evidence?.push({ field: b.given.field, value: a.given.raw, how: straight.g.sim >= 1 ? how(a.given, b.given) : 'fuzzy', similarity: straight.g.sim });
  if (straight.f && straight.f.bits > 0 && a.family && b.family) t.evidence?.push({ field: b.family.field, value: a.family.raw, how: straight.f.sim >= 1 ? how(a.family, b.family) : 'fuzzy', similarity: straight.f.sim });
}

function compareDob(a: Entry, b: Entry, t: Tally, shares: Shares): void {
  const x = a.key;
  const y = b.key;
  if (x === y) return t.agree(a, b, W.dob.exact, shares.share('dob', x), 1);
  if (x.length !== 8 || y.length !== 8) {
    t.add(W.dob.diff);
    return;
  }
  let diffs = 0;
  for (let i = 0; i < 8; i += 1) if (x.charCodeAt(i) !== y.charCodeAt(i)) diffs += 1;
  if (diffs === 1) return t.agree(a, b, W.dob.oneDigit, 0, 0.9);
  if (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6)) return t.agree(a, b, W.dob.swapped, 0, 0.85);
  const days = Math.abs(Date.UTC(+x.slice(0, 4), +x.slice(4, 6) - 1, +x.slice(6, 8)) - Date.UTC(+y.slice(0, 4), +y.slice(4, 6) - 1, +y.slice(6, 8))) / 86_400_000;
  if (x.slice(4) === y.slice(4) || days <= 45 || editDistance(x, y) <= 2) return t.agree(a, b, W.dob.close, 0, 0.7);
  t.add(W.dob.diff);
}

/** The best-agreeing pair of two lists of entries under `level` (for emails, phones, places). */
function compareBest(
  as: readonly Entry[],
  bs: readonly Entry[],
  t: Tally,
  kind: string,
  shares: Shares,
  levels: { exact: Level; close?: Level; near?: Level; diff: Level },
  similar: (x: string, y: string) => number,
  closeAt: number,
  nearAt = 2,
): void {
  if (as.length === 0 || bs.length === 0) return;
  let a = as[0] as Entry;
  let b = bs[0] as Entry;
  let sim = -1;
  outer: for (const x of as) {
    for (const y of bs) {
      const s = x.key === y.key ? 1 : similar(x.key, y.key);
      if (s > sim) {
        sim = s;
        a = x;
        b = y;
      }
      if (s === 1) break outer;
    }
  }
  if (sim === 1) return t.agree(a, b, levels.exact, shares.share(kind, a.key), 1);
  const close = levels.close && sim >= closeAt ? levels.close : levels.near && sim >= nearAt ? levels.near : null;
  if (close === null) {
    t.add(levels.diff);
    return;
  }
  // A near miss of a common value says no more than the common value itself.
  t.agree(a, b, close, Math.max(shares.share(kind, a.key), shares.share(kind, b.key)), sim);
}

function emailSimilarity(x: string, y: string): number {
  const ux = x.slice(0, x.indexOf('@'));
  const uy = y.slice(0, y.indexOf('@'));
  if (ux === uy && ux.length >= 4) return 0.85;
  return jaroWinkler(x, y);
}

function typoSimilarity(x: string, y: string): number {
  if (x.length < 4 || y.length < 4 || Math.abs(x.length - y.length) > 1) return 0;
  return editDistance(x, y) === 1 ? 0.9 : 0;
}

const tokensOf = (k: string): string[] => k.split(' ');

/**
 * How much an incoming profile and an existing one agree, in bits, with the evidence (left
 * empty with `scoreOnly`: most pairs compared are not kept, and the evidence costs as much as
 * the score).
 */
export function compareProfiles(incoming: Profile, existing: Profile, ctx: CompareContext, scoreOnly = false): PairScore {
  const t = new Tally(ctx.trace ?? null, scoreOnly ? null : []);
  const shares = ctx.shares ?? NO_SHARES;
  compareNames(incoming, existing, t, shares);
  if (incoming.dob && existing.dob) compareDob(incoming.dob, existing.dob, t, shares);
  compareBest(incoming.emails, existing.emails, t, 'email', shares, { exact: W.email.exact, close: W.email.typo, near: W.email.sameUser, diff: W.email.diff }, emailSimilarity, 0.92, 0.85);
  compareBest(incoming.phones, existing.phones, t, 'phone', shares, { exact: W.phone.exact, close: W.phone.typo, diff: W.phone.diff }, typoSimilarity, 0.9);
  if (incoming.company && existing.company) {
    const org = ctx.organisation;
    const lv = org ? W.orgName : { ...W.employer, near: undefined };
    compareBest([incoming.company], [existing.company], t, 'company', shares, { exact: lv.exact, close: lv.close, near: lv.near, diff: lv.diff }, (x, y) => tokenSimilarity(tokensOf(x), tokensOf(y)), 0.92, 0.8);
  }
  if (incoming.title && existing.title) {
    compareBest([incoming.title], [existing.title], t, 'title', shares, W.orgName, (x, y) => tokenSimilarity(tokensOf(x), tokensOf(y)), 0.92, 0.8);
  }
  compareBest(incoming.streets, existing.streets, t, 'street', shares, W.street, (x, y) => tokenSimilarity(tokensOf(x), tokensOf(y)), 0.9, 0.75);
  compareBest(incoming.cities, existing.cities, t, 'city', shares, W.city, jaroWinkler, 0.9);
  compareBest(incoming.zips, existing.zips, t, 'zip', shares, W.zip, typoSimilarity, 0.9);
  compareBest(incoming.states, existing.states, t, 'state', shares, W.state, () => 0, 2);
  compareBest(incoming.countries, existing.countries, t, 'country', shares, W.country, () => 0, 2);
  if (incoming.website && existing.website) compareBest([incoming.website], [existing.website], t, 'website', shares, W.website, () => 0, 2);
  for (const o of incoming.others) {
    const field = ctx.otherFields?.get(o.field) ?? o.field;
    const e = existing.others.find((x) => x.field === field);
    if (e) compareBest([o], [e], t, `other:${field}`, shares, { exact: W.other.exact, close: W.other.typo, diff: W.other.diff }, typoSimilarity, 0.9);
  }
  return { bits: t.bits, score: scoreOf(t.bits), evidence: t.evidence ?? [] };
}
