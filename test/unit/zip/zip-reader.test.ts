import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  DEFAULT_MAX_RATIO,
  inflatedByteLimit,
  openEntryStream,
  openZip,
  selectSingleCsv,
  type ZipEntry,
} from '../../../electron/core/engines/zip/zip-reader';
import { tempDir } from '../../helpers/temp-dir';

const MiB = 1024 * 1024;

let dir = '';
let cleanup = (): void => undefined;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('preflight-zip-reader-'));
});
afterAll(() => cleanup());

// --- Fixture builders ---------------------------------------------------------------------

function sampleCsv(rows: number, seed = 1): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const lines = ['Id,Last_Name,Email,Annual_Revenue,Description'];
  for (let i = 0; i < rows; i += 1) {
    const r = next();
    lines.push(`${4876876000000000 + i},Name ${r % 99991},user${r % 7919}@example.com,${r % 1000000},"Note, ""quoted"" ${r.toString(36)}"`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `files` into a scratch folder and zips them with the `zip` command. */
function zipCli(zipName: string, files: Record<string, string | Buffer>, flags: string[] = ['-6']): string {
  const src = fs.mkdtempSync(path.join(dir, 'src-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
    fs.writeFileSync(path.join(src, name), content);
  }
  const file = path.join(dir, zipName);
  execFileSync('zip', ['-q', ...flags, file, ...Object.keys(files)], { cwd: src });
  return file;
}

type JsEntry = [name: string, content: string | Buffer];

async function zipJs(
  zipName: string,
  files: JsEntry[],
  opts: { compression?: 'DEFLATE' | 'STORE'; streamFiles?: boolean; encodeFileName?: (n: string) => string } = {},
): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of files) {
    if (name.endsWith('/')) {
      zip.folder(name);
    } else {
      zip.file(name, content, { createFolders: false });
    }
  }
  const buf = await zip.generateAsync({
    type: 'nodebuffer',
    compression: opts.compression ?? 'DEFLATE',
    ...(opts.streamFiles ? { streamFiles: true } : {}),
    ...(opts.encodeFileName ? { encodeFileName: opts.encodeFileName } : {}),
  });
  const file = path.join(dir, zipName);
  fs.writeFileSync(file, buf);
  return file;
}

function unzipTestPasses(file: string): boolean {
  return spawnSync('unzip', ['-tqq', file], { stdio: 'ignore', input: '' }).status === 0;
}

/** Offsets of the first local header (at 0 for our fixtures) and its central directory header. */
function headerOffsets(zip: Buffer): { local: number; central: number } {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  return { local: 0, central: zip.readUInt32LE(eocd + 16) };
}

function patch(file: string, newName: string, edit: (zip: Buffer) => void): string {
  const zip = fs.readFileSync(file);
  edit(zip);
  const out = path.join(dir, newName);
  fs.writeFileSync(out, zip);
  return out;
}

// --- Reading helpers ----------------------------------------------------------------------

interface Drained {
  bytes: number;
  sha256: string;
  data: Buffer | null;
  error: unknown;
}

/** Consumes a stream to the end or its error, keeping the data only when asked. */
function drain(stream: Readable, keep = true): Promise<Drained> {
  return new Promise((resolve) => {
    const hash = crypto.createHash('sha256');
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (error: unknown): void => {
      if (!settled) {
        settled = true;
        resolve({ bytes, sha256: hash.digest('hex'), data: keep ? Buffer.concat(chunks) : null, error });
      }
    };
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      hash.update(chunk);
      if (keep) chunks.push(chunk);
    });
    stream.on('end', () => settle(null));
    stream.on('error', (err) => settle(err));
  });
}

async function loadCsv(file: string): Promise<{ entry: ZipEntry; text: string }> {
  const archive = await openZip(file);
  const entry = selectSingleCsv(archive);
  const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }));
  if (out.error) throw out.error;
  return { entry, text: (out.data ?? Buffer.alloc(0)).toString('utf8') };
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return 'no error';
}

function codeOfError(err: unknown): string {
  return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
}

// --- Tests --------------------------------------------------------------------------------

describe('reading archives written by real tools', () => {
  const csv = sampleCsv(2000);

  it('reads deflate and stored entries written by the zip command', async () => {
    const deflated = zipCli('cli-deflate.zip', { 'Contacts.csv': csv }, ['-6']);
    const stored = zipCli('cli-stored.zip', { 'Contacts.csv': csv }, ['-0']);
    for (const [file, method] of [
      [deflated, 8],
      [stored, 0],
    ] as const) {
      expect(unzipTestPasses(file)).toBe(true);
      const { entry, text } = await loadCsv(file);
      expect(entry).toMatchObject({ name: 'Contacts.csv', method, uncompressedSize: Buffer.byteLength(csv) });
      expect(text).toBe(csv);
    }
  });

  it('reads DEFLATE and STORE entries written by jszip, with and without data descriptors', async () => {
    const files: JsEntry[] = [['Contacts.csv', csv]];
    const variants = [
      await zipJs('js-deflate.zip', files, { compression: 'DEFLATE' }),
      await zipJs('js-store.zip', files, { compression: 'STORE' }),
      await zipJs('js-streamed.zip', files, { compression: 'DEFLATE', streamFiles: true }),
    ];
    for (const file of variants) {
      expect(unzipTestPasses(file)).toBe(true);
      expect((await loadCsv(file)).text).toBe(csv);
    }
  });

  it('reads a ZIP64 archive (zip -fz)', async () => {
    const file = zipCli('cli-zip64.zip', { 'Contacts.csv': csv }, ['-6', '-fz']);
    expect(unzipTestPasses(file)).toBe(true);
    expect((await loadCsv(file)).text).toBe(csv);
  });

  it('keeps UTF-8 names with accents (jszip sets the UTF-8 flag)', async () => {
    const name = 'Données_Élèves_Ñandú.csv';
    const file = await zipJs('js-utf8.zip', [[name, csv]]);
    expect(unzipTestPasses(file)).toBe(true);
    const { entry, text } = await loadCsv(file);
    expect(entry.name).toBe(name);
    expect(text).toBe(csv);
  });

  it('recovers a UTF-8 name from the Unicode Path field of a latin1 header', async () => {
    // A custom encoder makes jszip drop the UTF-8 flag and add the Info-ZIP 0x7075 field instead.
    const file = await zipJs('js-unicode-path.zip', [['Café.csv', csv]], { encodeFileName: (n) => n });
    const { entry } = await loadCsv(file);
    expect(entry.name).toBe('Café.csv');
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('Caf\xe9.csv', 'latin1'))).toBe(true);
  });

  it('decodes unflagged non-ASCII names as CP437 (this zip build writes raw UTF-8 bytes, no flag)', async () => {
    const file = zipCli('cli-accent.zip', { 'résumé.csv': csv });
    expect(unzipTestPasses(file)).toBe(true);
    const { entry, text } = await loadCsv(file);
    // é is C3 A9 in UTF-8, which CP437 reads as ├ ⌐: the name is shown as the archive spells it.
    expect(entry.name).toBe('r├⌐sum├⌐.csv');
    expect(text).toBe(csv);
  });

  it('streams a 30 MB CSV without changing a byte', async () => {
    const big = sampleCsv(380_000, 7);
    expect(big.length).toBeGreaterThan(30 * 1_000_000);
    const expected = crypto.createHash('sha256').update(big).digest('hex');
    const file = zipCli('big.zip', { 'Deals.csv': big }, ['-6']);
    const archive = await openZip(file);
    const entry = selectSingleCsv(archive);
    expect(entry.compressedSize).toBeLessThan(entry.uncompressedSize / 2);
    const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }), false);
    expect(out.error).toBeNull();
    expect(out.bytes).toBe(Buffer.byteLength(big));
    expect(out.sha256).toBe(expected);
  }, 60_000);

  it('reads an empty CSV (stored, zero bytes)', async () => {
    const file = await zipJs('js-empty-csv.zip', [['empty.csv', '']], { compression: 'STORE' });
    const { entry, text } = await loadCsv(file);
    expect(entry.compressedSize).toBe(0);
    expect(text).toBe('');
  });

  it('lets a consumer stop early without an error', async () => {
    const file = zipCli('early-stop.zip', { 'Contacts.csv': sampleCsv(50_000) });
    const archive = await openZip(file);
    const stream = openEntryStream(selectSingleCsv(archive), { maxRatio: DEFAULT_MAX_RATIO });
    const errors: unknown[] = [];
    stream.on('error', (err) => errors.push(err));
    await new Promise<void>((resolve) => {
      stream.once('data', () => {
        stream.destroy();
        stream.once('close', () => resolve());
      });
    });
    expect(errors).toEqual([]);
  });
});

describe('picking the CSV', () => {
  it('ignores folders and macOS junk, and matches .csv case-insensitively', async () => {
    const file = await zipJs('junk.zip', [
      ['export/', ''],
      ['export/Contacts.CSV', 'Id\n1\n'],
      ['__MACOSX/export/._Contacts.CSV', 'resource fork'],
      ['export/._Contacts.CSV', 'resource fork'],
      ['.DS_Store', 'finder'],
      ['export/.DS_Store', 'finder'],
      ['export/readme.txt', 'not data'],
    ]);
    expect(unzipTestPasses(file)).toBe(true);
    const { entry, text } = await loadCsv(file);
    expect(entry.name).toBe('export/Contacts.CSV');
    expect(text).toBe('Id\n1\n');
  });

  it('refuses two CSVs and names them', async () => {
    const file = await zipJs('two.zip', [
      ['Contacts.csv', 'Id\n1\n'],
      ['more/Leads.CSV', 'Id\n2\n'],
    ]);
    expect(unzipTestPasses(file)).toBe(true);
    const archive = await openZip(file);
    expect(() => selectSingleCsv(archive)).toThrow(AppError);
    try {
      selectSingleCsv(archive);
    } catch (err) {
      expect((err as AppError).code).toBe('ZIP_MULTIPLE_CSV');
      expect((err as AppError).message).toContain('"Contacts.csv"');
      expect((err as AppError).message).toContain('"more/Leads.CSV"');
    }
  });

  it('refuses an archive without a CSV, and an empty archive', async () => {
    const noCsv = zipCli('no-csv.zip', { 'readme.txt': 'hello', 'data.json': '{}' });
    expect(unzipTestPasses(noCsv)).toBe(true);
    expect(await codeOf(async () => selectSingleCsv(await openZip(noCsv)))).toBe('ZIP_NO_CSV');
    const empty = await zipJs('empty.zip', []);
    expect(fs.statSync(empty).size).toBe(22);
    expect(await codeOf(async () => selectSingleCsv(await openZip(empty)))).toBe('ZIP_NO_CSV');
    const onlyJunk = await zipJs('only-junk.zip', [['__MACOSX/._data.csv', 'x'], ['._data.csv', 'x']]);
    expect(await codeOf(async () => selectSingleCsv(await openZip(onlyJunk)))).toBe('ZIP_NO_CSV');
  });

  it('refuses unsafe names anywhere, before reading any entry', async () => {
    const cases: JsEntry[][] = [
      [['../evil.csv', 'Id\n1\n']],
      [['data.csv', 'Id\n1\n'], ['notes/../../evil.txt', 'x']],
      [['data.csv', 'Id\n1\n'], ['__MACOSX/../../._x', 'x']],
      [['data.csv', 'Id\n1\n'], ['/etc/cron.d/x', 'x']],
      [['data.csv', 'Id\n1\n'], ['C:\\Windows\\x.csv', 'x']],
    ];
    for (const [i, files] of cases.entries()) {
      const file = await zipJs(`unsafe-${i}.zip`, files);
      // unzip only tests integrity here; it would strip or refuse these names on extraction.
      expect(unzipTestPasses(file)).toBe(true);
      expect(await codeOf(async () => selectSingleCsv(await openZip(file))), files[files.length - 1]?.[0]).toBe(
        'ZIP_UNSAFE_PATH',
      );
    }
  });

  it('refuses encrypted entries and compression methods other than stored/deflate', async () => {
    const csv = sampleCsv(500);
    const encrypted = zipCli('encrypted.zip', { 'data.csv': csv }, ['-6', '-P', 'secret']);
    const bzip2 = zipCli('bzip2.zip', { 'data.csv': csv }, ['-Z', 'bzip2']);
    for (const file of [encrypted, bzip2]) {
      const archive = await openZip(file);
      expect(await codeOf(async () => selectSingleCsv(archive))).toBe('ZIP_UNSUPPORTED');
      const entry = archive.entries[0] as ZipEntry;
      const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }));
      expect(codeOfError(out.error)).toBe('ZIP_UNSUPPORTED');
      expect(out.bytes).toBe(0);
    }
    expect((await openZip(bzip2)).entries[0]?.method).toBe(12);
  });
});

describe('files that are not (whole) ZIPs', () => {
  it('refuses a text file renamed .zip, an empty file, a missing file and a folder', async () => {
    const text = path.join(dir, 'renamed.zip');
    fs.writeFileSync(text, sampleCsv(100));
    expect(unzipTestPasses(text)).toBe(false);
    expect(await codeOf(() => openZip(text))).toBe('NOT_A_ZIP');
    const empty = path.join(dir, 'empty-file.zip');
    fs.writeFileSync(empty, '');
    expect(await codeOf(() => openZip(empty))).toBe('NOT_A_ZIP');
    expect(await codeOf(() => openZip(path.join(dir, 'missing.zip')))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(() => openZip(dir))).toBe('FILE_UNREADABLE');
  });

  it('refuses a truncated download', async () => {
    const file = zipCli('whole.zip', { 'data.csv': sampleCsv(5000) });
    const whole = fs.readFileSync(file);
    for (const keep of [whole.length - 1, Math.floor(whole.length / 2), 10]) {
      const cut = path.join(dir, `cut-${keep}.zip`);
      fs.writeFileSync(cut, whole.subarray(0, keep));
      expect(unzipTestPasses(cut)).toBe(false);
      expect(await codeOf(() => openZip(cut))).toBe('NOT_A_ZIP');
    }
  });

  it('refuses an archive with bytes missing from the middle', async () => {
    const file = zipCli('gap-src.zip', { 'data.csv': sampleCsv(5000) });
    const whole = fs.readFileSync(file);
    const gap = path.join(dir, 'gap.zip');
    fs.writeFileSync(gap, Buffer.concat([whole.subarray(0, 1000), whole.subarray(2000)]));
    expect(unzipTestPasses(gap)).toBe(false);
    expect(await codeOf(() => openZip(gap))).toBe('ZIP_CORRUPT');
  });
});

describe('damaged and lying entries', () => {
  const csv = sampleCsv(3000);

  it('refuses deflate data that is damaged', async () => {
    const file = zipCli('flip-src.zip', { 'data.csv': csv });
    const damaged = patch(file, 'flipped.zip', (zip) => {
      for (let i = 200; i < 260; i += 1) zip[i] = (zip[i] ?? 0) ^ 0xff;
    });
    expect(unzipTestPasses(damaged)).toBe(false);
    const archive = await openZip(damaged);
    const out = await drain(archive.openEntryStream(selectSingleCsv(archive), { maxRatio: DEFAULT_MAX_RATIO }));
    expect(codeOfError(out.error)).toBe('ZIP_CORRUPT');
  });

  it('refuses stored data whose CRC does not match', async () => {
    const file = zipCli('crc-src.zip', { 'data.csv': csv }, ['-0']);
    const damaged = patch(file, 'crc.zip', (zip) => {
      zip[500] = (zip[500] ?? 0) ^ 0x01;
    });
    expect(unzipTestPasses(damaged)).toBe(false);
    const archive = await openZip(damaged);
    const out = await drain(archive.openEntryStream(selectSingleCsv(archive), { maxRatio: DEFAULT_MAX_RATIO }));
    expect(codeOfError(out.error)).toBe('ZIP_CORRUPT');
  });

  it('refuses an entry that inflates to more than both headers declare', async () => {
    const file = zipCli('both-lie-src.zip', { 'data.csv': csv });
    const lying = patch(file, 'both-lie.zip', (zip) => {
      const { local, central } = headerOffsets(zip);
      zip.writeUInt32LE(1000, local + 22);
      zip.writeUInt32LE(1000, central + 24);
    });
    expect(unzipTestPasses(lying)).toBe(true); // sizes ignored by unzip, CRC intact
    const archive = await openZip(lying);
    const entry = selectSingleCsv(archive);
    expect(entry.uncompressedSize).toBe(1000);
    const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }));
    expect(codeOfError(out.error)).toBe('ZIP_CORRUPT');
  });

  it('refuses an entry object that did not come from openZip', async () => {
    const archive = await openZip(zipCli('foreign.zip', { 'data.csv': csv }));
    const copy: ZipEntry = { ...(archive.entries[0] as ZipEntry) };
    const out = await drain(openEntryStream(copy, { maxRatio: DEFAULT_MAX_RATIO }));
    expect(codeOfError(out.error)).toBe('INTERNAL');
  });
});

describe('ZIP bombs', () => {
  const ZEROS = 100 * MiB;
  let honest = '';

  beforeAll(() => {
    honest = zipCli('bomb.zip', { 'zeros.csv': Buffer.alloc(ZEROS) }, ['-9']);
  }, 60_000);

  it('computes the inflate limit from the ratio, with a 1 MiB floor and an optional cap', () => {
    expect(inflatedByteLimit(10_000, { maxRatio: 200 })).toBe(2_000_000);
    expect(inflatedByteLimit(100, { maxRatio: 200 })).toBe(MiB);
    expect(inflatedByteLimit(10_000, { maxRatio: 200, maxBytes: 5000 })).toBe(5000);
  });

  it('refuses an honest bomb from its declared sizes, before inflating anything', async () => {
    expect(unzipTestPasses(honest)).toBe(true);
    const archive = await openZip(honest);
    const entry = archive.entries[0] as ZipEntry;
    expect(entry.uncompressedSize).toBe(ZEROS);
    expect(entry.uncompressedSize / entry.compressedSize).toBeGreaterThan(DEFAULT_MAX_RATIO);
    expect(await codeOf(async () => selectSingleCsv(archive))).toBe('ZIP_RATIO_EXCEEDED');
    const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }));
    expect(codeOfError(out.error)).toBe('ZIP_RATIO_EXCEEDED');
    expect(out.bytes).toBe(0);
  });

  it('stops a bomb that under-declares its size once the real output passes the limit', async () => {
    const declared = 2 * MiB;
    const lying = patch(honest, 'bomb-lie.zip', (zip) => {
      const { local, central } = headerOffsets(zip);
      zip.writeUInt32LE(declared, local + 22);
      zip.writeUInt32LE(declared, central + 24);
    });
    // unzip -t would inflate all 100 MiB and pass it: it ignores the declared size.
    expect(unzipTestPasses(lying)).toBe(true);
    const archive = await openZip(lying);
    const entry = selectSingleCsv(archive);
    expect(entry.uncompressedSize).toBe(declared);
    const limit = inflatedByteLimit(entry.compressedSize, { maxRatio: DEFAULT_MAX_RATIO });
    const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO }), false);
    expect(codeOfError(out.error)).toBe('ZIP_RATIO_EXCEEDED');
    // Real bytes were counted (past the declared size), nothing past the limit was handed on,
    // and inflating stopped far short of the 100 MiB.
    expect(out.bytes).toBeGreaterThan(declared);
    expect(out.bytes).toBeLessThanOrEqual(limit);
    expect(limit).toBeLessThan(ZEROS / 4);
  }, 30_000);

  it('applies maxBytes as an absolute cap', async () => {
    const file = zipCli('capped.zip', { 'data.csv': csv100k() });
    const archive = await openZip(file);
    const entry = selectSingleCsv(archive);
    const out = await drain(archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO, maxBytes: 50_000 }));
    expect(codeOfError(out.error)).toBe('ZIP_RATIO_EXCEEDED');
    expect(out.bytes).toBeLessThanOrEqual(50_000);
  });
});

function csv100k(): string {
  const text = sampleCsv(2000, 3);
  expect(text.length).toBeGreaterThan(100_000);
  return text;
}
