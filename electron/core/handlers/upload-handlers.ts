/**
 * Channels that hand a file's bytes to the core in slices (used by the Electron window for
 * dropped files; the local host has a streaming endpoint instead).
 */
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { HandlerContext } from './handler-context';

type UploadHandlers = Pick<Handlers, 'upload.begin' | 'upload.chunk' | 'upload.finish' | 'dialog.openFile'>;

/** Builds the upload handlers, and the dialog fallback for transports without a native one. */
export function uploadHandlers(ctx: HandlerContext): UploadHandlers {
  return {
    'upload.begin': async ({ name, size }) => ({ uploadId: ctx.uploads.begin(name, size) }),
    'upload.chunk': async ({ uploadId, offset, base64 }) => ({
      received: ctx.uploads.chunk(uploadId, offset, Buffer.from(base64, 'base64')),
    }),
    'upload.finish': async ({ uploadId }) => ({ uploadId, size: ctx.uploads.finish(uploadId) }),
    'dialog.openFile': async () => {
      throw new AppError('NOT_SUPPORTED', 'There is no native file dialog here; use the file picker.');
    },
  };
}
