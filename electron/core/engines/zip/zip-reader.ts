/**
 * Streaming ZIP reader for Zoho Bulk Read exports.
 *
 * An export is one CSV that can run to hundreds of megabytes, so the archive is never held in
 * memory: we read the central directory ourselves and inflate a single entry as a stream. The
 * archive is untrusted input; sizes it declares are checked up front and re-checked against the
 * bytes that actually come out.
 */
import fs from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/ipc/errors';
import {
  TAIL_READ_SIZE,
  ZIP64_EOCD_SIZE,
  LOCAL_HEADER_SIZE,
  checkLocalHeader,
  findEndRecord,
  localHeaderLength,
  locateDirectory,
  parseCentralDirectory,
  parseLocalFileHeader,
  parseZip64EndRecord,
  type Zip64EndRecord,
  type ZipEntry,
} from './central-directory';
import { isUnsafeEntryName } from './safe-entry-name';

export type { ZipEntry } from './central-directory';

/**
 * Largest inflated/compressed ratio we accept.
 *
 * CSV typically compresses 5-20x; exports full of empty columns or repeated picklist values go
 * well past that, and 200 leaves them room while still stopping a bomb (zeros reach ~1000x).
 */
export const DEFAULT_MAX_RATIO = 200;

/** Every entry may inflate to at least this much, so tiny but legitimate files are not refused. */
const MIN_INFLATE_ALLOWANCE = 1024 * 1024;

/**
 * A directory bigger than this is not a one-CSV export; the cap keeps a crafted directory from
 * making us allocate a huge buffer.
 */
const MAX_DIRECTORY_SIZE = 16 * 1024 * 1024;

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/** Which file an entry's bytes live in and where its data area ends (the directory offset). */
interface EntrySource {
  filePath: string;
  dataLimit: number;
}

// Keyed by the entry objects openZip hands out, so callers can pass entries around on their own.
const sources = new WeakMap<ZipEntry, EntrySource>();

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
  const handle = await openForReading(filePath);
  try {
    const stat = await handle.stat().catch((err: unknown) => {
      throw unreadable(filePath, err);
    });
    if (!stat.isFile()) {
      throw new AppError('FILE_UNREADABLE', `${filePath} is not a regular file.`);
    }
    const tailLength = Math.min(stat.size, TAIL_READ_SIZE);
    const tailStart = stat.size - tailLength;
    const end = findEndRecord(await readExactly(handle, filePath, tailStart, tailLength), tailStart);
    let zip64: Zip64EndRecord | null = null;
    if (end.zip64RecordOffset !== null) {
      if (end.zip64RecordOffset + ZIP64_EOCD_SIZE > stat.size) {
        throw new AppError('ZIP_CORRUPT', 'The ZIP64 end-of-central-directory record lies outside the file.');
      }
      zip64 = parseZip64EndRecord(await readExactly(handle, filePath, end.zip64RecordOffset, ZIP64_EOCD_SIZE));
    }
    const location = locateDirectory(end, zip64);
    if (location.size > MAX_DIRECTORY_SIZE) {
      throw new AppError('ZIP_UNSUPPORTED', 'The ZIP directory is far too large for a data export.');
    }
    const directory = await readExactly(handle, filePath, location.offset, location.size);
    const entries = parseCentralDirectory(directory, location);
    const source: EntrySource = { filePath, dataLimit: location.offset };
    entries.forEach((entry) => sources.set(entry, source));
    return { filePath, entries, openEntryStream };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Picks the one CSV of a Bulk Read export, refusing anything suspicious before a byte is inflated.
 *
 * Unsafe names are refused anywhere in the archive, even on entries we would ignore: they only
 * appear in crafted archives, and a crafted archive is not worth half-trusting.
 */
export function selectSingleCsv(archive: Pick<ZipArchive, 'entries'>, opts: SelectCsvOptions = {}): ZipEntry {
  const maxRatio = opts.maxRatio ?? DEFAULT_MAX_RATIO;
  const unsafe = archive.entries.find((e) => isUnsafeEntryName(e.name) || isUnsafeEntryName(e.headerName));
  if (unsafe) {
    const shown = printable(unsafe.name);
    throw new AppError('ZIP_UNSAFE_PATH', `The ZIP contains an entry with an unsafe path: "${shown}".`);
  }
  const csvs = archive.entries.filter((e) => !e.isDirectory && !isJunk(e.name) && /\.csv$/i.test(e.name));
  const [csv, ...others] = csvs;
  if (!csv) {
    throw new AppError('ZIP_NO_CSV', 'The ZIP contains no CSV file.');
  }
  if (others.length > 0) {
    const names = csvs.map((e) => `"${e.name}"`).join(', ');
    throw new AppError(
      'ZIP_MULTIPLE_CSV',
      `The ZIP contains ${csvs.length} CSV files (${names}); expected exactly one.`,
    );
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

function printable(name: string): string {
  return name.replace(/\0/g, '\\0');
}

function unsupportedReason(entry: ZipEntry): AppError | null {
  if (entry.encrypted) {
    return new AppError(
      'ZIP_UNSUPPORTED',
      `"${entry.name}" is password-protected; export it again without a password.`,
    );
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    return new AppError(
      'ZIP_UNSUPPORTED',
      `"${entry.name}" uses compression method ${entry.method}; only stored and deflate are supported.`,
    );
  }
  return null;
}

function ratioExceeded(entry: ZipEntry, maxRatio: number): AppError {
  return new AppError(
    'ZIP_RATIO_EXCEEDED',
    `"${entry.name}" inflates to more than ${maxRatio}x its compressed size; refusing it as a possible ZIP bomb.`,
  );
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
  // Declared sizes are checked before reading; the guard re-checks the bytes that come out.
  const refusal = unsupportedReason(entry) ?? (entry.uncompressedSize > guard.limit ? guard.limitError() : null);
  if (refusal) {
    guard.destroy(refusal);
    return guard;
  }
  const { filePath, dataLimit } = source;
  void readDataOffset(filePath, entry, dataLimit).then(
    (dataOffset) => pumpEntry(filePath, entry, dataOffset, guard),
    (err: unknown) => guard.destroy(err as Error),
  );
  return guard;
}

/** Wires file -> inflate -> guard, mapping each stage's failures to a stable code. */
function pumpEntry(filePath: string, entry: ZipEntry, dataOffset: number, guard: InflateGuard): void {
  if (guard.destroyed) {
    return;
  }
  const source: Readable =
    entry.compressedSize === 0
      ? Readable.from([], { objectMode: false })
      : fs.createReadStream(filePath, { start: dataOffset, end: dataOffset + entry.compressedSize - 1 });
  const inflater = entry.method === METHOD_DEFLATE ? zlib.createInflateRaw() : null;
  const stages: Readable[] = inflater ? [source, inflater] : [source];
  // Whoever stops first (error, early destroy by the consumer) releases the file and zlib.
  guard.once('close', () => stages.forEach((s) => s.destroy()));
  source.on('error', (err: Error) => guard.destroy(unreadable(filePath, err)));
  if (inflater) {
    inflater.on('error', (err) =>
      guard.destroy(new AppError('ZIP_CORRUPT', `"${entry.name}" is damaged: ${err.message}.`)),
    );
    source.pipe(inflater).pipe(guard);
  } else {
    source.pipe(guard);
  }
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
      callback(
        new AppError(
          'ZIP_CORRUPT',
          `"${this.entry.name}" inflated to ${this.total} bytes but declares ${this.entry.uncompressedSize}.`,
        ),
      );
      return;
    }
    if (this.crc !== this.entry.crc32) {
      callback(new AppError('ZIP_CORRUPT', `"${this.entry.name}" is damaged: its CRC-32 does not match.`));
      return;
    }
    callback();
  }
}

/** Reads and cross-checks the local header, whose name/extra lengths may differ from the central copy. */
async function readDataOffset(filePath: string, entry: ZipEntry, dataLimit: number): Promise<number> {
  const handle = await openForReading(filePath);
  try {
    const fixed = await readExactly(handle, filePath, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    const length = localHeaderLength(fixed);
    const header = await readExactly(handle, filePath, entry.localHeaderOffset, length);
    return checkLocalHeader(entry, parseLocalFileHeader(header), dataLimit);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function openForReading(filePath: string): Promise<fs.promises.FileHandle> {
  try {
    return await fs.promises.open(filePath, 'r');
  } catch (err) {
    throw unreadable(filePath, err);
  }
}

/** Reads exactly `length` bytes; a short read means the file ends before the ZIP says it does. */
async function readExactly(
  handle: fs.promises.FileHandle,
  filePath: string,
  position: number,
  length: number,
): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buf, filled, length - filled, position + filled));
    } catch (err) {
      throw unreadable(filePath, err);
    }
    if (bytesRead === 0) {
      throw new AppError('ZIP_CORRUPT', 'The ZIP file ends before the data its directory points to.');
    }
    filled += bytesRead;
  }
  return buf;
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
