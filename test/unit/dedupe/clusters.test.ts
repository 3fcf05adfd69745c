import { describe, expect, it } from 'vitest';
import { clusterRows, MAX_CLUSTER, STRONG_LINK } from '../../../electron/core/engines/dedupe/clusters';

describe('clusters', () => {
  it('join a chain of true duplicates into one cluster', () => {
    expect(clusterRows([{ a: 1, b: 2, score: 0.9 }, { a: 2, b: 3, score: 0.8 }, { a: 7, b: 9, score: 0.6 }], 0.5)).toEqual([[1, 2, 3], [7, 9]]);
  });

  it('ignore links below the threshold', () => {
    expect(clusterRows([{ a: 1, b: 2, score: 0.4 }], 0.5)).toEqual([]);
  });

  it('do not let one weak link chain two groups together, but two links or a strong one do', () => {
    const groups = [{ a: 1, b: 2, score: 0.99 }, { a: 3, b: 4, score: 0.99 }];
    expect(clusterRows([...groups, { a: 2, b: 3, score: 0.6 }], 0.5)).toEqual([[1, 2], [3, 4]]);
    expect(clusterRows([...groups, { a: 2, b: 3, score: 0.6 }, { a: 1, b: 4, score: 0.55 }], 0.5)).toEqual([[1, 2, 3, 4]]);
    expect(clusterRows([...groups, { a: 2, b: 3, score: STRONG_LINK }], 0.5)).toEqual([[1, 2, 3, 4]]);
  });

  it('never grow past MAX_CLUSTER rows', () => {
    const links = Array.from({ length: MAX_CLUSTER + 10 }, (_, i) => ({ a: i + 1, b: i + 2, score: 0.99 }));
    const clusters = clusterRows(links, 0.5);
    expect(Math.max(...clusters.map((c) => c.length))).toBeLessThanOrEqual(MAX_CLUSTER);
  });
});
