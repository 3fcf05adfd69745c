import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeCrc32, zipSingleFile } from '../../../electron/core/engines/zip/zip-writer';
import { openZip, selectSingleCsv, DEFAULT_MAX_RATIO } from '../../../electron/core/engines/zip/zip-reader';
import { tempDir } from '../../helpers/temp-dir';
import { readZipIndependently } from '../../helpers/zip-check';

let dir = '';
let cleanup = (): void => undefined;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('preflight-zip-writer-'));
});
afterAll(() => cleanup());

describe('zip writer', () => {
  it('checksums like buffer-crc32 does, natively, in pieces too', () => {
    expect(nativeCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(nativeCrc32(Buffer.from('56789'), nativeCrc32(Buffer.from('1234')))).toBe(0xcbf43926);
    // The instance yazl requires now answers through the native one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const crc32 = require('buffer-crc32') as { unsigned: (b: Buffer | string, p?: number) => number };
    expect(crc32.unsigned).toBe(nativeCrc32);
    expect(crc32.unsigned('123456789')).toBe(0xcbf43926);
  });

  it('writes a one-CSV ZIP that unzip, Python and our reader accept, with the given time', async () => {
    const csv = path.join(dir, 'Leads.csv');
    const text = `Email,Last_Name\r\n${Array.from({ length: 5000 }, (_, i) => `p${i}@example.com,"Zoë ""${i}""\r\nline"`).join('\r\n')}\r\n`;
    fs.writeFileSync(csv, text);
    const zip = path.join(dir, 'Leads.zip');
    const out = await zipSingleFile(csv, 'Leads.csv', zip, { mtime: new Date('2026-01-02T03:04:06Z') });
    expect(out.bytes).toBe(fs.statSync(zip).size);
    expect(out.entryBytes).toBe(Buffer.byteLength(text));
    const content = readZipIndependently(zip);
    expect(content.names).toEqual(['Leads.csv']);
    expect(content.bytes.toString('utf8')).toBe(text);
    const archive = await openZip(zip);
    const entry = selectSingleCsv(archive);
    expect(entry.method).toBe(8);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = archive.openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO });
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('end', () => resolve());
      s.on('error', reject);
    });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  });

  it('gives the same bytes for the same content and time', async () => {
    const csv = path.join(dir, 'same.csv');
    fs.writeFileSync(csv, 'a,b\r\n1,2\r\n');
    const a = await zipSingleFile(csv, 'same.csv', path.join(dir, 'a.zip'), { mtime: new Date('2026-01-02T03:04:06Z') });
    const b = await zipSingleFile(csv, 'same.csv', path.join(dir, 'b.zip'), { mtime: new Date('2026-01-02T03:04:06Z') });
    expect(a.sha256).toBe(b.sha256);
    expect(fs.readFileSync(path.join(dir, 'a.zip')).equals(fs.readFileSync(path.join(dir, 'b.zip')))).toBe(true);
  });
});
