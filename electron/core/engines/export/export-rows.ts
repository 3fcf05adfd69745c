/**
 * One batch's rows through the export: each row judged (excluded, errors, a later stage) and
 * written into its stream. Plain rows take the fast path (fast-rows.ts); a row with an error,
 * an edit or the wrong width, and blocks of older storage forms, take the decoded path, which
 * computes every value and decides the row's fate from its stored issues.
 */
import type { Issue } from '../../../../shared/domain/batch';
import { decodeRawBlock, type BatchRepo, type StoredRow } from '../../db/repos/batch-repo';
import type { ExportRepo } from '../../db/repos/export-repo';
import { BLOCK_CSV } from '../../db/repos/row-block-codec';
import { evaluateRow, sourceOf } from '../batch/compute-row';
import type { JobContext } from '../replica-load/load-types';
import { indexCreated, rowFate, type BatchExportPlan, type CreatedIndex } from './batch-source';
import { BlockCursor } from './block-cursor';
import { blockPages } from './block-pages';
import type { UploadColumn } from './column-plan';
import type { LeftOutReason } from './export-types';
import { computeFast, fastBatch, fastRecipe, fastValue, storedRow, writeFastRow, type FastRecipe } from './fast-rows';
import type { JobStream } from './job-stream';

/** What a batch's pass counted. */
export interface RowPass {
  exported: number;
  leftOut: Map<LeftOutReason, number>;
  /** Lookup field -> rows that depend on another batch of the export through it. */
  dependentRows: Map<string, number>;
}

/** Inputs of one batch's pass. */
export interface RowPassInput {
  p: BatchExportPlan;
  batches: BatchRepo;
  state: ExportRepo;
  ctx: JobContext;
  phase: string;
  /** The stream of a stage and set of find_by lookups (created on first use). */
  streamFor(stage: number, viaFindBy: string[]): JobStream;
  /** The index of records this batch creates, when a later batch looks them up. */
  ownIndex: CreatedIndex | null;
}

export const CANCELLED_EXPORT = 'The export was cancelled; nothing was written.';

/** The code of a delimiter the byte cursor can read, or -1. */
export function cursorDelimiter(delimiter: string): number {
  const c = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  return c > 0 && c < 128 && c !== 34 && c !== 10 && c !== 13 ? c : -1;
}

function hasError(issues: readonly Issue[] | undefined): boolean {
  return issues !== undefined && issues.some((i) => i.severity === 'error');
}

/** Lets the thread's event loop run: the compressor pool hands out its next parts from there. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads every row of one batch into its streams. */
export async function exportBatchRows(input: RowPassInput): Promise<RowPass> {
  const { p, ownIndex } = input;
  const b = p.record;
  const width = b.header.length;
  const leftOut = new Map<LeftOutReason, number>();
  const dependentRows = new Map<string, number>();
  const left = (reason: LeftOutReason): void => void leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  let exported = 0;

  const values = new Array<string>(p.ctx.plans.length);
  const scratch: Issue[] = [];
  const decoded = (r: StoredRow, issues: readonly Issue[], edits: ReadonlyMap<string, string> | undefined): void => {
    scratch.length = 0;
    evaluateRow(sourceOf(r), p.ctx, edits, values, scratch, false);
    const fate = rowFate(p, issues, values, scratch);
    if (fate.kind === 'left') {
      left(fate.reason);
      if (fate.reason === 'waits for stage 1') countDependents(p, issues, dependentRows);
      return;
    }
    for (const f of fate.viaFindBy) dependentRows.set(f, (dependentRows.get(f) ?? 0) + 1);
    const stream = input.streamFor(fate.stage, fate.viaFindBy);
    stream.add(r.rowNo, cellsOf(stream.columns, values, fate.findByValues));
    exported += 1;
    if (ownIndex) indexCreated(ownIndex, p, (i) => values[i] ?? '', fate.stage);
  };

  const delim = cursorDelimiter(b.delimiter);
  const fb = delim < 0 ? null : fastBatch(p.ctx);
  const fastValues = new Array<string>(fb?.computed.plans.length ?? 0);
  const cells = new Array<string>(width);
  let plain: { stream: JobStream; recipe: FastRecipe | null } | null = null;

  for (const page of blockPages(input.batches, input.state, b, input.ctx, { phase: input.phase, cancelMessage: CANCELLED_EXPORT })) {
    await yieldToLoop();
    for (const blk of page.blocks) {
      if (fb === null || blk.fmt !== BLOCK_CSV) {
        for (const r of decodeRawBlock(blk, b.delimiter, width)) {
          if (page.excluded.has(r.rowNo)) left('excluded');
          else decoded(r, page.issues.get(r.rowNo) ?? [], page.edits.get(r.rowNo));
        }
        continue;
      }
      const cur = new BlockCursor(blk.bytes, delim);
      while (cur.next()) {
        if (cur.blank) continue;
        const rowNo = blk.firstRow + cur.rowIndex;
        if (page.excluded.has(rowNo)) {
          left('excluded');
          continue;
        }
        const issues = page.issues.get(rowNo);
        plain ??= { stream: input.streamFor(1, []), recipe: null };
        plain.recipe ??= fastRecipe(fb, plain.stream.columns, delim);
        if (cur.cellCount !== width || hasError(issues) || page.edits.has(rowNo) || plain.recipe === null) {
          decoded(storedRow(cur, rowNo, width), issues ?? [], page.edits.get(rowNo));
          continue;
        }
        computeFast(fb, cur, rowNo, cells, fastValues, scratch);
        const sink = plain.stream.beginRow(rowNo);
        if (sink !== null) writeFastRow(sink, cur, plain.recipe, fastValues);
        plain.stream.endRow();
        exported += 1;
        if (ownIndex) indexCreated(ownIndex, p, (i) => fastValue(fb, cur, fastValues, i), 1);
      }
    }
  }
  return { exported, leftOut, dependentRows };
}

function cellsOf(columns: readonly UploadColumn[], values: readonly string[], findByValues: ReadonlyMap<string, string>): string[] {
  return columns.map((c) => (c.findBy !== null ? (findByValues.get(c.field) ?? '') : c.plan < 0 ? '' : (values[c.plan] ?? '')));
}

function countDependents(p: BatchExportPlan, issues: readonly Issue[], into: Map<string, number>): void {
  for (const i of issues) {
    if (i.field !== null && p.dependent.has(i.field)) into.set(i.field, (into.get(i.field) ?? 0) + 1);
  }
}
