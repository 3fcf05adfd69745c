/**
 * Owner and user fields: which fields point at CRM users, and what a user id looks like (pure).
 *
 * Zoho's Bulk Write takes a user field as the user's id. The import resolves ids, emails and
 * names implicitly when the org's users are loaded (module `Users`); without them a column of
 * names cannot be sent, and the export leaves such a column out unless every value is an id.
 */
import type { FieldMeta } from './field-meta';

/** The read-only replica module that holds the org's users. */
export const USERS_MODULE = 'Users';

/** Data types whose values are CRM user ids (one, or several for `multiuserlookup`). */
export const USER_FIELD_TYPES: ReadonlySet<string> = new Set(['ownerlookup', 'userlookup', 'multiuserlookup']);

/** Zoho ids are positive 64-bit numbers: at most 19 digits. */
const USER_ID = /^[0-9]{1,19}$/;

/** Separators between the users of one `multiuserlookup` cell. */
const MULTI_SEPARATOR = /[;,]/;

/** True when the field holds CRM users (Owner, a user lookup, a multi-user lookup). */
export function isUserField(meta: Pick<FieldMeta, 'dataType'>): boolean {
  return USER_FIELD_TYPES.has(meta.dataType);
}

/** True when the field takes several users in one cell. */
export function isMultiUserField(meta: Pick<FieldMeta, 'dataType'>): boolean {
  return meta.dataType === 'multiuserlookup';
}

/** True when `value` is a user id as Zoho writes them (digits only, no spaces). */
export function isUserId(value: string): boolean {
  return USER_ID.test(value);
}

/** The users named in one cell: split on `;` or `,` for a multi-user field, trimmed, empties dropped. */
export function userParts(value: string, multi: boolean): string[] {
  const parts = multi ? value.split(MULTI_SEPARATOR) : [value];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** True when a cell holds only user ids (several joined by `;` for a multi-user field), or nothing. */
export function holdsUserIds(value: string, multi: boolean): boolean {
  if (value.trim() === '') return true;
  if (!multi) return isUserId(value);
  return value.split(';').every((p) => isUserId(p));
}

/**
 * The export's rule for a user column: it goes into the upload only when every non-empty value
 * is a user id; otherwise Zoho would refuse the rows, so the column is left out and Zoho
 * assigns the importing user as owner.
 */
export function userColumnExportable(values: Iterable<string>, multi: boolean): boolean {
  for (const v of values) {
    if (!holdsUserIds(v, multi)) return false;
  }
  return true;
}
