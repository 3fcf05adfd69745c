/**
 * Reading the first bytes of a source file (never writing it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';

/** The file's size and up to `max` bytes from its start; coded errors for missing files. */
export function readFileHead(file: string, max: number): { size: number; head: Uint8Array } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('FILE_NOT_FOUND', `No file at ${file}.`);
    }
    throw new AppError('FILE_UNREADABLE', `Cannot read ${path.basename(file)}: ${(err as Error).message}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      throw new AppError('FILE_UNREADABLE', `${file} is a folder, not a file.`);
    }
    const head = Buffer.alloc(Math.min(max, stat.size));
    let got = 0;
    while (got < head.length) {
      const n = fs.readSync(fd, head, got, head.length - got, got);
      if (n === 0) {
        break;
      }
      got += n;
    }
    return { size: stat.size, head: head.subarray(0, got) };
  } catch (err) {
    if (err instanceof AppError) {
      throw err;
    }
    throw new AppError('FILE_UNREADABLE', `Cannot read ${path.basename(file)}: ${(err as Error).message}`);
  } finally {
    fs.closeSync(fd);
  }
}
