/**
 * The transform a suggested mapping starts with, where the field's type leaves no doubt about
 * what the column needs (pure). Only lookups: a column of account names mapped to a lookup
 * field means "find the record by name"; sending the names as they are would fail every row.
 */
import type { Transform } from './batch';
import type { FieldMeta } from './field-meta';

const RECORD_ID = /^\d{10,25}$/;

/** A lookup transform for a lookup field whose sample values are not record ids, else null. */
export function suggestedLookup(field: FieldMeta, samples: readonly string[]): Extract<Transform, { kind: 'lookup' }> | null {
  // Owners and users need no transform: they are matched to the loaded users implicitly.
  if (field.dataType !== 'lookup' || field.lookupModule === null) return null;
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0 || values.every((v) => RECORD_ID.test(v))) return null;
  return { kind: 'lookup', by: values.every((v) => v.includes('@')) ? 'email' : 'name' };
}
