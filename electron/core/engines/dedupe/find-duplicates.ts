/**
 * Finding the duplicates of incoming rows, in existing modules and among themselves (pure).
 *
 * For each row and each module compared with: Zoho's own rules (zoho-rules.ts) find what Zoho
 * would find, the blocking keys find what may be the same despite typos, and the fuzzy model
 * scores every record found either way. A record Zoho's rules found is always kept; others only
 * at DECISION_THRESHOLD or above. Rows of the batch are compared with each other the same way
 * and grouped into clusters.
 */
import { blockingKeys, MAX_BLOCK, WEAK_KEY_FAMILIES } from './blocking';
import { clusterRows, type RowLink } from './clusters';
import { compareProfiles, type Evidence, type Shares } from './compare-profiles';
import { CLUSTER_THRESHOLD, DECISION_THRESHOLD, scoreOf, UNIQUE_FIELD_BITS } from './model-weights';
import type { Profile } from './record-profile';
import type { ZohoRule } from './zoho-rules';

/** Which rule found a candidate (Zoho's, or the fuzzy model). */
export type MatchRule = ZohoRule | 'fuzzy';

/** An existing module, as the matcher reads it. */
export interface ExistingModule {
  module: string;
  /** Its records are companies (their name weighs as a name). */
  organisation: boolean;
  /** Incoming identifying field -> this module's field it is compared with. */
  otherFields: ReadonlyMap<string, string>;
  /** Records filed under a blocking key; null when the key is too common to compare within. */
  block(key: string): readonly number[] | null;
  profile(ref: number): Profile;
  id(ref: number): string;
  /** The record with this id, or null when the replica has none. */
  refOf(id: string): number | null;
}

/** What Zoho's rules found for one row in one module. */
export interface ZohoFound {
  id: string;
  rule: ZohoRule;
  matched: { field: string; value: string }[];
}

export interface IncomingRow {
  row: number;
  profile: Profile;
  /** Zoho's exact hits per module (see zohoMatches). */
  zoho: ReadonlyMap<string, readonly ZohoFound[]>;
}

export interface Candidate {
  module: string;
  id: string;
  score: number;
  rule: MatchRule;
  evidence: Evidence[];
}

export interface BatchLink extends RowLink {
  rule: MatchRule;
  /** What of row `a` agreed with row `b` (fields of b, values of a). */
  evidence: Evidence[];
}

export interface DuplicateResult {
  /** Row -> its candidates in existing modules, best first. */
  candidates: Map<number, Candidate[]>;
  /** Links between rows of the batch at the threshold or above. */
  links: BatchLink[];
  clusters: number[][];
}

/** At most this many candidates are kept per row and module. */
export const MAX_CANDIDATES = 10;

const RULE_RANK: Record<MatchRule, number> = { unique: 0, email: 1, 'account-name': 2, system: 3, name: 4, fuzzy: 5 };

function exactEvidence(found: ZohoFound, scored: Evidence[]): Evidence[] {
  const out: Evidence[] = found.matched.map((m) => ({ field: m.field, value: m.value, how: 'exact' as const, similarity: 1 }));
  for (const e of scored) if (!out.some((o) => o.field === e.field)) out.push(e);
  return out;
}

/**
 * At most this many records sharing a key with a row are compared with it per module: those
 * sharing the most telling keys. Without a limit a row is compared with every member of every
 * block it is in (up to MAX_BLOCK each), which on a million-record replica means a thousand
 * comparisons per row, nearly all with strangers who share a given name and a town. Twelve
 * keeps the ground-truth F1 of bench:dedupe and every planted duplicate of the speed bench
 * as 24 did (with fewer strangers flagged), at four fifths of the time.
 */
export const MAX_COMPARED = 12;

/**
 * The records sharing a key with the row, the most telling first and at most `limit` of them.
 * Each shared key counts 1 / (records filed under it): sharing an email with one record says
 * more than sharing a name sound with ninety. Records found only through weak keys (a word of
 * a company name) must share two of them, or all the row has when it has fewer.
 */
export function candidateRefs(keys: readonly string[], block: (key: string) => readonly number[] | null, limit = MAX_COMPARED): number[] {
  const weight = new Map<number, number>();
  const strong = new Set<number>();
  const weak = new Map<number, number>();
  let weakKeys = 0;
  for (const key of keys) {
    const b = block(key);
    const isWeak = WEAK_KEY_FAMILIES.has(key.slice(0, key.indexOf('|')));
    if (isWeak) weakKeys += 1;
    if (!b || b.length === 0) continue;
    const w = 1 / b.length;
    for (const r of b) {
      weight.set(r, (weight.get(r) ?? 0) + w);
      if (isWeak) weak.set(r, (weak.get(r) ?? 0) + 1);
      else strong.add(r);
    }
  }
  const need = Math.min(2, weakKeys);
  const eligible: number[] = [];
  for (const r of weight.keys()) if (strong.has(r) || (weak.get(r) ?? 0) >= need) eligible.push(r);
  if (eligible.length <= limit) return eligible;
  return eligible.sort((a, b) => (weight.get(b) as number) - (weight.get(a) as number) || a - b).slice(0, limit);
}

/** The records of `existing` a row is compared with beyond Zoho's hits (see candidateRefs). */
export function rowRefs(row: { profile: Profile }, existing: ExistingModule): number[] {
  return candidateRefs(blockingKeys(row.profile, existing.otherFields, existing.organisation), (k) => existing.block(k));
}

/** The candidates of one row in one existing module, best first (`blocked`: its rowRefs, when worked out already). */
export function rowCandidates(row: IncomingRow, existing: ExistingModule, shares: Shares, threshold = DECISION_THRESHOLD, blocked?: readonly number[]): Candidate[] {
  const ctx = { shares, otherFields: existing.otherFields, organisation: existing.organisation };
  const refs = new Set(blocked ?? rowRefs(row, existing));
  const byId = new Map<string, Candidate>();
  for (const found of row.zoho.get(existing.module) ?? []) {
    const ref = existing.refOf(found.id);
    const scored = ref === null ? null : compareProfiles(row.profile, existing.profile(ref), ctx);
    if (ref !== null) refs.delete(ref);
    const score = scored === null ? 1 : found.rule === 'unique' ? scoreOf(scored.bits + UNIQUE_FIELD_BITS) : scored.score;
    byId.set(found.id, { module: existing.module, id: found.id, score, rule: found.rule, evidence: exactEvidence(found, scored?.evidence ?? []) });
  }
  for (const ref of refs) {
    const p = existing.profile(ref);
    if (compareProfiles(row.profile, p, ctx, true).score < threshold) continue;
    const id = existing.id(ref);
    const s = compareProfiles(row.profile, p, ctx);
    if (!byId.has(id)) byId.set(id, { module: existing.module, id, score: s.score, rule: 'fuzzy', evidence: s.evidence });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || RULE_RANK[a.rule] - RULE_RANK[b.rule] || a.id.localeCompare(b.id)).slice(0, MAX_CANDIDATES);
}

/** The rule an in-batch link reads as: an equal email is Zoho's rule, anything else fuzzy. */
function linkRule(evidence: readonly Evidence[]): MatchRule {
  return evidence.some((e) => e.how !== 'fuzzy' && /email/i.test(e.field)) ? 'email' : 'fuzzy';
}

/**
 * Links between rows of the batch (companies when `organisation`) that share a blocking key
 * and score at the threshold; each row is compared with its MAX_COMPARED most telling others.
 */
export function batchLinks(rows: readonly IncomingRow[], shares: Shares, organisation: boolean, threshold = DECISION_THRESHOLD): BatchLink[] {
  const blocks = new Map<string, number[]>();
  const keysOf = rows.map((r, i) => {
    const keys = blockingKeys(r.profile, undefined, organisation);
    for (const key of keys) {
      const b = blocks.get(key);
      if (!b) blocks.set(key, [i]);
      else if (b.length <= MAX_BLOCK) b.push(i);
    }
    return keys;
  });
  const block = (key: string): readonly number[] | null => {
    const b = blocks.get(key);
    return b === undefined ? [] : b.length > MAX_BLOCK ? null : b;
  };
  const seen = new Set<number>();
  const n = rows.length;
  const links: BatchLink[] = [];
  const ctx = { shares, organisation };
  rows.forEach((_, self) => {
    // The row itself is in each of its blocks: ask for one more.
    for (const other of candidateRefs(keysOf[self] as string[], block, MAX_COMPARED + 1)) {
      if (other === self) continue;
      const i = Math.min(self, other);
      const j = Math.max(self, other);
      const pair = i * n + j;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const a = rows[i] as IncomingRow;
      const b = rows[j] as IncomingRow;
      if (compareProfiles(a.profile, b.profile, ctx, true).score < threshold) continue;
      const s = compareProfiles(a.profile, b.profile, ctx);
      links.push({ a: a.row, b: b.row, score: s.score, rule: linkRule(s.evidence), evidence: s.evidence });
    }
  });
  return links;
}

/** Every duplicate of the rows: candidates per existing module, links and clusters in the batch. */
export function findDuplicates(rows: readonly IncomingRow[], existing: readonly ExistingModule[], shares: Shares, organisation: boolean, threshold = DECISION_THRESHOLD): DuplicateResult {
  const candidates = new Map<number, Candidate[]>();
  for (const row of rows) {
    const list = existing.flatMap((m) => rowCandidates(row, m, shares, threshold));
    if (list.length > 0) candidates.set(row.row, list.sort((a, b) => b.score - a.score || RULE_RANK[a.rule] - RULE_RANK[b.rule]));
  }
  const links = batchLinks(rows, shares, organisation, threshold);
  return { candidates, links, clusters: clusterRows(links, Math.max(threshold, CLUSTER_THRESHOLD)) };
}
