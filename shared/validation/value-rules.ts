/**
 * Would Zoho's Bulk Write take this value for this field as it is? One entry point over the
 * rule families (text, contact, number, date), plus the rules too small for a file of their
 * own: record ids for lookups and the fields nothing can write.
 *
 * Pure and cheap: it is called once per mapped cell, a million rows at a time.
 */
import { LOOKUP_TYPES, type FieldMeta } from '../domain/field-meta';
import { checkEmail, checkPhone, checkWebsite } from './contact-values';
import { checkDate, checkDateTime } from './date-values';
import { checkBoolean, checkDecimalNumber, checkWholeNumber } from './number-values';
import { checkMultiselect, checkPicklist, checkText, checkTextarea } from './text-values';
import { invalid, shown, type ValueVerdict } from './verdict';

/**
 * Types whose value Zoho computes or that a CSV cell cannot carry (files, images, subform
 * rows). `profileimage` is not in the brief's list but is an image upload like `imageupload`.
 */
export const READ_ONLY_TYPES: ReadonlySet<string> = new Set([
  'autonumber',
  'formula',
  'rollup_summary',
  'fileupload',
  'imageupload',
  'profileimage',
  'subform',
]);

/** Zoho record ids are positive 64-bit numbers: at most 19 digits. */
const RECORD_ID = /^[0-9]{1,19}$/;

type Rule = (field: FieldMeta, value: string) => ValueVerdict | null;

const RULES: Readonly<Record<string, Rule>> = {
  text: checkText,
  textarea: checkTextarea,
  email: checkEmail,
  phone: checkPhone,
  website: checkWebsite,
  picklist: checkPicklist,
  multiselectpicklist: checkMultiselect,
  integer: checkWholeNumber,
  bigint: checkWholeNumber,
  currency: checkDecimalNumber,
  double: checkDecimalNumber,
  percent: checkDecimalNumber,
  boolean: checkBoolean,
  date: checkDate,
  datetime: checkDateTime,
};

/**
 * Checks one value against its field's data type.
 *
 * Returns null when Zoho would accept the value verbatim, else a verdict with Zoho's code
 * (or ours) and a message for a CRM admin. The empty string is "no value" and always null:
 * mandatory fields are checked per row (`RowRules`). Unknown data types get the text rule.
 */
export function checkValue(field: FieldMeta, value: string): ValueVerdict | null {
  return valueRuleFor(field)(value);
}

/** checkValue for one field, with the choice of rule made once (for checking many values). */
export function valueRuleFor(field: FieldMeta): (value: string) => ValueVerdict | null {
  if (field.readOnly || READ_ONLY_TYPES.has(field.dataType)) {
    const kind = READ_ONLY_TYPES.has(field.dataType) ? ` (a ${field.dataType} field)` : '';
    return (value) => (value === '' ? null : invalid(`${shown(value)} cannot be written: ${field.label} is read-only in Zoho${kind}; remove it from the mapping.`));
  }
  if (LOOKUP_TYPES.has(field.dataType)) {
    return (value) => (value === '' ? null : checkRecordId(field, value));
  }
  if (field.dataType === 'multiuserlookup') {
    return (value) => (value === '' ? null : checkUserIds(field, value));
  }
  const rule = RULES[field.dataType] ?? checkText;
  return (value) => (value === '' ? null : rule(field, value));
}

/** A multi-user lookup holds user ids joined by `;` once its names and emails are resolved. */
function checkUserIds(field: FieldMeta, value: string): ValueVerdict | null {
  const bad = value.split(';').find((part) => !RECORD_ID.test(part));
  if (bad === undefined) {
    return null;
  }
  return invalid(`${shown(bad)} is not a user id (${field.label} takes the ids of users, separated by semicolons).`);
}

/**
 * Lookups hold the target record's id by the time values are validated: names and emails are
 * resolved by a lookup transform first, so anything else here was never resolved.
 */
function checkRecordId(field: FieldMeta, value: string): ValueVerdict | null {
  if (RECORD_ID.test(value)) {
    return null;
  }
  const target = field.lookupModule ?? (field.dataType === 'lookup' ? 'the related module' : 'Users');
  if (/^[0-9]{20,}$/.test(value)) {
    return invalid(`${shown(value)} is too long for a record id (${field.label} takes the id of a record in ${target}: at most 19 digits).`);
  }
  return invalid(`${shown(value)} is not a record id; map it with a lookup transform (${field.label} takes the id of a record in ${target}).`);
}
