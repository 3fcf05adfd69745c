/**
 * Who holds each value of a module's unique fields (pure), so a record a conversion would
 * create can be checked for Zoho's DUPLICATE_DATA before it is sent.
 *
 * Built from the replica once per run; records planned earlier in the same run claim their
 * values too, because Zoho would refuse the second of two leads creating the same value.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { RecordRef } from '../../../../shared/domain/convert';
import { exactKey } from '../dedupe/zoho-rules';

/** A holder of a unique value: an existing record, or a record planned earlier in the run. */
export interface UniqueHolder extends RecordRef {
  /** Set when the holder is a record another lead of this run would create. */
  plannedBy: string | null;
}

// The duplicate engine's comparison, so a value the conversion options match is the value a
// new record would clash on (one set of Zoho rules).
function keyOf(value: string, caseSensitive: boolean): string {
  return exactKey(value, caseSensitive);
}

/** Unique-field values per module. */
export class UniqueIndex {
  private readonly fieldsByModule = new Map<string, FieldMeta[]>();
  private readonly holders = new Map<string, UniqueHolder>();

  /** Declares a module's unique fields (from its metadata). */
  addModule(module: string, fields: readonly FieldMeta[]): void {
    this.fieldsByModule.set(module, fields.filter((f) => f.unique !== null));
  }

  /** The unique fields of a module, in metadata order. */
  uniqueFields(module: string): FieldMeta[] {
    return this.fieldsByModule.get(module) ?? [];
  }

  /** Records that an existing record (or a planned one) holds its unique values. */
  add(module: string, values: Readonly<Record<string, string | null | undefined>>, holder: UniqueHolder): void {
    for (const f of this.uniqueFields(module)) {
      const v = values[f.apiName];
      if (v === null || v === undefined || v.trim() === '') continue;
      const key = `${module}\u0000${f.apiName}\u0000${keyOf(v, f.unique?.caseSensitive ?? false)}`;
      if (!this.holders.has(key)) this.holders.set(key, holder);
    }
  }

  /** The record that already holds `value` in a unique field, or null. */
  holder(module: string, field: string, value: string): UniqueHolder | null {
    const f = this.uniqueFields(module).find((u) => u.apiName === field);
    if (!f || value.trim() === '') return null;
    return this.holders.get(`${module}\u0000${field}\u0000${keyOf(value, f.unique?.caseSensitive ?? false)}`) ?? null;
  }

  /** Every unique-field clash of the values a new record would get. */
  clashes(module: string, values: Readonly<Record<string, string>>): { field: string; value: string; holder: UniqueHolder }[] {
    const out: { field: string; value: string; holder: UniqueHolder }[] = [];
    for (const f of this.uniqueFields(module)) {
      const v = values[f.apiName];
      if (v === undefined) continue;
      const h = this.holder(module, f.apiName, v);
      if (h) out.push({ field: f.apiName, value: v, holder: h });
    }
    return out;
  }
}
