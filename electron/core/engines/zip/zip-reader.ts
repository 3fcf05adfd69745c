/**
 * Streaming ZIP reading on yauzl: the archive's directory, and one entry inflated as a stream.
 *
 * An export can run to hundreds of megabytes, so the archive is never held in memory. The
 * archive is untrusted input: yauzl parses the structures, and on top of it we refuse unsafe
 * names, encryption and unknown methods before a byte is inflated, and count and checksum what
 * actually comes out (yauzl checks neither the CRC nor a ratio), so a lying size or a bomb stops
 * at our limit with our code.
 */
import fs from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/ipc/errors';
import { isUnsafeEntryName } from './safe-entry-name';

/**
 * Largest inflated/compressed ratio we accept.
 *
 * CSV typically compresses 5-20x; exports full of empty columns or repeated picklist values go
 * well past that, and 200 leaves them room while still stopping a bomb (zeros reach ~1000x).
 */
export const DEFAULT_MAX_RATIO = 200;

/** Every entry may inflate to at least this much, so tiny but legitimate files are not refused. */
const MIN_INFLATE_ALLOWANCE = 1024 * 1024;

/** More entries than this is not a data export; the cap keeps a crafted directory from costing us. */
const MAX_ENTRIES = 10_000;

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8 = 0x0800;

/** One file or folder as the central directory describes it. */
export interface ZipEntry {
  /** Name to show and match on: UTF-8 when flagged or given by a Unicode Path field, else CP437. */
  readonly name: string;
  readonly utf8: boolean;
  readonly encrypted: boolean;
  readonly isDirectory: boolean;
  /** 0 = stored, 8 = deflate; anything else is refused. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

// Keyed by the entry objects openZip hands out, so callers can pass entries around on their own.
const sources = new WeakMap<ZipEntry, { zip: yauzl.ZipFile; raw: yauzl.Entry }>();
// Entry streams open per archive: the file is released when the last one closes.
const streaming = new WeakMap<yauzl.ZipFile, number>();

/** Limits applied while inflating one entry. */
export interface EntryStreamOptions {
  /** Inflated bytes may not exceed compressed size x this (with a 1 MiB floor). */
  maxRatio: number;
  /** Absolute cap on inflated bytes, on top of the ratio. */
  maxBytes?: number;
}

/** An opened archive: its directory, and a way to stream one entry's content. */
export interface ZipArchive {
  readonly filePath: string;
  readonly entries: readonly ZipEntry[];
  /** Streams the entry's inflated bytes; all failures arrive as `error` events with an AppError. */
  openEntryStream(entry: ZipEntry, opts: EntryStreamOptions): Readable;
  /** Releases the file now; an archive whose entry was streamed is released when that stream closes. */
  close(): void;
}

/** Bytes per read of the archive: as Node's own file streams read (larger reads only cost memory). */
const READ_CHUNK = 64 * 1024;

/**
 * yauzl's byte source: ranges of the file, read in 64 KiB chunks (its own fd reader reads
 * 16 KiB at a time, which cost a tenth more CPU on a 230 MB export). Each range opens the file
 * itself, because yauzl destroys its range streams and a destroyed stream closes its fd.
 */
class FileRangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly filePath: string) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return fs.createReadStream(this.filePath, { start, end: end - 1, highWaterMark: READ_CHUNK });
  }

  override close(callback: (err: Error | null) => void): void {
    callback(null);
  }
}

/** Options for picking the CSV out of an archive. */
export interface SelectCsvOptions {
  maxRatio?: number;
}

/** The most bytes an entry may inflate to: the ratio allowance (with its floor), capped by maxBytes. */
export function inflatedByteLimit(compressedSize: number, opts: EntryStreamOptions): number {
  const byRatio = Math.max(compressedSize * opts.maxRatio, MIN_INFLATE_ALLOWANCE);
  return opts.maxBytes === undefined ? byRatio : Math.min(byRatio, opts.maxBytes);
}

/** Opens a ZIP file and reads its central directory (only the trailer and directory are read). */
export async function openZip(filePath: string): Promise<ZipArchive> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch (err) {
    throw unreadable(filePath, err);
  }
  if (!stat.isFile()) {
    throw new AppError('FILE_UNREADABLE', `${filePath} is not a regular file.`);
  }
  const reader = new FileRangeReader(filePath);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    // Names are decoded by yauzl (CP437, UTF-8 flag, Unicode Path field) but judged by us, so a
    // crafted name gets our code; sizes are checked by our guard, which also checks the CRC.
    yauzl.fromRandomAccessReader(reader, stat.size, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false, validateEntrySizes: false }, (err, z) =>
      err ? reject(structureError(err)) : resolve(z),
    );
  });
  try {
    const entries = await readEntries(zip);
    return {
      filePath,
      entries,
      openEntryStream,
      close() {
        if (streaming.get(zip) === undefined && zip.isOpen) zip.close();
      },
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}

function readEntries(zip: yauzl.ZipFile): Promise<ZipEntry[]> {
  if (zip.entryCount > MAX_ENTRIES) {
    return Promise.reject(new AppError('ZIP_UNSUPPORTED', `The ZIP holds ${zip.entryCount} entries; a data export holds one CSV.`));
  }
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    zip.on('entry', (raw: yauzl.Entry) => {
      const entry: ZipEntry = {
        name: raw.fileName,
        utf8: (raw.generalPurposeBitFlag & FLAG_UTF8) !== 0,
        encrypted: raw.isEncrypted(),
        isDirectory: raw.fileName.endsWith('/'),
        method: raw.compressionMethod,
        crc32: raw.crc32,
        compressedSize: raw.compressedSize,
        uncompressedSize: raw.uncompressedSize,
      };
      sources.set(entry, { zip, raw });
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(structureError(err)));
    zip.readEntry();
  });
}

/** Maps yauzl's messages about the archive's structure to our stable codes. */
function structureError(err: Error): AppError {
  if (err instanceof AppError) return err;
  const m = err.message;
  if (/signature not found/i.test(m)) {
    return new AppError('NOT_A_ZIP', 'The file is not a ZIP archive (or it is truncated): no end-of-central-directory record.');
  }
  if (/multi-disk/i.test(m)) {
    return new AppError('ZIP_UNSUPPORTED', 'Split or spanned ZIP archives are not supported.');
  }
  if (/absolute path|invalid relative path|invalid characters in fileName/i.test(m)) {
    return new AppError('ZIP_UNSAFE_PATH', `The ZIP contains an entry with an unsafe path (${m}).`);
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && code.startsWith('E')) {
    return new AppError('FILE_UNREADABLE', `Cannot read the ZIP: ${m}`);
  }
  return new AppError('ZIP_CORRUPT', `The ZIP is damaged: ${m}.`);
}

/**
 * Picks the one CSV of an export, refusing anything suspicious before a byte is inflated.
 *
 * Unsafe names are refused anywhere in the archive, even on entries we would ignore: they only
 * appear in crafted archives, and a crafted archive is not worth half-trusting.
 */
export function selectSingleCsv(archive: Pick<ZipArchive, 'entries'>, opts: SelectCsvOptions = {}): ZipEntry {
  const maxRatio = opts.maxRatio ?? DEFAULT_MAX_RATIO;
  const unsafe = archive.entries.find((e) => isUnsafeEntryName(e.name));
  if (unsafe) {
    throw new AppError('ZIP_UNSAFE_PATH', `The ZIP contains an entry with an unsafe path: "${unsafe.name.replace(/\0/g, '\\0')}".`);
  }
  const csvs = archive.entries.filter((e) => !e.isDirectory && !isJunk(e.name) && /\.csv$/i.test(e.name));
  const [csv, ...others] = csvs;
  if (!csv) {
    throw new AppError('ZIP_NO_CSV', 'The ZIP contains no CSV file.');
  }
  if (others.length > 0) {
    const names = csvs.map((e) => `"${e.name}"`).join(', ');
    throw new AppError('ZIP_MULTIPLE_CSV', `The ZIP contains ${csvs.length} CSV files (${names}); expected exactly one.`);
  }
  const unsupported = unsupportedReason(csv);
  if (unsupported) {
    throw unsupported;
  }
  if (csv.uncompressedSize > inflatedByteLimit(csv.compressedSize, { maxRatio })) {
    throw ratioExceeded(csv, maxRatio);
  }
  return csv;
}

/** Folders and the droppings of macOS Finder, which zips resource forks and folder settings. */
function isJunk(name: string): boolean {
  const segments = name.split('/');
  const base = segments[segments.length - 1] ?? '';
  return segments.includes('__MACOSX') || base.startsWith('._') || base === '.DS_Store';
}

function unsupportedReason(entry: ZipEntry): AppError | null {
  if (entry.encrypted) {
    return new AppError('ZIP_UNSUPPORTED', `"${entry.name}" is password-protected; export it again without a password.`);
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    return new AppError('ZIP_UNSUPPORTED', `"${entry.name}" uses compression method ${entry.method}; only stored and deflate are supported.`);
  }
  return null;
}

function ratioExceeded(entry: ZipEntry, maxRatio: number): AppError {
  return new AppError('ZIP_RATIO_EXCEEDED', `"${entry.name}" inflates to more than ${maxRatio}x its compressed size; refusing it as a possible ZIP bomb.`);
}

/**
 * Streams one entry of an archive opened with `openZip` (same as `archive.openEntryStream`).
 *
 * Failures, including the checks done before reading, arrive as an `error` event carrying an
 * AppError, so callers have a single place to handle them.
 */
export function openEntryStream(entry: ZipEntry, opts: EntryStreamOptions): Readable {
  const guard = new InflateGuard(entry, inflatedByteLimit(entry.compressedSize, opts), opts);
  const source = sources.get(entry);
  if (!source) {
    guard.destroy(new AppError('INTERNAL', `"${entry.name}" does not come from an archive opened by openZip.`));
    return guard;
  }
  const { zip } = source;
  streaming.set(zip, (streaming.get(zip) ?? 0) + 1);
  guard.once('close', () => {
    const left = (streaming.get(zip) ?? 1) - 1;
    if (left > 0) {
      streaming.set(zip, left);
    } else {
      streaming.delete(zip);
      if (zip.isOpen) zip.close();
    }
  });
  // Declared sizes are checked before reading; the guard re-checks the bytes that come out.
  const refusal = unsupportedReason(entry) ?? (entry.uncompressedSize > guard.limit ? guard.limitError() : null);
  if (refusal) {
    guard.destroy(refusal);
    return guard;
  }
  zip.openReadStream(source.raw, (err, stream) => {
    if (err) {
      guard.destroy(structureError(err));
      return;
    }
    if (guard.destroyed) {
      stream.destroy();
      return;
    }
    // Whoever stops first (error, early destroy by the consumer) releases the file and zlib.
    guard.once('close', () => stream.destroy());
    stream.on('error', (e: Error) => guard.destroy(new AppError('ZIP_CORRUPT', `"${entry.name}" is damaged: ${e.message}.`)));
    stream.pipe(guard);
  });
  return guard;
}

/**
 * Counts and checksums what actually comes out, since every size in the archive can lie.
 *
 * Stopping at the limit inside the transform means the bytes past it are never handed on, and
 * destroying the guard tears down the file read and the inflater behind it.
 */
class InflateGuard extends Transform {
  private total = 0;
  private crc = 0;

  constructor(
    private readonly entry: ZipEntry,
    readonly limit: number,
    private readonly opts: EntryStreamOptions,
  ) {
    super();
  }

  limitError(): AppError {
    if (this.opts.maxBytes !== undefined && this.limit === this.opts.maxBytes) {
      return new AppError('ZIP_RATIO_EXCEEDED', `"${this.entry.name}" inflates to more than ${this.limit} bytes.`);
    }
    return ratioExceeded(this.entry, this.opts.maxRatio);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.limit) {
      callback(this.limitError());
      return;
    }
    this.crc = zlib.crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.total !== this.entry.uncompressedSize) {
      callback(new AppError('ZIP_CORRUPT', `"${this.entry.name}" inflated to ${this.total} bytes but declares ${this.entry.uncompressedSize}.`));
      return;
    }
    if (this.crc !== this.entry.crc32) {
      callback(new AppError('ZIP_CORRUPT', `"${this.entry.name}" is damaged: its CRC-32 does not match.`));
      return;
    }
    callback();
  }
}

function unreadable(filePath: string, err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') {
    return new AppError('FILE_NOT_FOUND', `No file at ${filePath}.`);
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('FILE_UNREADABLE', `Cannot read ${filePath}: ${reason}`);
}
