/**
 * Comparable forms of column headers and field names (pure).
 */

/** Lower case, accents removed, every run of non-letters/digits turned into one space. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `normalizeHeader` without spaces: "E-mail", "e mail" and "Email" all become "email". */
export function compactHeader(text: string): string {
  return normalizeHeader(text).replace(/ /g, '');
}

/** The fingerprint source of a header row: the same set of headers in any order matches. */
export function headerFingerprintSource(headers: readonly string[]): string {
  return [...headers.map((h) => normalizeHeader(h))].sort().join('\u0000');
}

/** Sørensen–Dice similarity of two strings' letter pairs, in [0, 1]. */
export function diceSimilarity(a: string, b: string): number {
  const x = compactHeader(a);
  const y = compactHeader(b);
  if (x === y) {
    return x === '' ? 0 : 1;
  }
  if (x.length < 2 || y.length < 2) {
    return 0;
  }
  const pairs = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i += 1) {
    const p = x.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i += 1) {
    const p = y.slice(i, i + 2);
    const n = pairs.get(p) ?? 0;
    if (n > 0) {
      shared += 1;
      pairs.set(p, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}
