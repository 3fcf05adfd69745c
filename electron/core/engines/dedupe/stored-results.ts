/**
 * A dedupe run's findings in the shape the workspace stores them: one queue row per row with a
 * candidate or a duplicate, its candidates best first, and the clusters (pure).
 */
import type { DedupeRunSummary } from './run-dedupe';
import type { StoredCandidate, StoredDedupeRow } from '../../db/repos/dedupe-repo';
import type { BatchLink, Candidate } from './find-duplicates';
import type { Evidence } from './compare-profiles';
import type { Profile } from './record-profile';
import type { ModuleScan } from './replica-scan';

/** Other rows kept per row as its in-batch candidates. */
const MAX_ROW_LINKS = 10;

/** A record's name as its profile holds it (person, company, or other record's name). */
export function profileTitle(p: Profile): string {
  const person = [p.given?.raw, p.family?.raw].filter((v): v is string => !!v && v.trim() !== '').map((v) => v.trim()).join(' ');
  if (person) return person;
  return (p.company?.raw ?? p.title?.raw ?? '').trim();
}

interface Inputs {
  module: string;
  incoming: readonly { row: number; values: ReadonlyMap<string, string>; profile: Profile }[];
  candidates: ReadonlyMap<number, Candidate[]>;
  links: readonly BatchLink[];
  clusters: readonly number[][];
  scans: ReadonlyMap<string, ModuleScan>;
}

const evidenceJson = (e: readonly Evidence[]): string => JSON.stringify(e.map((x) => ({ field: x.field, value: x.value, how: x.how, similarity: Math.round(x.similarity * 1000) / 1000 })));

export function storedResults(input: Inputs): {
  rows: StoredDedupeRow[];
  candidates: StoredCandidate[];
  clusters: { cluster: number; survivor: number }[];
  byModule: DedupeRunSummary['byModule'];
} {
  const byRow = new Map(input.incoming.map((r) => [r.row, r]));
  const clusterOf = new Map<number, number>();
  const clusters = input.clusters.map((members, i) => {
    for (const r of members) clusterOf.set(r, i + 1);
    // The best-filled row survives by default; the earliest among equals.
    let survivor = members[0] as number;
    for (const r of members) if ((byRow.get(r)?.values.size ?? 0) > (byRow.get(survivor)?.values.size ?? 0)) survivor = r;
    return { cluster: i + 1, survivor };
  });
  const rowLinks = new Map<number, { other: number; score: number; rule: string; evidence: Evidence[] }[]>();
  const push = (row: number, other: number, l: BatchLink, evidence: Evidence[]): void => {
    const list = rowLinks.get(row);
    const item = { other, score: l.score, rule: l.rule, evidence };
    if (list) list.push(item);
    else rowLinks.set(row, [item]);
  };
  for (const l of input.links) {
    push(l.a, l.b, l, l.evidence);
    const bValues = byRow.get(l.b)?.values;
    push(l.b, l.a, l, l.evidence.map((e) => ({ ...e, value: bValues?.get(e.field) ?? e.value })));
  }
  const rows: StoredDedupeRow[] = [];
  const candidates: StoredCandidate[] = [];
  const byModule: Record<string, number> = {};
  for (const r of input.incoming) {
    const replica = input.candidates.get(r.row) ?? [];
    const links = (rowLinks.get(r.row) ?? []).sort((x, y) => y.score - x.score || x.other - y.other).slice(0, MAX_ROW_LINKS);
    if (replica.length === 0 && links.length === 0) continue;
    for (const m of new Set(replica.map((c) => c.module))) byModule[m] = (byModule[m] ?? 0) + 1;
    const topReplica = replica[0];
    const topLink = links[0];
    const title = profileTitle(r.profile);
    let best: Omit<StoredDedupeRow, 'row' | 'title' | 'candidates' | 'cluster'>;
    if (topReplica && (!topLink || topReplica.score >= topLink.score)) {
      const scan = input.scans.get(topReplica.module);
      const ref = scan?.index.refOf(topReplica.id) ?? null;
      best = {
        bestScore: topReplica.score,
        bestModule: topReplica.module,
        bestId: topReplica.id,
        bestTitle: scan && ref !== null ? profileTitle(scan.index.profile(ref)) : null,
        bestRule: topReplica.rule,
        bestLocked: scan?.locked.has(topReplica.id) ?? false,
      };
    } else {
      const l = topLink as NonNullable<typeof topLink>;
      const other = byRow.get(l.other);
      best = { bestScore: l.score, bestModule: null, bestId: String(l.other), bestTitle: other ? profileTitle(other.profile) : null, bestRule: l.rule, bestLocked: false };
    }
    rows.push({ row: r.row, title, candidates: replica.length, cluster: clusterOf.get(r.row) ?? null, ...best });
    replica.forEach((c, rank) => candidates.push({ row: r.row, rank, module: c.module, recordId: c.id, score: c.score, rule: c.rule, matchedJson: evidenceJson(c.evidence) }));
    links.forEach((l, i) =>
      candidates.push({ row: r.row, rank: replica.length + i, module: null, recordId: String(l.other), score: l.score, rule: l.rule, matchedJson: evidenceJson(l.evidence) }),
    );
  }
  return { rows, candidates, clusters, byModule };
}
