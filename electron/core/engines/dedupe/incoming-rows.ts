/**
 * The rows of a batch as the dedupe pass compares them: the values Zoho would receive (mapping,
 * transforms, edits, defaults, lookups), read in source order; excluded rows left out.
 */
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { BatchRecord, BatchRepo } from '../../db/repos/batch-repo';
import type { BatchStateRepo } from '../../db/repos/batch-state-repo';
import type { ReplicaRepo } from '../../db/repos/replica-repo';
import { batchPages } from '../batch/batch-pages';
import { evaluateRow, rowContext, sourceOf } from '../batch/compute-row';
import { replicaLookup } from '../batch/replica-lookup';
import type { JobContext } from '../replica-load/load-types';

/** One row's computed values by field API name (only non-empty ones). */
export interface ComputedValues {
  row: number;
  values: Map<string, string>;
}

/** Every non-excluded row of the batch with its computed values, in source order. */
export function readIncomingRows(
  repos: { batches: BatchRepo; state: BatchStateRepo; replica: ReplicaRepo },
  b: BatchRecord,
  fields: readonly FieldMeta[],
  ctx: JobContext,
  onPage: (rows: ComputedValues[]) => void,
): void {
  const mapping = JSON.parse(b.mappingJson) as BatchMapping;
  const rc = rowContext(b.header, mapping, fields, replicaLookup(repos.replica));
  const edits = repos.state.edits(b.id);
  const excluded = repos.state.excludedRows(b.id);
  const values = new Array<string>(rc.plans.length).fill('');
  const issues: Issue[] = [];
  for (const page of batchPages(repos.batches, b, ctx, { phase: 'reading rows', cancelMessage: 'Finding duplicates was cancelled; the previous results are kept.' })) {
    const out: ComputedValues[] = [];
    for (const r of page) {
      if (excluded.has(r.rowNo)) continue;
      evaluateRow(sourceOf(r), rc, edits.get(r.rowNo), values, issues);
      issues.length = 0;
      const m = new Map<string, string>();
      rc.plans.forEach((p, i) => {
        const v = values[i] as string;
        if (v !== '' && !m.has(p.field)) m.set(p.field, v);
      });
      out.push({ row: r.rowNo, values: m });
    }
    onPage(out);
  }
}
