/**
 * Which owner/user columns the upload leaves out when no users are loaded: a pass over the
 * batch that computes only those columns' values (the shared rule: a column goes in only when
 * every value is a user id; see shared/domain/user-fields.ts).
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { decodeRawBlock, type BatchRepo } from '../../db/repos/batch-repo';
import type { ExportRepo } from '../../db/repos/export-repo';
import { BLOCK_CSV } from '../../db/repos/row-block-codec';
import { evaluateRow, sourceOf, type FieldPlan, type RowContext, type SourceRow } from '../batch/compute-row';
import type { JobContext } from '../replica-load/load-types';
import { droppedUserFields, stillUserIds, unresolvedUserPlans, type BatchExportPlan } from './batch-source';
import { BlockCursor } from './block-cursor';
import { blockPages } from './block-pages';
import { CANCELLED_EXPORT } from './export-rows';
import { cursorDelimiter } from './row-writer';
import { storedRow } from './fast-rows';

/** The user columns to leave out of one batch's upload, with why. */
export function userFieldsToDrop(p: BatchExportPlan, batches: BatchRepo, state: ExportRepo, ctx: JobContext): Map<string, string> {
  const plans = unresolvedUserPlans(p.ctx);
  if (plans.length === 0) return new Map();
  const ok = plans.map(() => true);
  const sub: RowContext = { ...p.ctx, plans: plans.map((i) => p.ctx.plans[i] as FieldPlan) };
  const reads = [...new Set(sub.plans.flatMap((plan) => plan.indexes.filter((x) => x >= 0)))];
  const width = p.record.header.length;
  const values = new Array<string>(plans.length);
  const cells = new Array<string>(width);
  const scratch: Issue[] = [];
  const judge = (src: SourceRow, edits: ReadonlyMap<string, string> | undefined): void => {
    scratch.length = 0;
    evaluateRow(src, sub, edits, values, scratch, false);
    plans.forEach((i, k) => {
      ok[k] = stillUserIds(ok[k] as boolean, values[k] ?? '', p.ctx.plans[i]?.meta as FieldMeta);
    });
  };
  const delim = cursorDelimiter(p.record.delimiter);
  for (const page of blockPages(batches, state, p.record, ctx, { phase: 'checking owners', cancelMessage: CANCELLED_EXPORT })) {
    for (const blk of page.blocks) {
      if (delim < 0 || blk.fmt !== BLOCK_CSV) {
        for (const r of decodeRawBlock(blk, p.record.delimiter, width)) {
          if (!page.excluded.has(r.rowNo)) judge(sourceOf(r), page.edits.get(r.rowNo));
        }
        continue;
      }
      const cur = new BlockCursor(blk.bytes, delim);
      while (cur.next()) {
        if (cur.blank) continue;
        const rowNo = blk.firstRow + cur.rowIndex;
        if (page.excluded.has(rowNo)) continue;
        if (cur.cellCount !== width) {
          judge(sourceOf(storedRow(cur, rowNo, width)), page.edits.get(rowNo));
          continue;
        }
        for (const k of reads) cells[k] = cur.text(k);
        judge({ row: rowNo, cells, width: null }, page.edits.get(rowNo));
      }
    }
    if (ok.every((x) => !x)) break;
  }
  return droppedUserFields(p.ctx, (i) => ok[plans.indexOf(i)] ?? true);
}
