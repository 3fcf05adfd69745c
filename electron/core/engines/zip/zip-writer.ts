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
import zlib from 'node:zlib';
import yazl from 'yazl';
import { AppError } from '../../../../shared/ipc/errors';

/**
 * yazl checksums every byte through buffer-crc32, a table lookup in JavaScript that took a fifth
 * of an export's CPU; Node's zlib.crc32 gives the same numbers natively. The unzip -t and
 * Python checks of every ZIP in the tests are what hold this to account.
 */
export function nativeCrc32(input: string | Buffer, partial?: Buffer | number): number {
  const start = partial === undefined ? 0 : typeof partial === 'number' ? partial : partial.readUInt32BE(0);
  return zlib.crc32(typeof input === 'string' ? Buffer.from(input) : input, start);
}
// The CommonJS instance is the one yazl requires (an `import` would load the ESM build).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yazlCrc32 = require('buffer-crc32') as { unsigned: typeof nativeCrc32 };
yazlCrc32.unsigned = nativeCrc32;

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

/**
 * Zips `content` (held in memory) as the single entry `entryName` into `zipPath`: one DEFLATE
 * call instead of a stream of chunks, and the sizes go in the local header.
 */
export async function zipBuffer(content: Buffer, entryName: string, zipPath: string, opts: ZipWriteOptions): Promise<WrittenZip> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(content, entryName, { mtime: opts.mtime, mode: 0o100644, compressionLevel: opts.level ?? 6 });
  zip.end();
  const tally = new Tally(opts.cancelled);
  await pipeline(zip.outputStream, tally, fs.createWriteStream(zipPath));
  return { bytes: tally.bytes, sha256: tally.digest(), entryBytes: content.length, entrySha256: crypto.createHash('sha256').update(content).digest('hex') };
}
