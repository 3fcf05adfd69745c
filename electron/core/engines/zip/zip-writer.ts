/**
 * Writing a one-file ZIP on yazl (DEFLATE through Node's zlib), streamed from a file on disk.
 *
 * The time and mode stored in the archive are given, never taken from the clock or the file,
 * so the same content always gives the same bytes: an export repeated is byte-identical.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { AppError } from '../../../../shared/ipc/errors';

/** What a written archive is: its size and SHA-256, and the entry's sizes. */
export interface WrittenZip {
  bytes: number;
  sha256: string;
  entryBytes: number;
  /** SHA-256 of the entry's uncompressed content. */
  entrySha256: string;
}

/** Options of one archive. */
export interface ZipWriteOptions {
  /** Stored as the entry's modification time. */
  mtime: Date;
  /** zlib level; 6 is zip's own default. */
  level?: number;
  /** Checked between chunks; a true answer stops with CANCELLED. */
  cancelled?: () => boolean;
}

/** Counts, hashes and forwards the archive's bytes on their way to disk. */
class Tally extends Transform {
  bytes = 0;
  private readonly hash = crypto.createHash('sha256');

  constructor(private readonly cancelled: (() => boolean) | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.cancelled?.()) {
      cb(new AppError('CANCELLED', 'The export was cancelled.'));
      return;
    }
    this.bytes += chunk.length;
    this.hash.update(chunk);
    cb(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Zips `sourceFile` as the single entry `entryName` into `zipPath` (created or replaced). */
export async function zipSingleFile(sourceFile: string, entryName: string, zipPath: string, opts: ZipWriteOptions): Promise<WrittenZip> {
  const size = fs.statSync(sourceFile).size;
  const zip = new yazl.ZipFile();
  const entryHash = crypto.createHash('sha256');
  zip.addReadStreamLazy(entryName, { mtime: opts.mtime, mode: 0o100644, compressionLevel: opts.level ?? 6, size }, (cb) => {
    const input = fs.createReadStream(sourceFile, { highWaterMark: 1 << 20 });
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        entryHash.update(chunk);
        done(null, chunk);
      },
    });
    input.on('error', (err) => hashing.destroy(err));
    cb(null, input.pipe(hashing));
  });
  zip.end();
  const tally = new Tally(opts.cancelled);
  await pipeline(zip.outputStream, tally, fs.createWriteStream(zipPath));
  return { bytes: tally.bytes, sha256: tally.digest(), entryBytes: size, entrySha256: entryHash.digest('hex') };
}
