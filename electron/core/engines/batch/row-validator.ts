/**
 * Validates rows one after another, in source order: each row through computeRow, and the
 * values of unique fields against the rows before it (pure apart from the injected resolver).
 *
 * Shared by the whole-batch validation and the import, which validates rows as it stores
 * them so a new batch is never read back just to be checked.
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { UniqueTracker } from '../../../../shared/validation';
import { computeRow, type RowContext, type SourceRow } from './compute-row';

export class RowValidator {
  private readonly tracker = new UniqueTracker();
  private readonly uniqueFields: FieldMeta[];

  constructor(private readonly ctx: RowContext) {
    this.uniqueFields = ctx.fields.filter((f) => f.unique !== null && ctx.mappedFields.has(f.apiName));
  }

  /**
   * The issues of one row. An excluded row keeps its own issues (for when it comes back) but
   * is not sent to Zoho, so it cannot clash with another row's unique value.
   */
  check(src: SourceRow, edits: ReadonlyMap<string, string> | undefined, excluded: boolean): Issue[] {
    const computed = computeRow(src, this.ctx, edits);
    if (excluded || this.uniqueFields.length === 0) {
      return computed.issues;
    }
    const issues = computed.issues;
    for (const f of this.uniqueFields) {
      const v = computed.values.get(f.apiName);
      if (v && v.value !== '') {
        const dup = this.tracker.track({ row: src.row, field: f.apiName, column: v.column, value: v.value, caseSensitive: f.unique?.caseSensitive ?? false });
        if (dup) issues.push(dup);
      }
    }
    return issues;
  }
}
