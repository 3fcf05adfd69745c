/**
 * Text folding shared by every normaliser: lower case, accents off, punctuation to spaces.
 *
 * Folding is for comparing only; stored and exported values are never folded.
 */

/** Letters NFD does not decompose into a base letter and a mark. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŋ: 'n',
};

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const SPECIALS = /[ßæœøłđðþıŋ]/g;

/** Lower case without accents ("Zoë Ölçer" -> "zoe olcer"); other characters kept. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII is by far the most common input; skip the Unicode work for it.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(SPECIALS, (c) => SPECIAL[c] ?? c);
}

/** Folded words: letters and digits only, one space between ("O'Brien-Smith" -> "o brien smith"). */
export function foldWords(text: string): string {
  return foldCase(text).replace(NOT_WORD, ' ').trim();
}

/** The folded words as a list ('' gives none). */
export function tokens(text: string): string[] {
  const w = foldWords(text);
  return w === '' ? [] : w.split(' ');
}
