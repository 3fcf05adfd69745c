/**
 * Value rules for numbers and checkboxes (ZOHO-SPEC §1.6, seed S3): integer ("Number"), bigint
 * ("Long Integer"), currency, double ("Decimal"), percent and boolean ("Checkbox").
 *
 * Values stay text end to end, so a rule only says whether Zoho would read the text as it is:
 * plain ASCII digits, an optional leading `-`, `.` as the decimal point, nothing else. Digit
 * limits come from the field's metadata (`length` = digits before the point, `decimal_place` =
 * digits after it) and fall back to the seed's defaults.
 */
import type { FieldMeta } from '../domain/field-meta';
import { invalid, limitOf, shown, spacesAround, type ValueVerdict } from './verdict';

/** Default digits before the point, per data type (seed: Number 9, Long Integer 18, Currency/Decimal 16, Percent 5). */
export const MAX_DIGITS: Readonly<Record<string, number>> = { integer: 9, bigint: 18, currency: 16, double: 16, percent: 5 };

/** Default digits after the point: currency 2 (Zoho's currency default), Decimal 9 (seed), percent 2. */
export const MAX_DECIMALS: Readonly<Record<string, number>> = { currency: 2, double: 9, percent: 2 };

const PLAIN_NUMBER = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/** Zoho's integer fields are 32-bit signed, its Long Integer fields 64-bit signed. */
const RANGES: Readonly<Record<string, { min: bigint; max: bigint }>> = {
  integer: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  bigint: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
};

/**
 * Whole numbers (integer, bigint). Leading zeros are digits like any other and are kept (the
 * seed's own Long Integer example is `0012345600012`), so they count towards the limit.
 */
export function checkWholeNumber(field: FieldMeta, value: string): ValueVerdict | null {
  const parsed = PLAIN_NUMBER.exec(value);
  if (parsed === null) {
    return notANumber(field, value, 'a whole number');
  }
  const [, sign = '', digits = '', fraction] = parsed;
  if (fraction !== undefined) {
    // Suggest the whole number only when nothing would be lost (12.00 -> 12), never round.
    const hint = /^0+$/.test(fraction) ? ` (write ${sign}${digits})` : '';
    return invalid(`${shown(value)} has decimals; ${field.label} takes whole numbers only${hint}.`);
  }
  const max = limitOf(field, MAX_DIGITS[field.dataType] ?? 9);
  if (digits.length > max) {
    return invalid(`${shown(value)} has ${digits.length} digits; ${field.label} takes at most ${max}.`);
  }
  const range = RANGES[field.dataType];
  if (range !== undefined) {
    // BigInt because a Long Integer's range is wider than a double can hold exactly.
    const n = BigInt(`${sign}${digits}`);
    if (n < range.min || n > range.max) {
      return invalid(`${shown(value)} is outside the range ${field.label} can hold (${range.min} to ${range.max}).`);
    }
  }
  return null;
}

/** Currency, double and percent: digits before the point and decimals after it, each within its limit. */
export function checkDecimalNumber(field: FieldMeta, value: string): ValueVerdict | null {
  const parsed = PLAIN_NUMBER.exec(value);
  if (parsed === null) {
    return notANumber(field, value, 'a number');
  }
  const [, , digits = '', fraction = ''] = parsed;
  const maxDigits = limitOf(field, MAX_DIGITS[field.dataType] ?? 16);
  if (digits.length > maxDigits) {
    return invalid(`${shown(value)} has ${digits.length} digits before the decimal point; ${field.label} takes at most ${maxDigits}.`);
  }
  const maxDecimals = decimalsOf(field);
  if (fraction.length > maxDecimals) {
    const allowed = maxDecimals === 0 ? 'no decimals' : `at most ${maxDecimals} decimal${maxDecimals === 1 ? '' : 's'}`;
    return invalid(`${shown(value)} has ${fraction.length} decimals; ${field.label} takes ${allowed}.`);
  }
  return null;
}

/** Checkbox: exactly `true` or `false`, lower case (seed: "Accepts Boolean values (true,false)"). */
export function checkBoolean(field: FieldMeta, value: string): ValueVerdict | null {
  if (value === 'true' || value === 'false') {
    return null;
  }
  const lower = value.trim().toLowerCase();
  const hint = lower === 'true' || lower === 'false' ? ` (write ${lower})` : '; a boolean transform can turn yes/no, 1/0 or similar into true/false';
  return invalid(`${shown(value)} is not a checkbox value Zoho accepts: ${field.label} takes true or false, in lower case${hint}.`);
}

function decimalsOf(field: FieldMeta): number {
  const d = field.decimalPlaces;
  return d !== null && Number.isInteger(d) && d >= 0 ? d : (MAX_DECIMALS[field.dataType] ?? 9);
}

/** Says why a value is not a plain number, naming the usual culprits and their fix. */
function notANumber(field: FieldMeta, value: string, what: string): ValueVerdict {
  const spaced = spacesAround(field, value, what);
  if (spaced !== null) {
    return spaced;
  }
  const prefix = `${shown(value)} is not ${what} Zoho accepts:`;
  if (/^[-+]?[0-9.]*[0-9][eE][-+]?[0-9]+$/.test(value)) {
    return invalid(`${prefix} Zoho does not read scientific notation; write the number out in full.`);
  }
  if (/^[-+]?[0-9][0-9.,' \u00a0\u202f]*$/.test(value) && /[,' \u00a0\u202f]/.test(value)) {
    const plain = what === 'a whole number' ? 'digits only, without thousands separators (1234567)' : 'digits with “.” as the only decimal point and no thousands separators (1234567.89)';
    return invalid(`${prefix} write ${plain}; a number transform can convert “1,234.5” or “1.234,5”.`);
  }
  if (/^\+[0-9]/.test(value)) {
    return invalid(`${prefix} drop the “+” sign (write ${value.slice(1)}).`);
  }
  if (/^-?\.[0-9]+$/.test(value)) {
    return invalid(`${prefix} put a 0 before the decimal point (write ${value.replace('.', '0.')}).`);
  }
  if (/^-?[0-9]+\.$/.test(value)) {
    return invalid(`${prefix} drop the trailing decimal point (write ${value.slice(0, -1)}).`);
  }
  return invalid(`${prefix} use only digits, an optional leading “-” and “.” as the decimal point (no currency symbols, % or letters).`);
}
