/**
 * Checkbox values to Zoho's `true` / `false`.
 *
 * Decisions: case-insensitive, accents optional ("si" and "sí"); "x" and "checked" mean ticked.
 * An empty cell stays empty rather than becoming `false`: never invent a value (a column's
 * default value, or Bulk Write's ignore_empty, decides what empty means). Anything else is refused.
 */
import { fail, ok, quote, type TransformResult } from './transform-result';

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'x', 'on', 'checked', 'ja', 'oui', 'sí', 'si'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'off', 'unchecked', 'nein', 'non'];

const WORDS = new Map<string, 'true' | 'false'>([
  ...TRUE_WORDS.map((w) => [w, 'true'] as const),
  ...FALSE_WORDS.map((w) => [w, 'false'] as const),
]);

/** `true` or `false` for the yes/no words of English, German, French and Spanish. */
export function toBoolean(value: string): TransformResult {
  const key = value.trim().normalize('NFC').toLowerCase();
  if (key === '') {
    return ok('');
  }
  const word = WORDS.get(key);
  if (word === undefined) {
    return fail(`${quote(value)} is not a yes/no value; use yes/no, true/false, 1/0 or x for ticked`);
  }
  return ok(word);
}
