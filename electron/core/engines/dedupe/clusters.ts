/**
 * Grouping the rows of a batch that are the same person or company into clusters (pure).
 *
 * Links are taken strongest first and joined with union-find. The guard against chaining: two
 * groups of two or more rows are joined only when the link is strong (STRONG_LINK) or a second
 * link between them reaches the threshold too, and no cluster grows past MAX_CLUSTER. So one
 * wrong link cannot pull two families of records into one cluster, while a chain of true
 * duplicates (A~B, B~C) still ends in one.
 */

/** A scored link between two rows. */
export interface RowLink {
  a: number;
  b: number;
  score: number;
}

export const STRONG_LINK = 0.95;
export const MAX_CLUSTER = 50;

/** The clusters (each a sorted list of rows, two rows or more) the links form above `threshold`. */
export function clusterRows(links: readonly RowLink[], threshold: number): number[][] {
  const parent = new Map<number, number>();
  const size = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as number;
    // Path compression keeps later finds short.
    let c = x;
    while (c !== r) {
      const next = parent.get(c) as number;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const kept = links.filter((l) => l.score >= threshold && l.a !== l.b).sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const l of kept) {
    for (const r of [l.a, l.b]) {
      if (!parent.has(r)) {
        parent.set(r, r);
        size.set(r, 1);
      }
    }
  }
  // Links between two groups that are not yet joined, counted so a second link can vouch.
  const pending = new Map<string, number>();
  for (const l of kept) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) continue;
    const sa = size.get(ra) as number;
    const sb = size.get(rb) as number;
    if (sa + sb > MAX_CLUSTER) continue;
    if (sa > 1 && sb > 1 && l.score < STRONG_LINK) {
      const key = ra < rb ? `${ra}|${rb}` : `${rb}|${ra}`;
      const seen = (pending.get(key) ?? 0) + 1;
      pending.set(key, seen);
      if (seen < 2) continue;
    }
    const [big, small] = sa >= sb ? [ra, rb] : [rb, ra];
    parent.set(small, big);
    size.set(big, sa + sb);
  }
  const groups = new Map<number, number[]>();
  for (const row of parent.keys()) {
    const r = find(row);
    const g = groups.get(r);
    if (g) g.push(row);
    else groups.set(r, [row]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((x, y) => x - y))
    .sort((x, y) => (x[0] as number) - (y[0] as number));
}
