/**
 * Numbers written with a declared decimal separator, to Zoho's plain `-1234.56` form.
 *
 * Decisions:
 * - The declared separator (`,` or `.`) is the decimal point; the other one, spaces, NBSP, thin
 *   spaces and apostrophes (1'234.50) group thousands and are removed, but only where grouping
 *   can be: groups of three ("1.234.567"), or the Indian lakh form ("12,34,567"). So "4.5" with
 *   `,` declared is refused instead of silently becoming 45.
 * - More than one decimal separator is refused ("1,2,3" with `,`).
 * - Negative: leading "-", the Unicode minus "−", or accounting brackets "(12.50)". A leading
 *   "+" is dropped. "-0" becomes "0".
 * - One currency sign before or after the number is dropped ("$1,234.56", "12,50 €"): currency
 *   fields hold the amount, the currency is a field of its own.
 * - Leading zeros go ("007" → "7", "00.11" → "0.11"); a number keeps one digit before the point
 *   (",5" → "0.5"). Trailing zeros after the point stay ("12.50"): they may carry meaning, and
 *   Zoho rounds to the field's decimal places itself. Columns whose zeros matter (zip codes,
 *   account numbers) are text, not numbers: map them without this transform.
 * - Scientific notation (1.5E+3) is refused: it comes from spreadsheets that have rounded it.
 */
import { fail, ok, quote, type TransformResult } from './transform-result';

// What may group thousands when the decimal separator is a point, and when it is a comma.
const GROUPING_AFTER_POINT = /[,\s\u00a0\u2009\u202f'’]/u;
const GROUPING_AFTER_COMMA = /[.\s\u00a0\u2009\u202f'’]/u;

function groupsAreValid(intPart: string, separators: RegExp): boolean {
  const groups = intPart.split(separators);
  if (groups.length === 1) {
    return true;
  }
  // Empty groups are doubled separators; a leading 0 cannot start a grouped number ("0.123").
  if (groups.some((g) => !/^\d+$/.test(g)) || (groups[0] as string).startsWith('0')) {
    return false;
  }
  const [first, ...rest] = groups as [string, ...string[]];
  const last = rest[rest.length - 1] as string;
  const western = first.length <= 3 && rest.every((g) => g.length === 3);
  const lakh = first.length <= 2 && last.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
  return western || lakh;
}

/** A number in Zoho's form (`-1234.56`), read with `decimal` as the decimal separator. */
export function toNumber(value: string, decimal: '.' | ','): TransformResult {
  let text = value.trim();
  if (text === '') {
    return ok('');
  }
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = (bracketed[1] as string).trim();
  }
  text = text.replace(/^\p{Sc}\s*|\s*\p{Sc}$/u, '');
  if (/^[-−]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  text = text.replace(/^\p{Sc}\s*/u, '');
  if (/^[\d.,]+e[+-]?\d+$/i.test(text)) {
    return fail(`${quote(value)} is in scientific notation: a spreadsheet has rounded it, so digits may be lost`);
  }
  if (!/^[\d.,\s\u00a0\u2009\u202f'’]+$/u.test(text) || !/\d/.test(text)) {
    return fail(`${quote(value)} is not a number`);
  }
  const parts = text.split(decimal);
  if (parts.length > 2) {
    return fail(`${quote(value)} has more than one decimal separator ${quote(decimal)}`);
  }
  const [intPart, fracPart = ''] = parts as [string, string?];
  if (!/^\d*$/.test(fracPart)) {
    return fail(`${quote(value)} has separators after the decimal ${quote(decimal)}`);
  }
  const other = decimal === '.' ? ',' : '.';
  if (!groupsAreValid(intPart.trim(), decimal === '.' ? GROUPING_AFTER_POINT : GROUPING_AFTER_COMMA)) {
    return fail(`${quote(value)} has a ${quote(other)} or space where a thousands separator cannot be; check that the decimal separator is ${quote(decimal)}`);
  }
  const digits = intPart.replace(/\D/g, '').replace(/^0+(?=\d)/, '') || '0';
  const result = fracPart === '' ? digits : `${digits}.${fracPart}`;
  const isZero = !/[1-9]/.test(result);
  return ok(negative && !isZero ? `-${result}` : result);
}
