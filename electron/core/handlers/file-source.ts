/**
 * Turning a contract FileSource into a readable file on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { FileSource } from '../../../shared/ipc/schemas';
import { AppError } from '../../../shared/ipc/errors';
import type { UploadStore } from '../uploads/upload-store';

/** The file's path and the name to show for it; a missing path is FILE_NOT_FOUND. */
export function resolveSource(source: z.infer<typeof FileSource>, uploads: UploadStore): { path: string; name: string; uploadId: string | null } {
  if (source.kind === 'upload') {
    const up = uploads.resolve(source.uploadId);
    return { ...up, uploadId: source.uploadId };
  }
  const abs = path.resolve(source.path);
  if (!fs.existsSync(abs)) {
    throw new AppError('FILE_NOT_FOUND', `No file at ${abs}.`);
  }
  return { path: abs, name: path.basename(abs), uploadId: null };
}
