/**
 * Text clean-up: whitespace and letter case.
 *
 * Decisions:
 * - `trim` works line by line so multi-line values (addresses, notes) keep their shape: each
 *   line loses its outer whitespace, runs of spaces, tabs, NBSP and other Unicode spaces become
 *   one space, runs of blank lines become one blank line (a paragraph break survives, a stack
 *   of empty lines does not), blank lines at the start and end go, and line breaks are written
 *   as `\n` (CRLF and lone CR from spreadsheets included).
 * - Case changes are locale-independent (`toUpperCase`), so the same file gives the same result
 *   on every machine; Turkish dotted/dotless i is therefore not special-cased.
 */

/** Horizontal whitespace: every whitespace character except line breaks (includes NBSP, U+202F, U+3000, BOM). */
const HORIZONTAL_SPACE = /[^\S\r\n\u2028\u2029]+/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** Trims each line, collapses runs of spaces to one, keeps single line breaks and one blank line at most. */
export function trimText(value: string): string {
  const lines = value.split(LINE_BREAK).map((line) => line.replace(HORIZONTAL_SPACE, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) {
      continue;
    }
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') {
    kept.pop();
  }
  return kept.join('\n');
}

/**
 * A word starts at the start of the value or after whitespace, a hyphen, a slash, an opening
 * bracket or quote, or a full stop (so "j.r.r. tolkien" becomes "J.R.R. Tolkien").
 */
const WORD_START = /(^|[\s\-/(.“"‘«])(\p{L})/gu;
/**
 * One letter and an apostrophe start a name of their own: O'Brien, D'Angelo, L'Oréal. A longer
 * run before the apostrophe is a contraction or possessive and stays lower case: Don't, Ada's.
 */
const APOSTROPHE_NAME = /(?<=(?:^|[\s\-/(.“"‘«])\p{L}['’])(\p{L})/gu;

/** Upper-cases the first letter of every word and lower-cases the rest ("o'brien-smith" → "O'Brien-Smith"). */
export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .replace(WORD_START, (_m, before: string, letter: string) => before + letter.toUpperCase())
    .replace(APOSTROPHE_NAME, (letter: string) => letter.toUpperCase());
}

/** Changes the letter case of a value. */
export function changeCase(value: string, to: 'upper' | 'lower' | 'title'): string {
  if (to === 'upper') {
    return value.toUpperCase();
  }
  if (to === 'lower') {
    return value.toLowerCase();
  }
  return titleCase(value);
}
