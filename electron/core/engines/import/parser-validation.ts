/**
 * Validating rows in the CSV parser thread, while the import thread stores them.
 *
 * On two cores the import thread is the busy one (SQLite inserts), and the parser thread
 * waits for it most of the time, so the per-row checks run there instead. The parser sees
 * the same batches the import thread will, and splits off the header the same way, so the
 * row numbers of the issues are the row numbers the import thread stores.
 */
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { sameHeader } from '../../../../shared/domain/same-header';
import { rowContext } from '../batch/compute-row';
import { RowValidator } from '../batch/row-validator';
import { CsvBatchSink, isBlankRow } from '../csv/csv-batch-sink';
import { cellText, type TokenBatch } from '../csv/csv-tokenizer';
import { stripBom } from './sniff-csv';
import { UserDirectory, type UserEntry } from '../users/resolve-user';

/** What the parser thread needs to validate: the mapping, for a file with this header. */
export interface ParserValidation {
  header: string[];
  mappingJson: string;
  fields: FieldMeta[];
  /** The org's users, so owner columns resolve here too (none: owner names are left alone). */
  users?: UserEntry[];
}

/** True when the mapping can be checked without the replica (no lookups to resolve). */
export function validatesWithoutReplica(mapping: BatchMapping): boolean {
  return mapping.fields.every((f) => f.transforms.every((t) => t.kind !== 'lookup'));
}

/** Gives the issues of each batch the parser is about to post. */
export class ParserValidator {
  private readonly sink: CsvBatchSink;
  private validator: RowValidator | null = null;
  private width = 0;
  private current: Issue[] = [];
  /** False when the file's header is not the one the mapping was chosen for. */
  matched = true;

  constructor(private readonly plan: ParserValidation) {
    this.sink = new CsvBatchSink(
      {
        onHeader: (cells) => {
          const header = [stripBom(cells[0] ?? ''), ...cells.slice(1)];
          this.matched = sameHeader(header, plan.header);
          if (this.matched) {
            const mapping = JSON.parse(plan.mappingJson) as BatchMapping;
            const users = plan.users !== undefined && plan.users.length > 0 ? new UserDirectory(plan.users) : null;
            this.validator = new RowValidator(rowContext(header, mapping, plan.fields, null, users));
            this.width = header.length;
          }
        },
        onBatch: (batch, offset) => this.validateRows(batch, offset),
      },
      { skipBlankLinesBeforeHeader: true },
    );
  }

  /** The issues of the data rows in `batch` (empty when the header did not match). */
  issuesOf(batch: TokenBatch): Issue[] {
    this.current = [];
    this.sink.accept(batch);
    return this.current;
  }

  private validateRows(batch: TokenBatch, offset: number): void {
    const validator = this.validator;
    if (validator === null) return;
    const width = this.width;
    const cells: (string | null)[] = new Array<string | null>(width).fill(null);
    for (let r = 0; r < batch.rowCount; r += 1) {
      const first = batch.rowStarts[r] as number;
      const count = (batch.rowStarts[r + 1] as number) - first;
      // Blank lines are not stored, so they are not checked either (same rule as the import).
      if (count === 1 && isBlankRow(batch, r)) continue;
      for (let c = 0; c < width; c += 1) cells[c] = c < count ? cellText(batch, first + c) : null;
      const issues = validator.check({ row: offset + r + 1, cells, width: count === width ? null : count }, undefined, false);
      for (const i of issues) this.current.push(i);
    }
  }
}
