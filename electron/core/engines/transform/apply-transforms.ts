/**
 * Applying a column's declared transforms to one cell (pure: no I/O, no clock, no database).
 *
 * Rules that hold for every transform:
 * - Transforms run in the declared order; the first one that cannot convert stops the chain
 *   with its reason.
 * - An empty cell stays empty: nothing is invented (defaults belong to the mapping).
 * - With no transforms the value is returned as it is, byte for byte (leading zeros, accents,
 *   emoji and line breaks included).
 * - `lookup` changes nothing here; lookups are resolved against the replica elsewhere.
 */
import type { Transform } from '../../../../shared/domain/batch';
import { toBoolean } from './boolean-transforms';
import { toDate, toDateTime } from './date-transforms';
import { namePart } from './name-transforms';
import { toNumber } from './number-transforms';
import { toPhone } from './phone-transforms';
import { mapPicklist, toMultiselect } from './picklist-transforms';
import { changeCase, trimText } from './text-transforms';
import { ok, type TransformResult } from './transform-result';

export type { TransformResult } from './transform-result';

/** Applies one transform to a non-empty value. */
export function applyTransform(value: string, transform: Transform): TransformResult {
  switch (transform.kind) {
    case 'trim':
      return ok(trimText(value));
    case 'case':
      return ok(changeCase(value, transform.to));
    case 'split-name':
      return namePart(value, transform.part);
    case 'date':
      return toDate(value, transform.order);
    case 'datetime':
      return toDateTime(value, transform.order, transform.timeZone);
    case 'phone':
      return toPhone(value, transform.e164, transform.defaultCountry);
    case 'number':
      return toNumber(value, transform.decimal);
    case 'boolean':
      return toBoolean(value);
    case 'picklist':
      return ok(mapPicklist(value, transform.table));
    case 'multiselect':
      return toMultiselect(value, transform.separator);
    case 'lookup':
      return ok(value);
  }
}

/** Applies a column's transforms in order to one cell. */
export function applyTransforms(value: string, transforms: Transform[]): TransformResult {
  let current = value;
  for (const transform of transforms) {
    if (current === '') {
      break;
    }
    const result = applyTransform(current, transform);
    if (!result.ok) {
      return result;
    }
    current = result.value;
  }
  return ok(current);
}
