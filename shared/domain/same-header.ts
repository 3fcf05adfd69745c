/** True when two header rows are the same cells in the same order (pure). */
export function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}
