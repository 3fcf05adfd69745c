/**
 * What a merge would do, worked out on the screen before the user decides (pure): which value
 * wins on each field line under a rule or the user's picks, the decision sent to the core, and
 * the defaults of a cluster merge (survivor, which member's value each field keeps).
 *
 * The winners follow the core's `updateValues` rules: `fill-blanks` takes the incoming value
 * only where the existing record is blank; `incoming-wins` takes it wherever it has a value;
 * `pick` takes the user's choice, and fields without one follow `fill-blanks`.
 */
import type { FieldWinner, MergeRule, ReviewDecision } from '../../../shared/domain/review';
import type { CandidateField, ReviewCandidate, ReviewCluster, ReviewItem } from './review-types';

/** Which tab of the comparison is chosen: a candidate (by index) or the in-file cluster. */
export type ReviewTab = { kind: 'candidate'; index: number } | { kind: 'cluster' };

/** The user's choices on the selected item, before (or after) deciding. */
export interface ReviewDraft {
  row: number;
  tab: ReviewTab;
  rule: MergeRule;
  /** Winner per field of the chosen candidate (used when rule is `pick`). */
  picks: Record<string, FieldWinner>;
  /** Cluster merge: the surviving row and, per field, the member row whose value it keeps. */
  survivor: number | null;
  clusterPicks: Record<string, number>;
}

const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';

/** The winner of a line under a rule (no picks). */
export function ruleWinner(line: CandidateField, rule: Exclude<MergeRule, 'pick'>): FieldWinner {
  if (blank(line.incoming)) return 'existing';
  if (rule === 'incoming-wins') return 'incoming';
  return blank(line.existing) ? 'incoming' : 'existing';
}

/** The winner of a line under the draft's rule and picks. */
export function lineWinner(line: CandidateField, rule: MergeRule, picks: Readonly<Record<string, FieldWinner>>): FieldWinner {
  if (line.incoming === null) return 'existing';
  if (rule === 'pick') return picks[line.field] ?? ruleWinner(line, 'fill-blanks');
  return ruleWinner(line, rule);
}

/** Every line's winner under the rule, as explicit picks (switching to per-field keeps the view). */
export function picksFromRule(candidate: ReviewCandidate, rule: MergeRule, picks: Readonly<Record<string, FieldWinner>>): Record<string, FieldWinner> {
  const out: Record<string, FieldWinner> = {};
  for (const line of candidate.fields) {
    if (line.incoming !== null) out[line.field] = lineWinner(line, rule, picks);
  }
  return out;
}

/** How many lines the merge would change on the existing record. */
export function changedLines(candidate: ReviewCandidate, rule: MergeRule, picks: Readonly<Record<string, FieldWinner>>): number {
  return candidate.fields.filter((l) => l.incoming !== null && !l.same && lineWinner(l, rule, picks) === 'incoming').length;
}

/** The merge decision for the draft's candidate. */
export function mergeDecision(candidate: ReviewCandidate, draft: ReviewDraft): ReviewDecision {
  return {
    action: 'merge',
    module: candidate.module,
    id: candidate.id,
    rule: draft.rule,
    picks: draft.rule === 'pick' ? picksFromRule(candidate, 'pick', draft.picks) : {},
  };
}

/** The fields of a cluster's members (API names), in mapping order. */
export function clusterFields(cluster: ReviewCluster): string[] {
  return cluster.fields.map((f) => f.field);
}

/** Per field, the member whose value the survivor keeps: its own, or the first non-blank one. */
export function defaultClusterPicks(cluster: ReviewCluster, survivor: number): Record<string, number> {
  const own = cluster.rows.find((m) => m.row === survivor);
  const out: Record<string, number> = {};
  for (const f of clusterFields(cluster)) {
    if (own !== undefined && !blank(own.values[f])) {
      out[f] = survivor;
    } else {
      out[f] = cluster.rows.find((m) => !blank(m.values[f]))?.row ?? survivor;
    }
  }
  return out;
}

/** The values the survivor takes: only the fields where the chosen value differs from its own. */
export function clusterValues(cluster: ReviewCluster, survivor: number, picks: Readonly<Record<string, number>>): Record<string, string> {
  const own = cluster.rows.find((m) => m.row === survivor);
  const out: Record<string, string> = {};
  for (const f of clusterFields(cluster)) {
    const from = cluster.rows.find((m) => m.row === (picks[f] ?? survivor));
    const value = from?.values[f] ?? '';
    if (value !== (own?.values[f] ?? '')) out[f] = value;
  }
  return out;
}

/** The starting draft of an item: what was decided before, else the best candidate under fill-blanks. */
export function initialDraft(item: ReviewItem): ReviewDraft {
  const survivor = item.cluster === null ? null : (item.cluster.survivor ?? item.cluster.suggestedSurvivor);
  const base: ReviewDraft = {
    row: item.row,
    tab: item.candidates.length > 0 ? { kind: 'candidate', index: 0 } : { kind: 'cluster' },
    rule: 'fill-blanks',
    picks: {},
    survivor,
    clusterPicks: item.cluster !== null && survivor !== null ? defaultClusterPicks(item.cluster, survivor) : {},
  };
  const d = item.decision;
  if (d?.action === 'merge') {
    const index = item.candidates.findIndex((c) => c.module === d.module && c.id === d.id);
    if (index >= 0) return { ...base, tab: { kind: 'candidate', index }, rule: d.rule, picks: { ...d.picks } };
  }
  if (d?.action === 'merge-row' && item.cluster !== null) {
    return { ...base, tab: { kind: 'cluster' } };
  }
  return base;
}

/** The number of tabs (candidates, plus the cluster when there is one). */
export function tabCount(item: ReviewItem): number {
  return item.candidates.length + (item.cluster !== null ? 1 : 0);
}

/** Tab by position (0-based): candidates first, then the cluster. */
export function tabAt(item: ReviewItem, position: number): ReviewTab | null {
  if (position < 0) return null;
  if (position < item.candidates.length) return { kind: 'candidate', index: position };
  if (position === item.candidates.length && item.cluster !== null) return { kind: 'cluster' };
  return null;
}

/** The draft under another rule; switching to per-field picks starts from what the old rule did. */
export function withRule(d: ReviewDraft, item: ReviewItem, rule: MergeRule): ReviewDraft {
  if (rule !== 'pick' || d.tab.kind !== 'candidate') return { ...d, rule };
  const candidate = item.candidates[d.tab.index];
  return { ...d, rule, picks: candidate === undefined ? d.picks : picksFromRule(candidate, d.rule, d.picks) };
}

/** The draft with one field's winner set; under a rule it becomes per-field picks, keeping the rest. */
export function withWinner(d: ReviewDraft, item: ReviewItem, field: string, winner: FieldWinner): ReviewDraft {
  const candidate = d.tab.kind === 'candidate' ? item.candidates[d.tab.index] : undefined;
  if (candidate === undefined) return d;
  const base = d.rule === 'pick' ? d.picks : picksFromRule(candidate, d.rule, d.picks);
  return { ...d, rule: 'pick', picks: { ...base, [field]: winner } };
}

/** The draft with another survivor; fields that kept the old survivor's value keep the new one's. */
export function withSurvivor(d: ReviewDraft, row: number): ReviewDraft {
  const picks: Record<string, number> = {};
  for (const [f, from] of Object.entries(d.clusterPicks)) picks[f] = from === d.survivor ? row : from;
  return { ...d, survivor: row, clusterPicks: picks };
}
