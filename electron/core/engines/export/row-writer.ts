/**
 * Writing a batch's rows into an upload CSV part: a plain row through the fast path (its
 * untouched cells copied from the block), an edited or ragged one from its computed values.
 * Both give the same bytes for the same values (test/unit/export/fast-rows.test.ts).
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { StoredRow } from '../../db/repos/batch-repo';
import { evaluateRow, sourceOf, type RowContext } from '../batch/compute-row';
import type { BlockCursor } from './block-cursor';
import type { UploadColumn } from './column-plan';
import { computeFast, fastBatch, fastRecipe, fastValue, storedRow, writeFastRow, type FastBatch, type FastRecipe } from './fast-rows';
import type { PartFile } from './part-file';
import { uploadLine } from './upload-csv';

/** The code of a delimiter the byte cursor can read, or -1. */
export function cursorDelimiter(delimiter: string): number {
  const c = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  return c > 0 && c < 128 && c !== 34 && c !== 10 && c !== 13 ? c : -1;
}

/** The upload line's cells from a row's computed values (find_by lookups take their own values). */
export function cellsOf(columns: readonly UploadColumn[], values: readonly string[], findByValues?: ReadonlyMap<string, string>): string[] {
  return columns.map((c) => (c.findBy !== null ? (findByValues?.get(c.field) ?? '') : c.plan < 0 ? '' : (values[c.plan] ?? '')));
}

/** Writes one batch's rows with one set of columns (no find_by columns). */
export class BatchRowWriter {
  /** The block cursor's delimiter code, or -1 when only decoded rows can be written. */
  readonly delimiter: number;
  private readonly fb: FastBatch | null;
  private readonly recipe: FastRecipe | null;
  private readonly quoted: boolean[];
  private readonly values: string[];
  private readonly fastValues: string[];
  private readonly cells: string[];
  private readonly scratch: Issue[] = [];

  constructor(
    private readonly ctx: RowContext,
    private readonly columns: readonly UploadColumn[],
    delimiter: string,
  ) {
    const d = cursorDelimiter(delimiter);
    this.fb = d < 0 ? null : fastBatch(ctx);
    this.recipe = this.fb === null ? null : fastRecipe(this.fb, columns, d);
    this.delimiter = this.recipe === null ? -1 : d;
    this.quoted = columns.map((c) => c.multiselect);
    this.values = new Array<string>(ctx.plans.length);
    this.fastValues = new Array<string>(this.fb?.computed.plans.length ?? 0);
    this.cells = new Array<string>(ctx.header.length);
  }

  /** Writes the cursor's row (row number `rowNo`), with the user's edits of it if any. */
  writeCursorRow(part: PartFile, cur: BlockCursor, rowNo: number, edits: ReadonlyMap<string, string> | undefined): void {
    const fb = this.fb;
    const recipe = this.recipe;
    if (fb === null || recipe === null || edits !== undefined || cur.cellCount !== fb.width) {
      this.writeStored(part, storedRow(cur, rowNo, this.ctx.header.length), edits);
      return;
    }
    const sink = part.beginRow(rowNo);
    if (sink !== null) {
      computeFast(fb, cur, rowNo, this.cells, this.fastValues, this.scratch);
      writeFastRow(sink, cur, recipe, this.fastValues);
    }
    part.endRow();
  }

  /** The cursor row's value of each mapped field (for the index of records a batch creates). */
  valuesAt(cur: BlockCursor, rowNo: number, edits: ReadonlyMap<string, string> | undefined): (plan: number) => string {
    const fb = this.fb;
    if (fb === null || edits !== undefined || cur.cellCount !== fb.width) {
      return this.valuesOf(storedRow(cur, rowNo, this.ctx.header.length), edits);
    }
    computeFast(fb, cur, rowNo, this.cells, this.fastValues, this.scratch);
    const fastValues = this.fastValues;
    return (plan) => fastValue(fb, cur, fastValues, plan);
  }

  /** A decoded row's value of each mapped field. */
  valuesOf(r: StoredRow, edits: ReadonlyMap<string, string> | undefined): (plan: number) => string {
    this.scratch.length = 0;
    evaluateRow(sourceOf(r), this.ctx, edits, this.values, this.scratch, false);
    const values = this.values;
    return (plan) => values[plan] ?? '';
  }

  /** Writes a decoded row from its computed values. */
  writeStored(part: PartFile, r: StoredRow, edits: ReadonlyMap<string, string> | undefined): void {
    const sink = part.beginRow(r.rowNo);
    if (sink !== null) {
      this.scratch.length = 0;
      evaluateRow(sourceOf(r), this.ctx, edits, this.values, this.scratch, false);
      sink.text(uploadLine(cellsOf(this.columns, this.values), this.quoted));
    }
    part.endRow();
  }
}
