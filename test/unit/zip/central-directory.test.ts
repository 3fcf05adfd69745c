import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  TAIL_READ_SIZE,
  checkLocalHeader,
  findEndRecord,
  localHeaderLength,
  locateDirectory,
  parseCentralDirectory,
  parseLocalFileHeader,
  parseZip64EndRecord,
  type DirectoryLocation,
  type ZipEntry,
} from '../../../electron/core/engines/zip/central-directory';
import { isUnsafeEntryName } from '../../../electron/core/engines/zip/safe-entry-name';
import { tempDir } from '../../helpers/temp-dir';

// --- A tiny ZIP writer, so each structure can be bent on purpose ---------------------------

interface Spec {
  name: string | Buffer;
  data?: string | Buffer;
  method?: 0 | 8;
  flags?: number;
  centralExtra?: Buffer;
  localExtra?: Buffer;
  /** Put sizes and offset in a ZIP64 extra field behind 0xFFFFFFFF placeholders. */
  zip64?: boolean;
  /** Overrides for the local header only. */
  local?: { name?: Buffer; method?: number; flags?: number; crc?: number; compressed?: number; uncompressed?: number };
}

interface BuildOptions {
  comment?: Buffer;
  /** Write a ZIP64 EOCD record and locator before the classic EOCD. */
  zip64Trailer?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function u64(n: number | bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

function extraField(id: number, data: Buffer): Buffer {
  return Buffer.concat([u16(id), u16(data.length), data]);
}

function buildZip(specs: Spec[], opts: BuildOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const nameBytes = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : spec.name;
    const raw = Buffer.from(spec.data ?? '');
    const method = spec.method ?? 0;
    const body = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const crc = zlib.crc32(raw);
    const flags = spec.flags ?? 0;
    const lo = spec.local ?? {};
    const localName = lo.name ?? nameBytes;
    const localExtra = spec.localExtra ?? Buffer.alloc(0);
    const local = Buffer.concat([
      u32(0x04034b50), u16(20), u16(lo.flags ?? flags), u16(lo.method ?? method), u16(0), u16(0x21),
      u32(lo.crc ?? crc), u32(lo.compressed ?? body.length), u32(lo.uncompressed ?? raw.length),
      u16(localName.length), u16(localExtra.length), localName, localExtra,
    ]);
    const zip64 = spec.zip64 === true;
    const extra = Buffer.concat([
      zip64 ? extraField(1, Buffer.concat([u64(raw.length), u64(body.length), u64(offset)])) : Buffer.alloc(0),
      spec.centralExtra ?? Buffer.alloc(0),
    ]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc),
        u32(zip64 ? 0xffffffff : body.length), u32(zip64 ? 0xffffffff : raw.length),
        u16(nameBytes.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0),
        u32(zip64 ? 0xffffffff : offset), nameBytes, extra,
      ]),
    );
    parts.push(local, body);
    offset += local.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = opts.comment ?? Buffer.alloc(0);
  const trailer: Buffer[] = [];
  if (opts.zip64Trailer) {
    const recordOffset = offset + directory.length;
    trailer.push(
      u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(specs.length), u64(specs.length),
      u64(directory.length), u64(offset),
      u32(0x07064b50), u32(0), u64(recordOffset), u32(1),
      u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(comment.length),
    );
  } else {
    trailer.push(
      u32(0x06054b50), u16(0), u16(0), u16(specs.length), u16(specs.length), u32(directory.length), u32(offset),
      u16(comment.length),
    );
  }
  return Buffer.concat([...parts, directory, ...trailer, comment]);
}

// --- Reading helpers that do what zip-reader.ts does, from one buffer ---------------------------

function locate(zip: Buffer): DirectoryLocation {
  const tailStart = Math.max(0, zip.length - TAIL_READ_SIZE);
  const end = findEndRecord(zip.subarray(tailStart), tailStart);
  const zip64 = end.zip64RecordOffset === null ? null : parseZip64EndRecord(zip.subarray(end.zip64RecordOffset));
  return locateDirectory(end, zip64);
}

function parseAll(zip: Buffer): ZipEntry[] {
  const location = locate(zip);
  return parseCentralDirectory(zip.subarray(location.offset, location.offset + location.size), location);
}

function dataOf(zip: Buffer, entry: ZipEntry): Buffer {
  const location = locate(zip);
  const fixed = zip.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30);
  const header = zip.subarray(entry.localHeaderOffset, entry.localHeaderOffset + localHeaderLength(fixed));
  const start = checkLocalHeader(entry, parseLocalFileHeader(header), location.offset);
  const body = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return 'no error';
}

function only(entries: ZipEntry[]): ZipEntry {
  expect(entries).toHaveLength(1);
  return entries[0] as ZipEntry;
}

// --- Tests ------------------------------------------------------------------------------

describe('end of central directory', () => {
  it('parses a plain archive', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'id,name\n1,x\n' }, { name: 'b.txt', data: 'hello', method: 8 }]);
    const entries = parseAll(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.csv', 'b.txt']);
    expect(entries[0]).toMatchObject({ method: 0, compressedSize: 12, uncompressedSize: 12, localHeaderOffset: 0 });
    expect(entries[1]).toMatchObject({ method: 8, uncompressedSize: 5, encrypted: false, isDirectory: false });
    expect(dataOf(zip, entries[1] as ZipEntry).toString()).toBe('hello');
  });

  it('finds the record behind a comment that contains a fake signature', () => {
    const comment = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(40), Buffer.from('tail')]);
    const zip = buildZip([{ name: 'a.csv', data: 'x' }], { comment });
    expect(only(parseAll(zip)).name).toBe('a.csv');
  });

  it('finds the record behind the longest possible comment', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }], { comment: Buffer.alloc(0xffff, 0x20) });
    expect(zip.length).toBeGreaterThan(TAIL_READ_SIZE - 100);
    expect(only(parseAll(zip)).name).toBe('a.csv');
  });

  it('refuses buffers without a record: empty, text, trailing garbage, truncated', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    expect(codeOf(() => findEndRecord(Buffer.alloc(0), 0))).toBe('NOT_A_ZIP');
    expect(codeOf(() => findEndRecord(Buffer.from('id,name\n1,hello\n'.repeat(10)), 0))).toBe('NOT_A_ZIP');
    expect(codeOf(() => findEndRecord(Buffer.concat([zip, Buffer.from('junk')]), 0))).toBe('NOT_A_ZIP');
    expect(codeOf(() => findEndRecord(zip.subarray(0, zip.length - 1), 0))).toBe('NOT_A_ZIP');
  });

  it('refuses a directory that is not where the record says', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    const eocd = zip.length - 22;
    const moved = Buffer.from(zip);
    moved.writeUInt32LE(zip.readUInt32LE(eocd + 16) + 1, eocd + 16);
    expect(codeOf(() => locate(moved))).toBe('ZIP_CORRUPT');
    // Bytes prepended (as in a self-extractor) shift everything: refused, not guessed at.
    expect(codeOf(() => locate(Buffer.concat([Buffer.from('MZ stub'), zip])))).toBe('ZIP_CORRUPT');
  });

  it('refuses entry counts that disagree with the directory', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }, { name: 'b.csv', data: 'y' }]);
    const eocd = zip.length - 22;
    const fewer = Buffer.from(zip);
    fewer.writeUInt16LE(1, eocd + 8);
    fewer.writeUInt16LE(1, eocd + 10);
    expect(codeOf(() => parseAll(fewer))).toBe('ZIP_CORRUPT');
    const more = Buffer.from(zip);
    more.writeUInt16LE(3, eocd + 8);
    more.writeUInt16LE(3, eocd + 10);
    expect(codeOf(() => parseAll(more))).toBe('ZIP_CORRUPT');
  });

  it('refuses split archives', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    zip.writeUInt16LE(1, zip.length - 22 + 4);
    expect(codeOf(() => locate(zip))).toBe('ZIP_UNSUPPORTED');
  });
});

describe('ZIP64', () => {
  it('reads sizes and offsets from the ZIP64 record and extra field', () => {
    const zip = buildZip(
      [{ name: 'a.csv', data: 'first' }, { name: 'big.csv', data: 'id\n'.repeat(1000), method: 8, zip64: true }],
      { zip64Trailer: true },
    );
    const location = locate(zip);
    expect(location.entryCount).toBe(2);
    const big = parseAll(zip)[1] as ZipEntry;
    expect(big).toMatchObject({ name: 'big.csv', uncompressedSize: 3000 });
    expect(big.localHeaderOffset).toBeGreaterThan(0);
    expect(dataOf(zip, big).toString()).toBe('id\n'.repeat(1000));
  });

  it('takes from the extra field only the values whose 32-bit slot is a placeholder', () => {
    // As `zip -fz` writes it: real uncompressed size, placeholder compressed size, 8-byte field.
    const zip = buildZip([{ name: 'a.csv', data: 'hello', centralExtra: extraField(1, u64(5)) }]);
    const dirStart = locate(zip).offset;
    zip.writeUInt32LE(0xffffffff, dirStart + 20);
    expect(only(parseAll(zip))).toMatchObject({ compressedSize: 5, uncompressedSize: 5, localHeaderOffset: 0 });
  });

  it('refuses a placeholder without its extra field, or a short one', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'hello' }]);
    const dirStart = locate(zip).offset;
    zip.writeUInt32LE(0xffffffff, dirStart + 24);
    expect(codeOf(() => parseAll(zip))).toBe('ZIP_CORRUPT');
    const short = buildZip([{ name: 'a.csv', data: 'hello', centralExtra: extraField(1, Buffer.alloc(4)) }]);
    short.writeUInt32LE(0xffffffff, locate(short).offset + 24);
    expect(codeOf(() => parseAll(short))).toBe('ZIP_CORRUPT');
  });

  it('refuses 64-bit values no real file can have', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x', zip64: true }], { zip64Trailer: true });
    const extraAt = locate(zip).offset + 46 + 'a.csv'.length + 4;
    zip.writeBigUInt64LE(2n ** 60n, extraAt);
    expect(codeOf(() => parseAll(zip))).toBe('ZIP_CORRUPT');
  });

  it('refuses a locator pointing at something that is not a ZIP64 record', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }], { zip64Trailer: true });
    const locatorAt = zip.length - 22 - 20;
    zip.writeBigUInt64LE(0n, locatorAt + 8);
    const tailStart = Math.max(0, zip.length - TAIL_READ_SIZE);
    const end = findEndRecord(zip.subarray(tailStart), tailStart);
    expect(end.zip64RecordOffset).toBe(0);
    expect(codeOf(() => parseZip64EndRecord(zip.subarray(0)))).toBe('ZIP_CORRUPT');
  });
});

describe('central directory entries', () => {
  it('decodes UTF-8 names when flagged and latin1 (for CP437) otherwise', () => {
    const utf8 = only(parseAll(buildZip([{ name: 'Café-Ünïcödé.csv', flags: 0x0800 }])));
    expect(utf8.name).toBe('Café-Ünïcödé.csv');
    const legacy = only(parseAll(buildZip([{ name: Buffer.from([0x63, 0x82, 0x2e, 0x63, 0x73, 0x76]) }])));
    expect(legacy.name).toBe('c\u0082.csv');
  });

  it('uses an Info-ZIP Unicode Path field only when its CRC matches the header name', () => {
    const header = Buffer.from('Caf\xe9.csv', 'latin1');
    const unicode = (crc: number): Buffer =>
      extraField(0x7075, Buffer.concat([Buffer.from([1]), u32(crc), Buffer.from('Café.csv', 'utf8')]));
    const good = only(parseAll(buildZip([{ name: header, centralExtra: unicode(zlib.crc32(header)) }])));
    expect(good).toMatchObject({ name: 'Café.csv', headerName: 'Caf\xe9.csv' });
    const stale = only(parseAll(buildZip([{ name: header, centralExtra: unicode(1234) }])));
    expect(stale.name).toBe(stale.headerName);
  });

  it('flags folders and encrypted entries', () => {
    const entries = parseAll(buildZip([{ name: 'dir/' }, { name: 'secret.csv', data: 'x', flags: 0x0001 }]));
    expect(entries.map((e) => [e.isDirectory, e.encrypted])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('refuses damaged headers', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    const dirStart = locate(zip).offset;
    const badSignature = Buffer.from(zip);
    badSignature.writeUInt32LE(0x12345678, dirStart);
    expect(codeOf(() => parseAll(badSignature))).toBe('ZIP_CORRUPT');
    const longName = Buffer.from(zip);
    longName.writeUInt16LE(200, dirStart + 28);
    expect(codeOf(() => parseAll(longName))).toBe('ZIP_CORRUPT');
    const farOffset = Buffer.from(zip);
    farOffset.writeUInt32LE(dirStart, dirStart + 42);
    expect(codeOf(() => parseAll(farOffset))).toBe('ZIP_CORRUPT');
    const hugeData = Buffer.from(zip);
    hugeData.writeUInt32LE(1_000_000, dirStart + 20);
    expect(codeOf(() => parseAll(hugeData))).toBe('ZIP_CORRUPT');
  });

  it('tolerates padding at the end of the extra area', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x', centralExtra: Buffer.alloc(3) }]);
    expect(only(parseAll(zip)).name).toBe('a.csv');
  });
});

describe('local file headers', () => {
  it('finds the data from the local lengths, which may differ from the central copy', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'payload', localExtra: extraField(0xcafe, Buffer.alloc(37, 7)) }]);
    const entry = only(parseAll(zip));
    expect(dataOf(zip, entry).toString()).toBe('payload');
  });

  it('ignores local sizes and CRC behind a data descriptor or a ZIP64 placeholder', () => {
    const described = buildZip([{ name: 'a.csv', data: 'x', flags: 0x0008, local: { crc: 0, compressed: 0, uncompressed: 0 } }]);
    expect(dataOf(described, only(parseAll(described))).toString()).toBe('x');
    const placeholder = buildZip([{ name: 'a.csv', data: 'x', local: { compressed: 0xffffffff, uncompressed: 0xffffffff } }]);
    expect(dataOf(placeholder, only(parseAll(placeholder))).toString()).toBe('x');
  });

  it('refuses a local header that disagrees with the directory', () => {
    const cases: Spec['local'][] = [
      { uncompressed: 1 },
      { compressed: 2 },
      { crc: 3 },
      { method: 8 },
      { flags: 0x0001 },
      { name: Buffer.from('b.csv') },
    ];
    for (const local of cases) {
      const zip = buildZip([{ name: 'a.csv', data: 'hello', ...(local ? { local } : {}) }]);
      expect(codeOf(() => dataOf(zip, only(parseAll(zip)))), JSON.stringify(local)).toBe('ZIP_CORRUPT');
    }
  });

  it('refuses a missing local header and data that runs into the directory', () => {
    const zip = buildZip([{ name: 'a.csv', data: 'hello' }]);
    const entry = only(parseAll(zip));
    const noHeader = Buffer.from(zip);
    noHeader.writeUInt32LE(0, 0);
    expect(codeOf(() => dataOf(noHeader, entry))).toBe('ZIP_CORRUPT');
    const header = parseLocalFileHeader(zip.subarray(0, 40));
    expect(codeOf(() => checkLocalHeader(entry, header, 38))).toBe('ZIP_CORRUPT');
    expect(checkLocalHeader(entry, header, 40)).toBe(35);
    expect(codeOf(() => parseLocalFileHeader(zip.subarray(0, 33)))).toBe('ZIP_CORRUPT');
  });
});

describe('archives written by real tools', () => {
  let dir = '';
  let cleanup = (): void => undefined;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('preflight-zip-cd-'));
    fs.writeFileSync(path.join(dir, 'data.csv'), 'id,name\n1,Zoë\n');
  });
  afterAll(() => cleanup());

  it('parses `zip -fz` (forced ZIP64) output', () => {
    const file = path.join(dir, 'z64.zip');
    execFileSync('zip', ['-q', '-fz', file, 'data.csv'], { cwd: dir });
    const zip = fs.readFileSync(file);
    const entry = only(parseAll(zip));
    expect(entry).toMatchObject({ name: 'data.csv', uncompressedSize: 15 });
    expect(dataOf(zip, entry).toString()).toBe('id,name\n1,Zoë\n');
  });

  it('parses `zip` streaming to a pipe (data descriptor, ZIP64 local placeholders)', () => {
    const file = path.join(dir, 'piped.zip');
    execFileSync('sh', ['-c', `zip -q < data.csv | cat > ${JSON.stringify(file)}`], { cwd: dir });
    const zip = fs.readFileSync(file);
    const entry = only(parseAll(zip));
    expect(entry).toMatchObject({ name: '-', method: 8 });
    expect(entry.flags & 0x0008).toBe(0x0008);
    expect(dataOf(zip, entry).toString()).toBe('id,name\n1,Zoë\n');
  });
});

describe('isUnsafeEntryName', () => {
  it.each([
    '/etc/passwd.csv',
    '\\server\\share.csv',
    'C:\\data.csv',
    'c:data.csv',
    '../evil.csv',
    'a/../../evil.csv',
    'a\\..\\evil.csv',
    '..',
    'a/...',
    'a/.. /b.csv',
    'data.csv\0.txt',
  ])('refuses %j', (name) => {
    expect(isUnsafeEntryName(name)).toBe(true);
  });

  it.each(['data.csv', 'export/Contacts.csv', '..data.csv', 'a..b.csv', 'dir/', './data.csv', 'résumé.csv', '.hidden'])(
    'accepts %j',
    (name) => {
      expect(isUnsafeEntryName(name)).toBe(false);
    },
  );
});
