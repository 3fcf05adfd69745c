/**
 * Entry names we refuse to handle at all.
 *
 * We never extract to disk, but a name that would escape a folder on extraction marks a crafted
 * archive, and a crafted archive is not something to half-trust: the loader refuses it whole.
 */

/** True when a ZIP entry name is absolute, drive-qualified, climbs with `..`, or holds a NUL. */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\0')) {
    return true;
  }
  // Both separators count: Windows tools accept `\` and some writers store it verbatim.
  if (name.startsWith('/') || name.startsWith('\\')) {
    return true;
  }
  // `C:x` is drive-relative on Windows, which is as much an escape as `C:\x`.
  if (/^[A-Za-z]:/.test(name)) {
    return true;
  }
  return name.split(/[\\/]/).some(isParentSegment);
}

/**
 * `..`, plus dot-and-space variants: Windows trims trailing dots and spaces in some positions,
 * so `.. ` can end up meaning the parent. No real export uses such names, so all are refused.
 */
function isParentSegment(segment: string): boolean {
  return /^\.\.[. ]*$/.test(segment);
}
