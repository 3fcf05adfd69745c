/**
 * Deciding what a dropped file is without reading all of it.
 */

/** How much of a file is read to recognise it; metadata files declare "fields" first. */
const PEEK_BYTES = 1024;

/** True when the file is a saved Fields API response (`{"fields": [...]}`) rather than records. */
export async function isFieldMetadataFile(file: File): Promise<boolean> {
  if (!file.name.toLowerCase().endsWith('.json')) {
    return false;
  }
  try {
    const head = await file.slice(0, PEEK_BYTES).text();
    // A BOM or pretty-printing whitespace must not hide the key.
    return /^\uFEFF?\s*\{\s*"fields"/.test(head);
  } catch {
    return false;
  }
}

/** The last segment of a path, for either separator (paths come from any OS's dialog). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** True for names the CSV import reads: .csv, .tsv and .txt (delimited text). */
export function isCsvName(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}
