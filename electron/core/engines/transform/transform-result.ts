/**
 * The outcome of converting one cell, shared by every transform family.
 */

/** A converted value, or the reason it could not be converted, worded for a CRM admin. */
export type TransformResult = { ok: true; value: string } | { ok: false; reason: string };

/** A successful result. */
export function ok(value: string): TransformResult {
  return { ok: true, value };
}

/** A refusal with a reason the user can act on. */
export function fail(reason: string): TransformResult {
  return { ok: false, reason };
}

const QUOTE_LIMIT = 60;

/** A value in curly quotes for a message, shortened so one long cell cannot flood the issue list. */
export function quote(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT - 1).join('')}…` : value;
  return `“${shown}”`;
}
