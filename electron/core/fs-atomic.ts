/**
 * Writing a file so that readers see the old content or the new, never half of it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes to a temporary name beside the target, then renames over it. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
