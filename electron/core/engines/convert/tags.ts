/**
 * Record tags as the replica holds them (pure): a Records API `Tag` arrives as a JSON list of
 * `{"name","id"}` (kept whole as text), an export as names separated by `;` or `,`.
 */

/** The tag names in a `Tag` cell, in order, without repeats. */
export function parseTags(cell: string | undefined): string[] {
  const text = (cell ?? '').trim();
  if (text === '') return [];
  let names: string[];
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      names = Array.isArray(parsed)
        ? parsed.map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null && 'name' in t ? String((t as { name: unknown }).name ?? '') : ''))
        : [];
    } catch {
      names = text.split(/[;,]/);
    }
  } else {
    names = text.split(/[;,]/);
  }
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
}

/** Tags as the replica writes them after a simulated change (`;`-joined, as exports do). */
export function formatTags(tags: readonly string[]): string {
  return tags.join(';');
}

/** `a` then the tags of `b` not already in it. */
export function unionTags(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
