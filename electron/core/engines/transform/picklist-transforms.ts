/**
 * Picklist values through a user's table, and multi-select lists in Zoho's `;` form.
 *
 * Decisions:
 * - A picklist value is looked up exactly first, then ignoring case and all whitespace (so
 *   "closed won", "Closed  Won" and "ClosedWon" find the "Closed Won" row). When two rows of the
 *   table match loosely but map to different targets, nothing is guessed.
 * - A value missing from the table passes through unchanged: Zoho adds new picklist values, and
 *   validation warns about them (NEW_PICKLIST_VALUE).
 * - Multi-select: split on the declared separator, trim, drop empty items and repeats (first one
 *   wins, case-sensitive), join with `;`. An item that itself contains `;` is refused, since Zoho
 *   would read it as two values.
 */
import { fail, ok, quote, type TransformResult } from './transform-result';

function looseKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** Loose key → target, or null where table rows collide. One index per table object. */
const looseIndexes = new WeakMap<Record<string, string>, Map<string, string | null>>();

function looseIndex(table: Record<string, string>): Map<string, string | null> {
  let index = looseIndexes.get(table);
  if (index === undefined) {
    index = new Map();
    for (const [from, to] of Object.entries(table)) {
      const key = looseKey(from);
      const seen = index.get(key);
      index.set(key, seen === undefined || seen === to ? to : null);
    }
    looseIndexes.set(table, index);
  }
  return index;
}

/** The table's target for a value, matched exactly, then loosely; unchanged when absent. */
export function mapPicklist(value: string, table: Record<string, string>): string {
  // Own properties only: a cell reading "constructor" must not find Object.prototype.constructor.
  if (Object.hasOwn(table, value)) {
    return table[value] as string;
  }
  return looseIndex(table).get(looseKey(value)) ?? value;
}

/** A multi-select cell split on `separator` and joined the Zoho way, with `;`. */
export function toMultiselect(value: string, separator: string): TransformResult {
  if (separator === '') {
    return fail('The multi-select column has no separator set');
  }
  const items: string[] = [];
  for (const raw of value.split(separator)) {
    const item = raw.trim();
    if (item === '' || items.includes(item)) {
      continue;
    }
    if (item.includes(';')) {
      return fail(`${quote(item)} contains “;”, which Zoho reads as a separator between values`);
    }
    items.push(item);
  }
  return ok(items.join(';'));
}
