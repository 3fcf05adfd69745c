/**
 * Owner and user columns (pure): written only when every value is a user id.
 *
 * Bulk Write takes a user by id; a column of names or emails cannot be resolved offline, and
 * Zoho then gives the record to the importing user. Local until the shared helper of the users
 * work lands (`shared/domain/user-fields.ts`), which this mirrors.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';

/** Data types that hold a Zoho user. */
export const USER_FIELD_TYPES: ReadonlySet<string> = new Set(['ownerlookup', 'userlookup']);

/** True when the field holds a user (record owner or a user lookup). */
export function isUserField(meta: Pick<FieldMeta, 'dataType'>): boolean {
  return USER_FIELD_TYPES.has(meta.dataType);
}

/** True when a value looks like a Zoho user id (a long run of digits). */
export function isUserId(value: string): boolean {
  return /^[0-9]{6,25}$/.test(value.trim());
}
