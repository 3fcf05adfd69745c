/**
 * Validates rows one after another, in source order: each row through evaluateRow, and the
 * values of unique fields against the rows before it (pure apart from the injected resolver).
 *
 * Shared by the whole-batch validation and the import, which validates rows as it stores
 * them so a new batch is never read back just to be checked.
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { UniqueTracker } from '../../../../shared/validation';
import { evaluateRow, type FieldPlan, type RowContext, type SourceRow } from './compute-row';

export class RowValidator {
  private readonly tracker = new UniqueTracker();
  /** Unique fields the mapping fills, with the plan that fills each. */
  private readonly uniqueFields: { meta: FieldMeta; plan: number }[];
  /** Plan values of the row being checked (reused row after row). */
  private readonly values: string[];

  constructor(private readonly ctx: RowContext) {
    this.values = new Array<string>(ctx.plans.length).fill('');
    this.uniqueFields = ctx.fields
      .filter((f) => f.unique !== null && ctx.mappedFields.has(f.apiName))
      .map((meta) => ({ meta, plan: ctx.plans.map((p) => p.field).lastIndexOf(meta.apiName) }));
  }

  /**
   * The issues of one row. An excluded row keeps its own issues (for when it comes back) but
   * is not sent to Zoho, so it cannot clash with another row's unique value.
   */
  check(src: SourceRow, edits: ReadonlyMap<string, string> | undefined, excluded: boolean): Issue[] {
    const issues: Issue[] = [];
    evaluateRow(src, this.ctx, edits, this.values, issues);
    if (excluded) return issues;
    for (const { meta, plan } of this.uniqueFields) {
      const value = this.values[plan] as string;
      if (value !== '') {
        const column = (this.ctx.plans[plan] as FieldPlan).column;
        const dup = this.tracker.track({ row: src.row, field: meta.apiName, column, value, caseSensitive: meta.unique?.caseSensitive ?? false });
        if (dup) issues.push(dup);
      }
    }
    return issues;
  }
}
