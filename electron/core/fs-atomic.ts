/**
 * Writing a file so that readers see the old content or the new, never half of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors';

/** A temporary name beside `file`, for content that is renamed over it once complete. */
export function tempPathFor(file: string): string {
  return `${file}.${process.pid}.${Date.now()}.tmp`;
}

/** Writes to a temporary name beside the target, then renames over it. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * The absolute path of a file the user asked to write. Its folder must already exist: an
 * export never creates folders the user did not choose.
 */
export function chosenOutputPath(file: string): string {
  const abs = path.resolve(file);
  if (!fs.existsSync(path.dirname(abs))) {
    throw new AppError('FILE_NOT_FOUND', `The folder ${path.dirname(abs)} does not exist.`);
  }
  return abs;
}
