/**
 * What a value rule says about one value, and the small helpers every rule family shares
 * (quoting a value in a message, counting characters the way the length limits mean them).
 */
import type { IssueCode, Severity } from '../domain/batch';
import type { FieldMeta } from '../domain/field-meta';

/** A rule's objection to a value; `null` from a rule means Zoho would take the value as it is. */
export interface ValueVerdict {
  code: IssueCode;
  severity: Severity;
  message: string;
}

/** An error verdict: Zoho would refuse the row (INVALID_DATA unless a sharper code applies). */
export function invalid(message: string, code: IssueCode = 'INVALID_DATA'): ValueVerdict {
  return { code, severity: 'error', message };
}

/** A warning verdict: Zoho takes the row, but not quite as the user may expect. */
export function warning(code: IssueCode, message: string): ValueVerdict {
  return { code, severity: 'warning', message };
}

const PREVIEW_CHARS = 40;

/**
 * A value quoted for a message. Long values are cut (a 30,000-character description would
 * drown the message), and cut on a code point so an emoji is never split in half.
 */
export function shown(value: string): string {
  if (value.length <= PREVIEW_CHARS) {
    return `“${value}”`;
  }
  // Twice as many UTF-16 units as characters always covers the first PREVIEW_CHARS + 1 of them.
  const units = PREVIEW_CHARS * 2 + 2;
  const head = Array.from(value.slice(0, units));
  if (head.length <= PREVIEW_CHARS && value.length <= units) {
    return `“${value}”`;
  }
  return `“${head.slice(0, PREVIEW_CHARS).join('')}…”`;
}

/**
 * Length in Unicode code points, so an emoji or a CJK extension character counts as one
 * character, as a user counts it (JavaScript's `length` counts UTF-16 units and says 2).
 */
export function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The field's own limit when the metadata gives a usable one, else Zoho's default for the type. */
export function limitOf(field: FieldMeta, fallback: number): number {
  return field.length !== null && Number.isInteger(field.length) && field.length > 0 ? field.length : fallback;
}

/** INVALID_DATA when the value has more than `max` characters (code points). */
export function checkLength(field: FieldMeta, value: string, max: number): ValueVerdict | null {
  // UTF-16 length is never below the code point count, so most values skip the count.
  if (value.length <= max) {
    return null;
  }
  const n = codePointLength(value);
  if (n <= max) {
    return null;
  }
  return invalid(`${shown(value)} is ${n} characters long; ${field.label} takes at most ${max} characters in Zoho.`);
}

/**
 * A hint for values that only fail because of spaces around them, the commonest way a good
 * number, date or address arrives broken; null when the value has none.
 */
export function spacesAround(field: FieldMeta, value: string, expected: string): ValueVerdict | null {
  if (value === value.trim()) {
    return null;
  }
  return invalid(`${shown(value)} has spaces before or after it; ${field.label} expects ${expected} — add a trim transform.`);
}
