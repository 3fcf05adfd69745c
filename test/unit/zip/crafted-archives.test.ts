/**
 * Archives bent on purpose, read through the ZIP module: every structural lie is refused with
 * its code (the builder below writes each structure by hand so one field can be wrong).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { DEFAULT_MAX_RATIO, openZip, selectSingleCsv, type ZipEntry } from '../../../electron/core/engines/zip/zip-reader';
import { isUnsafeEntryName } from '../../../electron/core/engines/zip/safe-entry-name';
import { tempDir } from '../../helpers/temp-dir';

let dir = '';
let cleanup = (): void => undefined;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('preflight-zip-crafted-'));
});
afterAll(() => cleanup());

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

// --- Reading through the module ------------------------------------------------------------

let seq = 0;
function fileOf(zip: Buffer): string {
  seq += 1;
  const file = path.join(dir, `crafted-${seq}.zip`);
  fs.writeFileSync(file, zip);
  return file;
}

async function entriesOf(zip: Buffer): Promise<ZipEntry[]> {
  const archive = await openZip(fileOf(zip));
  archive.close();
  return [...archive.entries];
}

async function textOf(zip: Buffer, pick?: (e: ZipEntry) => boolean): Promise<string> {
  const archive = await openZip(fileOf(zip));
  const entry = pick ? archive.entries.find(pick) : selectSingleCsv(archive);
  if (!entry) throw new Error('no such entry');
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const s = archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO });
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve());
    s.on('error', reject);
  });
  return Buffer.concat(chunks).toString('utf8');
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return 'no error';
}

async function only(zip: Buffer): Promise<ZipEntry> {
  const entries = await entriesOf(zip);
  expect(entries).toHaveLength(1);
  return entries[0] as ZipEntry;
}

function directoryOffset(zip: Buffer): number {
  return zip.readUInt32LE(zip.length - 22 + 16);
}

// --- Tests ------------------------------------------------------------------------------

describe('end of central directory', () => {
  it('reads a plain archive', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'id,name\n1,x\n' }, { name: 'b.txt', data: 'hello', method: 8 }]);
    const entries = await entriesOf(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.csv', 'b.txt']);
    expect(entries[0]).toMatchObject({ method: 0, compressedSize: 12, uncompressedSize: 12 });
    expect(entries[1]).toMatchObject({ method: 8, uncompressedSize: 5, encrypted: false, isDirectory: false });
    expect(await textOf(zip, (e) => e.name === 'b.txt')).toBe('hello');
  });

  it('refuses a comment that hides a second end record rather than guess which one is real', async () => {
    const comment = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(40), Buffer.from('tail')]);
    expect(await codeOf(() => entriesOf(buildZip([{ name: 'a.csv', data: 'x' }], { comment })))).toBe('ZIP_CORRUPT');
  });

  it('finds the record behind the longest possible comment', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }], { comment: Buffer.alloc(0xffff, 0x20) });
    expect(await textOf(zip)).toBe('x');
  });

  it('refuses files without a record: empty, text, truncated', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    expect(await codeOf(() => entriesOf(Buffer.alloc(0)))).toBe('NOT_A_ZIP');
    expect(await codeOf(() => entriesOf(Buffer.from('id,name\n1,hello\n'.repeat(10))))).toBe('NOT_A_ZIP');
    expect(await codeOf(() => entriesOf(zip.subarray(0, zip.length - 1)))).toBe('NOT_A_ZIP');
  });

  it('refuses a directory that is not where the record says', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    const moved = Buffer.from(zip);
    moved.writeUInt32LE(directoryOffset(zip) + 1, zip.length - 22 + 16);
    expect(await codeOf(() => entriesOf(moved))).toBe('ZIP_CORRUPT');
  });

  it('refuses more entries than the directory holds', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }, { name: 'b.csv', data: 'y' }]);
    const eocd = zip.length - 22;
    const more = Buffer.from(zip);
    more.writeUInt16LE(3, eocd + 8);
    more.writeUInt16LE(3, eocd + 10);
    expect(await codeOf(() => entriesOf(more))).toBe('ZIP_CORRUPT');
  });

  it('refuses split archives', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    zip.writeUInt16LE(1, zip.length - 22 + 4);
    expect(await codeOf(() => entriesOf(zip))).toBe('ZIP_UNSUPPORTED');
  });
});

describe('ZIP64', () => {
  it('reads sizes and offsets from the ZIP64 record and extra field', async () => {
    const zip = buildZip(
      [{ name: 'a.csv', data: 'first' }, { name: 'big.csv', data: 'id\n'.repeat(1000), method: 8, zip64: true }],
      { zip64Trailer: true },
    );
    const entries = await entriesOf(zip);
    expect(entries[1]).toMatchObject({ name: 'big.csv', uncompressedSize: 3000 });
    expect(await textOf(zip, (e) => e.name === 'big.csv')).toBe('id\n'.repeat(1000));
  });

  it('refuses a placeholder without its extra field before inflating (it declares 4 GiB)', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'hello' }]);
    zip.writeUInt32LE(0xffffffff, directoryOffset(zip) + 24);
    expect(await codeOf(() => textOf(zip))).toBe('ZIP_RATIO_EXCEEDED');
  });
});

describe('central directory entries', () => {
  it('decodes UTF-8 names when flagged and CP437 otherwise', async () => {
    expect((await only(buildZip([{ name: 'Café-Ünïcödé.csv', flags: 0x0800 }]))).name).toBe('Café-Ünïcödé.csv');
    // 0x82 is é in CP437, the code page of unflagged names.
    expect((await only(buildZip([{ name: Buffer.from([0x63, 0x82, 0x2e, 0x63, 0x73, 0x76]) }]))).name).toBe('cé.csv');
  });

  it('uses an Info-ZIP Unicode Path field when its CRC matches the header name', async () => {
    const header = Buffer.from('Caf\xe9.csv', 'latin1');
    const unicode = (crc: number): Buffer =>
      extraField(0x7075, Buffer.concat([Buffer.from([1]), u32(crc), Buffer.from('Café.csv', 'utf8')]));
    expect((await only(buildZip([{ name: header, centralExtra: unicode(zlib.crc32(header)) }]))).name).toBe('Café.csv');
  });

  it('flags folders and encrypted entries, and refuses an encrypted CSV', async () => {
    const zip = buildZip([{ name: 'dir/' }, { name: 'secret.csv', data: 'x', flags: 0x0001 }]);
    const entries = await entriesOf(zip);
    expect(entries.map((e) => [e.isDirectory, e.encrypted])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(await codeOf(() => textOf(zip))).toBe('ZIP_UNSUPPORTED');
  });

  it('refuses damaged headers', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'x' }]);
    const dirStart = directoryOffset(zip);
    const badSignature = Buffer.from(zip);
    badSignature.writeUInt32LE(0x12345678, dirStart);
    expect(await codeOf(() => entriesOf(badSignature))).toBe('ZIP_CORRUPT');
    const longName = Buffer.from(zip);
    longName.writeUInt16LE(200, dirStart + 28);
    expect(await codeOf(() => entriesOf(longName))).toBe('ZIP_CORRUPT');
    const farOffset = Buffer.from(zip);
    farOffset.writeUInt32LE(dirStart, dirStart + 42);
    expect(await codeOf(() => textOf(farOffset))).toBe('ZIP_CORRUPT');
  });

  it('refuses names that climb out of a folder or hold a NUL, before reading', async () => {
    for (const name of ['../evil.csv', 'a/../../evil.csv', '/etc/x.csv', 'C:\\x.csv', 'data.csv\0.txt']) {
      const zip = buildZip([{ name, data: 'x' }]);
      expect(await codeOf(async () => selectSingleCsv(await openZip(fileOf(zip)))), name).toBe('ZIP_UNSAFE_PATH');
    }
  });
});

describe('local file headers', () => {
  it('finds the data from the local lengths, which may differ from the central copy', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'payload', localExtra: extraField(0xcafe, Buffer.alloc(37, 7)) }]);
    expect(await textOf(zip)).toBe('payload');
  });

  it('reads behind a data descriptor', async () => {
    const described = buildZip([{ name: 'a.csv', data: 'x', flags: 0x0008, local: { crc: 0, compressed: 0, uncompressed: 0 } }]);
    expect(await textOf(described)).toBe('x');
  });

  it('refuses a missing local header', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'hello' }]);
    zip.writeUInt32LE(0, 0);
    expect(await codeOf(() => textOf(zip))).toBe('ZIP_CORRUPT');
  });

  it('refuses a CRC that does not match the data', async () => {
    const zip = buildZip([{ name: 'a.csv', data: 'hello' }]);
    zip.writeUInt32LE(1234, directoryOffset(zip) + 16);
    expect(await codeOf(() => textOf(zip))).toBe('ZIP_CORRUPT');
  });
});

describe('archives written by real tools', () => {
  it('reads `zip` streaming to a pipe (data descriptor, ZIP64 local placeholders)', async () => {
    fs.writeFileSync(path.join(dir, 'data.csv'), 'id,name\n1,Zoë\n');
    const file = path.join(dir, 'piped.zip');
    execFileSync('sh', ['-c', `zip -q < data.csv | cat > ${JSON.stringify(file)}`], { cwd: dir });
    const archive = await openZip(file);
    const entry = archive.entries[0] as ZipEntry;
    expect(entry).toMatchObject({ name: '-', method: 8 });
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO });
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('end', () => resolve());
      s.on('error', reject);
    });
    expect(Buffer.concat(chunks).toString()).toBe('id,name\n1,Zoë\n');
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
