/**
 * FieldMeta for validation tests: a plain writable field of the given type, overridable.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { checkValue, type ValueVerdict } from '../../../shared/validation';

/** A writable, optional, non-unique field named after its type unless overridden. */
export function makeField(dataType: string, over: Partial<FieldMeta> = {}): FieldMeta {
  return {
    apiName: over.apiName ?? `F_${dataType}`,
    label: over.label ?? `F ${dataType}`,
    dataType,
    length: null,
    decimalPlaces: null,
    systemMandatory: false,
    layoutMandatory: false,
    readOnly: false,
    custom: false,
    unique: null,
    picklist: null,
    lookupModule: null,
    convertMapping: null,
    textareaType: null,
    ...over,
  };
}

/** The verdict's code, or 'ok' when Zoho would take the value; keeps `it.each` tables short. */
export function codeFor(field: FieldMeta, value: string): ValueVerdict['code'] | 'ok' {
  return checkValue(field, value)?.code ?? 'ok';
}

/** The verdict's message ('' when accepted). */
export function messageFor(field: FieldMeta, value: string): string {
  return checkValue(field, value)?.message ?? '';
}
