/**
 * Checks one source row as Zoho's bulk insert would: every mapped value against its field, and
 * the module's mandatory fields.
 *
 * The rules of a mapping are worked out once (`RowRules`), then applied to each row's values
 * in mapping order: a million-row import checks every row, so nothing per row looks a field up
 * or builds a map.
 */
import type { Issue } from '../domain/batch';
import type { FieldMeta } from '../domain/field-meta';
import { valueRuleFor } from './value-rules';
import type { ValueVerdict } from './verdict';

/** A value a row carries: the field it fills and the column(s) it came from. */
export interface RowSlot {
  field: string;
  column: string;
}

/** The checks of one slot, worked out once. */
interface SlotRule {
  field: string;
  column: string;
  /** Null when the value is not checked (a field the module lacks, or one not mapped). */
  rule: ((value: string) => ValueVerdict | null) | null;
  /** A blank value is reported once, as a missing mandatory field, not also as a bad value. */
  systemMandatory: boolean;
}

/** A field the row must fill, and the slot that fills it (-1 when none does). */
interface MandatoryRule {
  field: FieldMeta;
  slot: number;
  required: boolean;
}

/**
 * The checks of a row with these slots, in the order their issues come: value issues in slot
 * order, then missing mandatory fields in field order.
 *
 * A system-mandatory field (and not read-only) that is unmapped, empty or only spaces is a
 * MANDATORY_NOT_FOUND error: Zoho skips the row. A layout-mandatory one is a LAYOUT_MANDATORY
 * warning: Zoho creates the record anyway. Values of fields missing from `fields` are not
 * checked (the mapping screen refuses such fields; Zoho would fail the job with INVALID_FIELD).
 */
export class RowRules {
  private readonly slots: SlotRule[];
  private readonly mandatory: MandatoryRule[];

  constructor(slots: readonly RowSlot[], fields: readonly FieldMeta[], mappedFields: ReadonlySet<string>, layoutMandatory?: ReadonlySet<string>) {
    const byName = new Map(fields.map((f) => [f.apiName, f]));
    const systemMandatory = (f: FieldMeta): boolean => f.systemMandatory && !f.readOnly;
    this.slots = slots.map((s) => {
      const field = mappedFields.has(s.field) ? byName.get(s.field) : undefined;
      return { field: s.field, column: s.column, rule: field ? valueRuleFor(field) : null, systemMandatory: field ? systemMandatory(field) : false };
    });
    this.mandatory = fields
      .filter((f) => !f.readOnly && (f.systemMandatory || (layoutMandatory?.has(f.apiName) ?? false)))
      .map((f) => {
        // The last slot of a field holds its value, as a later map entry replaces an earlier one.
        let slot = -1;
        if (mappedFields.has(f.apiName)) {
          for (let i = 0; i < slots.length; i += 1) if (slots[i]?.field === f.apiName) slot = i;
        }
        return { field: f, slot, required: systemMandatory(f) };
      });
  }

  /**
   * Appends the issues of one row to `out`. `values[i]` is slot i's value; slots marked in
   * `skip` already carry an issue of their own (a failed transform) and are not judged.
   */
  check(row: number, values: ReadonlyArray<string>, skip: ReadonlyArray<boolean> | null, out: Issue[]): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 1) {
      const s = slots[i] as SlotRule;
      if (s.rule === null || (skip !== null && skip[i] === true)) continue;
      const value = values[i] as string;
      if (s.systemMandatory && isBlank(value)) continue;
      const verdict = s.rule(value);
      if (verdict !== null) {
        out.push({ row, column: s.column, field: s.field, code: verdict.code, message: verdict.message, severity: verdict.severity });
      }
    }
    for (const m of this.mandatory) {
      if (m.slot >= 0 && skip !== null && skip[m.slot] === true) continue;
      const value = m.slot >= 0 ? (values[m.slot] as string) : undefined;
      if (value !== undefined && !isBlank(value)) continue;
      const column = m.slot >= 0 ? (slots[m.slot] as SlotRule).column : null;
      const where = column === null ? 'no column is mapped to it' : `column “${column}” is ${value === '' ? 'empty' : 'only spaces'} in this row`;
      out.push(
        m.required
          ? {
              row,
              column,
              field: m.field.apiName,
              code: 'MANDATORY_NOT_FOUND',
              severity: 'error',
              message: `${m.field.label} is mandatory in Zoho and ${where}; Zoho will skip this row. Fill it in, or set a default value in the mapping.`,
            }
          : {
              row,
              column,
              field: m.field.apiName,
              code: 'LAYOUT_MANDATORY',
              severity: 'warning',
              message: `${m.field.label} is required by the layout and ${where}; Zoho's bulk insert ignores layout rules and will create the record without it.`,
            },
      );
    }
  }
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}
