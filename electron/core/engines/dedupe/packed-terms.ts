/**
 * A module's term counts as the workspace stores them: one text per kind, a `key\tn` line per
 * term (pure). One row per kind reads in one go where a row per term took a second a million.
 */

/** The kind under which a person's company is counted by its stored value. */
export const COMPANY_RAW = 'company-raw';

/** Packs one kind's counts (keys never hold a tab or a line break). */
export function packTerms(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([k, n]) => `${k}\t${n}`).join('\n');
}

/** Unpacks one kind's counts. */
export function unpackTerms(packed: string, each: (key: string, n: number) => void): void {
  if (packed === '') return;
  let at = 0;
  while (at < packed.length) {
    let end = packed.indexOf('\n', at);
    if (end < 0) end = packed.length;
    const tab = packed.lastIndexOf('\t', end);
    each(packed.slice(at, tab), Number(packed.slice(tab + 1, end)));
    at = end + 1;
  }
}

