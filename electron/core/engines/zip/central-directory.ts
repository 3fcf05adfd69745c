/**
 * Pure parsing of ZIP structures (PKWARE APPNOTE 6.3) from buffers.
 *
 * Nothing here touches the disk: zip-reader.ts reads byte ranges and hands them over, so every
 * bound check lives in one place and can be tested with hand-made buffers. Every length and
 * offset read from the archive is treated as hostile until checked against the bytes we have.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/ipc/errors';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

const EXTRA_ZIP64 = 0x0001;
const EXTRA_UNICODE_PATH = 0x7075;

/** Size of the classic end-of-central-directory record without its comment. */
export const EOCD_SIZE = 22;
/** The EOCD sits within this many bytes of the end: its own size plus the longest comment. */
export const EOCD_SEARCH_WINDOW = EOCD_SIZE + U16_MAX;
/** Size of the ZIP64 end-of-central-directory locator, which sits right before the EOCD. */
export const ZIP64_LOCATOR_SIZE = 20;
/** Size of the fixed part of the ZIP64 end-of-central-directory record. */
export const ZIP64_EOCD_SIZE = 56;
/** Size of the fixed part of a central directory file header. */
export const CENTRAL_HEADER_SIZE = 46;
/** Size of the fixed part of a local file header. */
export const LOCAL_HEADER_SIZE = 30;
/** Trailing bytes to read so that both the EOCD and a ZIP64 locator before it are in hand. */
export const TAIL_READ_SIZE = EOCD_SEARCH_WINDOW + ZIP64_LOCATOR_SIZE;

/** What the classic EOCD record says, plus where a ZIP64 record is if a locator points to one. */
export interface EndRecord {
  /** Absolute file offset of the classic EOCD record. */
  eocdOffset: number;
  entryCount: number;
  directorySize: number;
  directoryOffset: number;
  /** Absolute offset of the ZIP64 EOCD record, or null when the archive is not ZIP64. */
  zip64RecordOffset: number | null;
}

/** The 64-bit values of a ZIP64 EOCD record. */
export interface Zip64EndRecord {
  entryCount: number;
  directorySize: number;
  directoryOffset: number;
}

/** Where the central directory is, after ZIP64 values have replaced the 32-bit ones. */
export interface DirectoryLocation {
  entryCount: number;
  offset: number;
  size: number;
}

/** One file or folder as the central directory describes it. */
export interface ZipEntry {
  /** Name to show and match on: UTF-8 when flagged or given by a Unicode Path field, else latin1. */
  readonly name: string;
  /** Name decoded from the header bytes alone; differs from `name` only with a Unicode Path field. */
  readonly headerName: string;
  /** Raw name bytes, compared with the local header's copy before reading data. */
  readonly nameBytes: Buffer;
  readonly flags: number;
  readonly encrypted: boolean;
  readonly isDirectory: boolean;
  /** 0 = stored, 8 = deflate; anything else is refused by the reader. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The fields of a local file header that we cross-check against the central directory. */
export interface LocalFileHeader {
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  nameBytes: Buffer;
  /** Fixed part + name + extra: the entry's data starts this many bytes after the header. */
  headerLength: number;
}

function corrupt(message: string): AppError {
  return new AppError('ZIP_CORRUPT', message);
}

function notAZip(): AppError {
  return new AppError(
    'NOT_A_ZIP',
    'The file is not a ZIP archive (or it is truncated): no end-of-central-directory record.',
  );
}

function spanned(): AppError {
  return new AppError('ZIP_UNSUPPORTED', 'Split or spanned ZIP archives are not supported.');
}

/** Reads a 64-bit field; anything past 2^53 cannot be a real offset or size, so it is corrupt. */
function readU64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw corrupt('The ZIP declares an impossibly large size or offset.');
  }
  return Number(value);
}

/**
 * Finds the EOCD record in the last bytes of a file.
 *
 * `tail` must be the file's final bytes and `tailStart` its absolute offset. The record must end
 * exactly at end of file once its comment is counted; that rules out a stray signature inside
 * the comment or compressed data, and refuses trailing garbage rather than guessing.
 */
export function findEndRecord(tail: Buffer, tailStart: number): EndRecord {
  const lowest = Math.max(0, tail.length - EOCD_SEARCH_WINDOW);
  for (let pos = tail.length - EOCD_SIZE; pos >= lowest; pos--) {
    if (tail.readUInt32LE(pos) !== EOCD_SIGNATURE) {
      continue;
    }
    if (pos + EOCD_SIZE + tail.readUInt16LE(pos + 20) !== tail.length) {
      continue;
    }
    return parseEndRecordAt(tail, pos, tailStart);
  }
  throw notAZip();
}

function parseEndRecordAt(tail: Buffer, pos: number, tailStart: number): EndRecord {
  const disk = tail.readUInt16LE(pos + 4);
  const directoryDisk = tail.readUInt16LE(pos + 6);
  const entriesHere = tail.readUInt16LE(pos + 8);
  const entryCount = tail.readUInt16LE(pos + 10);
  const zip64RecordOffset = readZip64Locator(tail, pos - ZIP64_LOCATOR_SIZE);
  // With ZIP64 these fields may hold 0xFFFF placeholders; the ZIP64 record is checked instead.
  if (zip64RecordOffset === null && (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount)) {
    throw spanned();
  }
  return {
    eocdOffset: tailStart + pos,
    entryCount,
    directorySize: tail.readUInt32LE(pos + 12),
    directoryOffset: tail.readUInt32LE(pos + 16),
    zip64RecordOffset,
  };
}

function readZip64Locator(tail: Buffer, at: number): number | null {
  if (at < 0 || tail.readUInt32LE(at) !== ZIP64_LOCATOR_SIGNATURE) {
    return null;
  }
  const recordDisk = tail.readUInt32LE(at + 4);
  const totalDisks = tail.readUInt32LE(at + 16);
  if (recordDisk !== 0 || totalDisks > 1) {
    throw spanned();
  }
  return readU64(tail, at + 8);
}

/** Parses the ZIP64 EOCD record that a locator pointed to (`record` starts at the record). */
export function parseZip64EndRecord(record: Buffer): Zip64EndRecord {
  if (record.length < ZIP64_EOCD_SIZE || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
    throw corrupt('The ZIP64 end-of-central-directory record is missing or damaged.');
  }
  const entriesHere = readU64(record, 24);
  const entryCount = readU64(record, 32);
  if (record.readUInt32LE(16) !== 0 || record.readUInt32LE(20) !== 0 || entriesHere !== entryCount) {
    throw spanned();
  }
  return { entryCount, directorySize: readU64(record, 40), directoryOffset: readU64(record, 48) };
}

/**
 * Settles where the central directory is and checks it ends where the trailer begins.
 *
 * Requiring the directory to end exactly at the trailer refuses archives with bytes prepended
 * (self-extractors) or spliced in; a data export never has either.
 */
export function locateDirectory(end: EndRecord, zip64: Zip64EndRecord | null): DirectoryLocation {
  if ((end.zip64RecordOffset === null) !== (zip64 === null)) {
    throw corrupt('The ZIP64 end-of-central-directory record does not match its locator.');
  }
  const values = zip64 ?? end;
  let trailerStart = end.eocdOffset;
  if (end.zip64RecordOffset !== null) {
    if (end.zip64RecordOffset + ZIP64_EOCD_SIZE > end.eocdOffset - ZIP64_LOCATOR_SIZE) {
      throw corrupt('The ZIP64 end-of-central-directory record overlaps the trailer.');
    }
    trailerStart = end.zip64RecordOffset;
  }
  if (values.directoryOffset + values.directorySize !== trailerStart) {
    throw corrupt('The ZIP central directory is not where the end record says it is.');
  }
  if (values.entryCount * CENTRAL_HEADER_SIZE > values.directorySize) {
    throw corrupt('The ZIP central directory is too small for the number of entries it declares.');
  }
  return { entryCount: values.entryCount, offset: values.directoryOffset, size: values.directorySize };
}

/** Parses every central directory header; `directory` holds exactly the directory's bytes. */
export function parseCentralDirectory(directory: Buffer, location: DirectoryLocation): ZipEntry[] {
  if (directory.length !== location.size) {
    throw corrupt('The ZIP central directory is shorter than declared.');
  }
  const entries: ZipEntry[] = [];
  let pos = 0;
  while (pos < directory.length) {
    if (entries.length === location.entryCount) {
      throw corrupt('The ZIP central directory holds more entries than declared.');
    }
    const { entry, next } = parseCentralHeader(directory, pos, location.offset);
    entries.push(entry);
    pos = next;
  }
  if (entries.length !== location.entryCount) {
    throw corrupt('The ZIP central directory holds fewer entries than declared.');
  }
  return entries;
}

function parseCentralHeader(dir: Buffer, pos: number, directoryOffset: number): { entry: ZipEntry; next: number } {
  if (pos + CENTRAL_HEADER_SIZE > dir.length || dir.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
    throw corrupt('A ZIP central directory header is damaged.');
  }
  const flags = dir.readUInt16LE(pos + 8);
  const nameLength = dir.readUInt16LE(pos + 28);
  const extraLength = dir.readUInt16LE(pos + 30);
  const commentLength = dir.readUInt16LE(pos + 32);
  const next = pos + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (next > dir.length) {
    throw corrupt('A ZIP central directory header runs past the end of the directory.');
  }
  const nameStart = pos + CENTRAL_HEADER_SIZE;
  // Copied so entries do not pin the whole directory buffer.
  const nameBytes = Buffer.from(dir.subarray(nameStart, nameStart + nameLength));
  const extra = dir.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
  const headerName = nameBytes.toString((flags & FLAG_UTF8) !== 0 ? 'utf8' : 'latin1');
  const name = (flags & FLAG_UTF8) !== 0 ? headerName : (unicodePathName(extra, nameBytes) ?? headerName);

  const sizes = resolveZip64Fields(extra, {
    uncompressedSize: dir.readUInt32LE(pos + 24),
    compressedSize: dir.readUInt32LE(pos + 20),
    localHeaderOffset: dir.readUInt32LE(pos + 42),
    diskStart: dir.readUInt16LE(pos + 34),
  });
  if (sizes.diskStart !== 0) {
    throw spanned();
  }
  // The local header carries at least the fixed part and the same name before the data.
  if (sizes.localHeaderOffset + LOCAL_HEADER_SIZE + nameLength + sizes.compressedSize > directoryOffset) {
    throw corrupt(`The ZIP entry "${name}" points outside the archive's data area.`);
  }
  const entry: ZipEntry = {
    name,
    headerName,
    nameBytes,
    flags,
    encrypted: (flags & FLAG_ENCRYPTED) !== 0,
    isDirectory: name.endsWith('/') || name.endsWith('\\'),
    method: dir.readUInt16LE(pos + 10),
    crc32: dir.readUInt32LE(pos + 16),
    compressedSize: sizes.compressedSize,
    uncompressedSize: sizes.uncompressedSize,
    localHeaderOffset: sizes.localHeaderOffset,
  };
  return { entry, next };
}

interface Zip64Fields {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
  diskStart: number;
}

/**
 * Replaces 0xFFFF(FFFF) placeholders with the values of the ZIP64 extra field.
 *
 * The field holds only the values whose 32-bit slot is a placeholder, always in this order, so
 * reading them positionally without that filter misreads archives written by `zip -fz`.
 */
function resolveZip64Fields(extra: Buffer, raw: Zip64Fields): Zip64Fields {
  const wanted = {
    uncompressedSize: raw.uncompressedSize === U32_MAX,
    compressedSize: raw.compressedSize === U32_MAX,
    localHeaderOffset: raw.localHeaderOffset === U32_MAX,
    diskStart: raw.diskStart === U16_MAX,
  };
  if (!wanted.uncompressedSize && !wanted.compressedSize && !wanted.localHeaderOffset && !wanted.diskStart) {
    return raw;
  }
  const field = findExtraField(extra, EXTRA_ZIP64);
  if (field === null) {
    throw corrupt('A ZIP64 entry lacks its ZIP64 extra field.');
  }
  const out = { ...raw };
  let at = 0;
  const take = (bytes: 4 | 8): number => {
    if (at + bytes > field.length) {
      throw corrupt('A ZIP64 extra field is too short for the values it must hold.');
    }
    const value = bytes === 8 ? readU64(field, at) : field.readUInt32LE(at);
    at += bytes;
    return value;
  };
  if (wanted.uncompressedSize) out.uncompressedSize = take(8);
  if (wanted.compressedSize) out.compressedSize = take(8);
  if (wanted.localHeaderOffset) out.localHeaderOffset = take(8);
  if (wanted.diskStart) out.diskStart = take(4);
  return out;
}

/**
 * Returns the data of the first extra field with this id, or null.
 *
 * A malformed tail ends the scan instead of failing: some tools pad the extra area with zeros
 * for alignment, and the fields we need come first in every writer we know of.
 */
function findExtraField(extra: Buffer, id: number): Buffer | null {
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const fieldId = extra.readUInt16LE(pos);
    const size = extra.readUInt16LE(pos + 2);
    if (pos + 4 + size > extra.length) {
      return null;
    }
    if (fieldId === id) {
      return extra.subarray(pos + 4, pos + 4 + size);
    }
    pos += 4 + size;
  }
  return null;
}

/**
 * The Info-ZIP Unicode Path field: a UTF-8 name for writers that keep the header in a legacy
 * code page. It only counts when its CRC matches the header name, i.e. nobody renamed the entry
 * with a tool that ignores the field.
 */
function unicodePathName(extra: Buffer, nameBytes: Buffer): string | null {
  const field = findExtraField(extra, EXTRA_UNICODE_PATH);
  if (field === null || field.length < 5 || field.readUInt8(0) !== 1) {
    return null;
  }
  if (field.readUInt32LE(1) !== zlib.crc32(nameBytes)) {
    return null;
  }
  return field.subarray(5).toString('utf8');
}

/** Length of a whole local header from its fixed part (`fixed` holds at least 30 bytes). */
export function localHeaderLength(fixed: Buffer): number {
  if (fixed.length < LOCAL_HEADER_SIZE || fixed.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw corrupt('A ZIP local file header is missing or damaged.');
  }
  return LOCAL_HEADER_SIZE + fixed.readUInt16LE(26) + fixed.readUInt16LE(28);
}

/** Parses a whole local header (`header` holds `localHeaderLength` bytes or more). */
export function parseLocalFileHeader(header: Buffer): LocalFileHeader {
  const headerLength = localHeaderLength(header);
  if (header.length < headerLength) {
    throw corrupt('A ZIP local file header is truncated.');
  }
  const nameLength = header.readUInt16LE(26);
  return {
    flags: header.readUInt16LE(6),
    method: header.readUInt16LE(8),
    crc32: header.readUInt32LE(14),
    compressedSize: header.readUInt32LE(18),
    uncompressedSize: header.readUInt32LE(22),
    nameBytes: Buffer.from(header.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLength)),
    headerLength,
  };
}

/**
 * Checks a local header against its central entry and returns the absolute data offset.
 *
 * Readers that trust the local copy and readers that trust the central one can be shown
 * different files by a crafted archive; refusing any disagreement closes that gap. Sizes are
 * only compared when the local header claims to know them (no data descriptor, no ZIP64
 * placeholder); the central values are the ones used either way.
 */
export function checkLocalHeader(entry: ZipEntry, local: LocalFileHeader, dataLimit: number): number {
  const differs = (what: string): AppError =>
    corrupt(`The ZIP entry "${entry.name}" has a local header whose ${what} disagrees with the central directory.`);
  if (local.method !== entry.method) throw differs('compression method');
  if ((local.flags & FLAG_ENCRYPTED) !== (entry.flags & FLAG_ENCRYPTED)) throw differs('encryption flag');
  if (!local.nameBytes.equals(entry.nameBytes)) throw differs('name');
  if ((local.flags & FLAG_DATA_DESCRIPTOR) === 0) {
    if (local.crc32 !== entry.crc32) throw differs('CRC-32');
    if (local.compressedSize !== U32_MAX && local.compressedSize !== entry.compressedSize) {
      throw differs('compressed size');
    }
    if (local.uncompressedSize !== U32_MAX && local.uncompressedSize !== entry.uncompressedSize) {
      throw differs('uncompressed size');
    }
  }
  const dataOffset = entry.localHeaderOffset + local.headerLength;
  if (dataOffset + entry.compressedSize > dataLimit) {
    throw corrupt(`The ZIP entry "${entry.name}" runs into the central directory.`);
  }
  return dataOffset;
}
