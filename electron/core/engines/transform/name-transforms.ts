/**
 * Splitting a full name into Zoho's First_Name and Last_Name.
 *
 * Decisions (a name cannot be parsed perfectly; these rules are predictable instead):
 * - "Last, First" (one comma) is read as last name, then first name.
 * - Leading honorifics (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, with or without a full stop, several in
 *   a row as in "Prof. Dr.") are dropped; Zoho has a separate Salutation field.
 * - Otherwise the last word is the last name and everything before it is the first name, so
 *   middle names stay with the first name: "Ada King Lovelace" → "Ada King" / "Lovelace".
 *   Double surnames without a particle ("Gabriel García Márquez") therefore split wrongly; the
 *   "Last, First" form is the way to write them.
 * - Lower-case-insensitive particles (van, von, de, da, del, della, di, du, der, den, la, le, dos,
 *   das, ten, ter, zu) just before the last word go with the last name: "Ludwig van Beethoven" →
 *   "Ludwig" / "van Beethoven". The first word is never taken as a particle ("Van Morrison").
 * - Generational and degree suffixes (Jr, Sr, II, III, IV, PhD, MD, Esq) stay on the last name:
 *   "Martin Luther King, Jr." → "Martin Luther" / "King, Jr." keeps what the user wrote.
 * - A single word is a last name (Zoho requires Last_Name, not First_Name): first name empty.
 */
import { fail, ok, quote, type TransformResult } from './transform-result';

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof']);
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'della', 'di', 'du', 'der', 'den', 'la', 'le', 'dos', 'das', 'ten', 'ter', 'zu']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/** A full name split in two. */
export interface NameParts {
  first: string;
  last: string;
}

function bare(token: string): string {
  return token.toLowerCase().replace(/\.$/, '');
}

function dropHonorifics(tokens: string[]): string[] {
  let start = 0;
  // Keep at least one word: "Dr" alone is more likely a name than a title with nothing after it.
  while (start < tokens.length - 1 && HONORIFICS.has(bare(tokens[start] as string))) {
    start += 1;
  }
  return tokens.slice(start);
}

/** Splits a full name into first and last name, or refuses a form it cannot read. */
export function splitName(value: string): NameParts | { error: string } {
  let text = value.replace(/\s+/g, ' ').trim();
  if (text === '') {
    return { first: '', last: '' };
  }
  // A suffix after a comma ("King, Jr.") is not the "Last, First" comma; set it aside first.
  let suffix = '';
  const suffixMatch = /,\s*([^,\s]+)$/.exec(text);
  if (suffixMatch && SUFFIXES.has(bare(suffixMatch[1] as string))) {
    suffix = `, ${suffixMatch[1] as string}`;
    text = text.slice(0, suffixMatch.index).trim();
  }
  const commas = text.split(',');
  if (commas.length > 2) {
    return { error: `${quote(value)} has more than one comma; write names as “First Last” or “Last, First”` };
  }
  if (commas.length === 2) {
    const last = (commas[0] as string).trim();
    const first = dropHonorifics((commas[1] as string).trim().split(' ').filter((t) => t !== '')).join(' ');
    return { first, last: last + suffix };
  }
  let tokens = dropHonorifics(text.split(' '));
  while (suffix === '' && tokens.length > 1 && SUFFIXES.has(bare(tokens[tokens.length - 1] as string))) {
    suffix = ` ${tokens[tokens.length - 1] as string}`;
    tokens = tokens.slice(0, -1);
  }
  if (tokens.length === 1) {
    return { first: '', last: (tokens[0] as string) + suffix };
  }
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has((tokens[lastStart - 1] as string).toLowerCase())) {
    lastStart -= 1;
  }
  return { first: tokens.slice(0, lastStart).join(' '), last: tokens.slice(lastStart).join(' ') + suffix };
}

/** The first or the last name of a full name. */
export function namePart(value: string, part: 'first' | 'last'): TransformResult {
  const parts = splitName(value);
  if ('error' in parts) {
    return fail(parts.error);
  }
  return ok(parts[part]);
}
