/**
 * What each field of a module means to the fuzzy comparison (pure): a given name, a phone, a
 * postal code… Roles let a Lead be compared with a Contact or an Account whatever the fields
 * are called there (`Zip_Code`, `Mailing_Zip`, `Billing_Code` are all a postal code).
 *
 * Fields with no role of their own are compared as `other` when they can identify a record (a
 * custom customer number, a national id): text, email, phone and whole-number fields that are
 * not picklists, lookups, booleans or long text. Others are not compared at all.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { systemDuplicateField } from './zoho-rules';

export type Role =
  | 'given'
  | 'family'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'company'
  | 'title'
  | 'street'
  | 'city'
  | 'zip'
  | 'state'
  | 'country'
  | 'dob'
  | 'website'
  | 'other';

export interface FieldRole {
  field: string;
  role: Role;
  /** Secondary places (Other_*, Shipping_*, Secondary_Email…) weigh as much but come second. */
  secondary: boolean;
}

const ADDRESS_PARTS: readonly [RegExp, Role][] = [
  [/^(?:mailing_|billing_|other_|shipping_)?street$/i, 'street'],
  [/^(?:mailing_|billing_|other_|shipping_)?city$/i, 'city'],
  [/^(?:mailing_|billing_|other_|shipping_)?(?:zip|zip_code|code|postal_code|postcode)$/i, 'zip'],
  [/^(?:mailing_|billing_|other_|shipping_)?state$/i, 'state'],
  [/^(?:mailing_|billing_|other_|shipping_)?country$/i, 'country'],
];

const OTHER_TYPES = new Set(['text', 'email', 'phone', 'integer', 'bigint', 'autonumber']);
const SKIP_OTHER = new Set(['Owner', 'Layout', 'Tag', 'Fax', 'Salutation', 'Created_By', 'Modified_By']);

function roleOf(module: string, f: FieldMeta): Role | null {
  const name = f.apiName;
  if (name === 'First_Name') return 'given';
  if (name === 'Last_Name') return 'family';
  if (name === 'Full_Name') return 'fullName';
  if (f.dataType === 'email') return 'email';
  if (f.dataType === 'phone' || name === 'Mobile') return 'phone';
  if (name === 'Date_of_Birth' || /birth/i.test(name)) return f.dataType === 'date' || f.dataType === 'text' ? 'dob' : null;
  if (name === 'Company' || name === 'Account_Name') return 'company';
  if (name === 'Website' || f.dataType === 'website') return 'website';
  for (const [pattern, role] of ADDRESS_PARTS) if (pattern.test(name)) return role;
  if (name === systemDuplicateField(module) && module !== 'Leads' && module !== 'Contacts') return 'title';
  if (SKIP_OTHER.has(name) || f.readOnly) return null;
  if (OTHER_TYPES.has(f.dataType)) return 'other';
  return null;
}

function isSecondary(name: string): boolean {
  return /^(?:other_|shipping_|secondary_|home_|asst_)/i.test(name) || name === 'Mobile';
}

/** The roles of a module's fields (fields without one are left out), primary places first. */
export function fieldRoles(module: string, fields: readonly FieldMeta[]): FieldRole[] {
  const out: FieldRole[] = [];
  for (const f of fields) {
    const role = roleOf(module, f);
    if (role !== null) out.push({ field: f.apiName, role, secondary: isSecondary(f.apiName) });
  }
  return out.sort((a, b) => Number(a.secondary) - Number(b.secondary));
}
