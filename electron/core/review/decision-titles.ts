/**
 * What the batch grid shows for a decision: the name of the record or row it merges into.
 */
import type { ReviewDecision } from '../../../shared/domain/review';
import { recordName } from '../../../shared/domain/record-name';
import type { DedupeRepo } from '../db/repos/dedupe-repo';
import type { ReplicaRepo } from '../db/repos/replica-repo';

/** Row -> the title of its decision's target: a merge's record name, a merge-row's survivor title; else null. */
export function decisionTitles(repos: { replica: ReplicaRepo; dedupe: DedupeRepo }, batchId: number, decisions: ReadonlyMap<number, ReviewDecision>): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const [row, d] of decisions) {
    if (d.action === 'merge') {
      const rec = repos.replica.record(d.module, d.id);
      const cols = new Map(repos.replica.columns(d.module).map((c) => [c.key, c.col]));
      const get = (k: string): string | null => (rec ? (rec[cols.get(k) ?? ''] ?? null) : null);
      out.set(row, recordName(d.module, get) || d.id);
    } else if (d.action === 'merge-row') {
      out.set(row, repos.dedupe.rowOf(batchId, d.survivor)?.title || `Row ${d.survivor}`);
    } else {
      out.set(row, null);
    }
  }
  return out;
}
