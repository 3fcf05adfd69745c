/**
 * String similarity in [0, 1] for the fuzzy comparisons (pure).
 */
import { distance } from 'fastest-levenshtein';

// Reused between calls: the model compares millions of short strings.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity of two strings. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i += 1) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j += 1) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i += 1) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t += 1;
    k += 1;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
}

/** Jaro-Winkler similarity: Jaro with a bonus for a common prefix of up to four characters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7) return j;
  let p = 0;
  const max = Math.min(4, a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p += 1;
  return j + p * 0.1 * (1 - j);
}

/** Edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/** Edit similarity: 1 - distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const n = Math.max(a.length, b.length);
  return n === 0 ? 0 : 1 - distance(a, b) / n;
}

/**
 * Token-set similarity: each token of the shorter list is paired with its most similar token
 * of the other (Jaro-Winkler), averaged (Monge-Elkan), then lowered by the share of tokens of
 * the longer list left unpaired, so "art's deli" and "art's delicatessen" score high and
 * "cafe bizou" and "cafe central" do not.
 */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  for (const s of short) {
    let best = 0;
    for (const l of long) {
      const v = s === l ? 1 : jaroWinkler(s, l);
      if (v > best) best = v;
      if (best === 1) break;
    }
    sum += best;
  }
  const mean = sum / short.length;
  return mean * (0.75 + (0.25 * short.length) / long.length);
}
