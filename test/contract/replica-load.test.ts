import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { zipFiles } from '../helpers/make-zip';
import { writeContactsCsv } from '../../bench/generate-contacts';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(async () => {
  await t.close();
});

const Z = path.join(FIXTURES, 'zoho');
const src = (p: string): { kind: 'path'; path: string } => ({ kind: 'path', path: p });

/** The chunk folders this process's loads have left in the temporary folder. */
function chunkDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`preflight-load-${process.pid}-`));
}

/** The stage tables left in a workspace file (read through a connection of its own). */
function stageTables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE name GLOB 'replica_s[0-9]*'").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('replica.load', () => {
  it('loads a Bulk Read CSV: counts, rejected rows, unknown columns kept', async () => {
    const r = await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.bulk-read.csv')) });
    expect(r).toMatchObject({ module: 'Contacts', format: 'bulk-read-csv', loaded: 4, inserted: 4, updated: 0, rejected: 1 });
    expect(r.rejectedRows).toEqual([{ row: 5, reason: 'no record id' }]);
    expect(r.unknownColumns).toEqual(['Favourite_Colour__c']);
    expect((await t.call('replica.stats', {})).modules).toEqual({ Contacts: 4 });
    expect(stageTables(t.workspace)).toEqual([]);
    expect(chunkDirs()).toEqual([]);
  });

  it('keeps values exactly as given: leading zeros, quotes, line breaks, accents, emoji', async () => {
    await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.bulk-read.csv')) });
    const ada = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520001' });
    const get = (k: string): string | undefined => ada.fields.find((f) => f.key === k)?.value;
    expect(get('Phone')).toBe('0012345600012');
    expect(get('Description')).toBe('Wrote the first "program", famously');
    const jose = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520002' });
    expect(jose.title).toBe('José Núñez');
    expect(jose.fields.find((f) => f.key === 'Description')?.value).toBe('Line one\nLine two');
    const grace = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520003' });
    expect(grace.fields.find((f) => f.key === 'Description')?.value).toBe('Loves 🚀 and bugs');
  });

  it('loads the same export from a ZIP (Bulk Read result)', async () => {
    const zip = zipFiles(path.join(t.dir, '4876876000000999.zip'), [path.join(Z, 'Contacts.bulk-read.csv')]);
    const r = await t.call('replica.load', { module: 'Contacts', source: src(zip) });
    expect(r).toMatchObject({ format: 'bulk-read-zip', loaded: 4, rejected: 1 });
  });

  it('reloading updates records by id and keeps columns the new file lacks', async () => {
    await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.bulk-read.csv')) });
    const r = await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.ui-export.csv')) });
    expect(r).toMatchObject({ format: 'ui-export-csv', loaded: 2, inserted: 1, updated: 1, rejected: 0 });
    expect((await t.call('replica.stats', {})).modules.Contacts).toBe(5);
    const ada = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520001' });
    expect(ada.fields.find((f) => f.key === 'Phone')?.value).toBe('0012345600012');
  });

  it('takes the last row when an id repeats inside one file, in an empty module and a filled one', async () => {
    const file = path.join(t.dir, 'dup.csv');
    fs.writeFileSync(file, 'id,Last_Name,Email\n1,First,a@example.com\n2,Other,b@example.com\n1,Second,\n');
    for (const expected of [{ inserted: 2, updated: 1 }, { inserted: 0, updated: 3 }]) {
      const r = await t.call('replica.load', { module: 'Leads', source: src(file) });
      expect(r).toMatchObject({ loaded: 3, ...expected });
      const rec = await t.call('replica.record', { module: 'Leads', id: '1' });
      expect(rec.fields.find((f) => f.key === 'Last_Name')?.value).toBe('Second');
      expect(rec.fields.find((f) => f.key === 'Email')?.value).toBe('');
    }
  });

  it('takes the last row of a repeated id when records go in many to a statement', async () => {
    // Into an empty module records go in 32 to an INSERT: id 5 repeats inside the first 32
    // rows, id 40 in a later group than its first row.
    const lines = ['id,Last_Name'];
    for (let i = 1; i <= 68; i += 1) lines.push(`${i},Name ${i}`);
    lines.splice(20, 0, '5,Again 5');
    lines.push('40,Again 40');
    const file = path.join(t.dir, 'many.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await t.call('replica.load', { module: 'Contacts', source: src(file) });
    expect(r).toMatchObject({ loaded: 70, inserted: 68, updated: 2 });
    for (const [id, name] of [['5', 'Again 5'], ['40', 'Again 40'], ['68', 'Name 68'], ['33', 'Name 33']]) {
      const rec = await t.call('replica.record', { module: 'Contacts', id: id as string });
      expect(rec.fields.find((f) => f.key === 'Last_Name')?.value).toBe(name);
    }
  });

  it('reads a CRM UI export by field labels, with lookups given by name', async () => {
    const r = await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.ui-export.csv')) });
    expect(r.unknownColumns).toEqual([]);
    const kat = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520005' });
    const account = kat.fields.find((f) => f.label === 'Account Name');
    expect(account?.display).toBe('Globex Inc.');
    expect(kat.fields.find((f) => f.key === 'Last_Name')?.value).toBe('Johnson');
  });

  it('reads a Records API response with line items', async () => {
    const r = await t.call('replica.load', { module: 'Quotes', source: src(path.join(Z, 'Quotes.records.json')) });
    expect(r).toMatchObject({ format: 'records-json', loaded: 2, rejected: 0, unknownColumns: [] });
    const q = await t.call('replica.record', { module: 'Quotes', id: '4876876000000630001' });
    expect(q.title).toBe('Rocket parts');
    const items = q.fields.find((f) => f.key === 'Quoted_Items');
    expect(items?.items).toHaveLength(2);
    expect(items?.items?.[1]?.Product_Name).toBe('Gizmo "XL"');
    expect(items?.display).toBe('2 items');
    expect(q.fields.find((f) => f.key === 'Account_Name')?.display).toBe('Acme Corporation');
    expect(q.fields.some((f) => f.key.startsWith('$'))).toBe(false);
  });

  it('loads from an upload sent in slices', async () => {
    const bytes = fs.readFileSync(path.join(Z, 'Accounts.bulk-read.csv'));
    const { uploadId } = await t.call('upload.begin', { name: 'Accounts.bulk-read.csv', size: bytes.length });
    await t.call('upload.chunk', { uploadId, offset: 0, base64: bytes.subarray(0, 100).toString('base64') });
    expect((await t.fail('upload.chunk', { uploadId, offset: 0, base64: 'AAAA' })).code).toBe('BAD_REQUEST');
    await t.call('upload.chunk', { uploadId, offset: 100, base64: bytes.subarray(100).toString('base64') });
    expect((await t.call('upload.finish', { uploadId })).size).toBe(bytes.length);
    const r = await t.call('replica.load', { module: 'Accounts', source: { kind: 'upload', uploadId } });
    expect(r.loaded).toBe(3);
    // An upload is used once, then removed.
    expect((await t.fail('replica.load', { module: 'Accounts', source: { kind: 'upload', uploadId } })).code).toBe('UPLOAD_NOT_FOUND');
  });

  it('reports progress events for its job id', async () => {
    const file = path.join(t.dir, 'contacts.csv');
    writeContactsCsv(file, 20_000);
    const progress: number[] = [];
    t.core.onEvent((name, payload) => {
      if (name === 'job.progress' && (payload as { jobId: string }).jobId === 'job-progress-1') {
        progress.push((payload as { rows: number }).rows);
      }
    });
    const r = await t.call('replica.load', { module: 'Contacts', source: src(file), jobId: 'job-progress-1' });
    expect(r.loaded).toBe(20_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(20_000);
  });
});

describe('replica.load refuses bad files and leaves the replica as it was', () => {
  async function baseline(): Promise<void> {
    await t.call('replica.load', { module: 'Contacts', source: src(path.join(Z, 'Contacts.bulk-read.csv')) });
  }
  async function unchanged(): Promise<void> {
    expect((await t.call('replica.stats', {})).modules).toEqual({ Contacts: 4 });
    const ada = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520001' });
    expect(ada.fields.find((f) => f.key === 'Last_Name')?.value).toBe('Lovelace');
  }
  function write(name: string, text: string): string {
    const p = path.join(t.dir, name);
    fs.writeFileSync(p, text);
    return p;
  }

  it('a ragged row in the middle of a file (after valid rows) rolls everything back', async () => {
    await baseline();
    const rows = ['id,Last_Name', '4876876000000520001,Changed'];
    for (let i = 0; i < 5000; i += 1) rows.push(`48768760001${String(i).padStart(8, '0')},N${i}`);
    rows.push('4876876000000999999,too,many,fields');
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(write('ragged.csv', rows.join('\n'))) });
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.message).toContain('Row 5002');
    await unchanged();
    expect(stageTables(t.workspace)).toEqual([]);
  });

  it('an unclosed quote', async () => {
    await baseline();
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(write('q.csv', 'id,Last_Name\n1,"open\n2,x\n')) });
    expect(err.code).toBe('CSV_MALFORMED');
    await unchanged();
  });

  it('no id column', async () => {
    await baseline();
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(write('noid.csv', 'Last_Name,Email\nX,x@example.com\n')) });
    expect(err.code).toBe('MISSING_ID_COLUMN');
    await unchanged();
  });

  it('a .zip that is not a ZIP, two CSVs in one ZIP, an empty file, a binary file', async () => {
    await baseline();
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(write('fake.zip', 'id,Last_Name\n1,x\n')) })).code).toBe('NOT_A_ZIP');
    const two = zipFiles(path.join(t.dir, 'two.zip'), [path.join(Z, 'Contacts.bulk-read.csv'), path.join(Z, 'Accounts.bulk-read.csv')]);
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(two) })).code).toBe('ZIP_MULTIPLE_CSV');
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(write('empty.csv', '')) })).code).toBe('CSV_EMPTY');
    const bin = path.join(t.dir, 'bin.csv');
    fs.writeFileSync(bin, Buffer.from([1, 2, 0, 4, 5, 0, 7]));
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(bin) })).code).toBe('UNKNOWN_FORMAT');
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(path.join(t.dir, 'missing.csv')) })).code).toBe('FILE_NOT_FOUND');
    await unchanged();
  });

  it('a ZIP whose entry escapes its folder, and a ZIP bomb', async () => {
    await baseline();
    const JSZip = (await import('jszip')).default;
    const evil = new JSZip();
    evil.file('../../evil.csv', 'id,Last_Name\n4876876000000520001,Owned\n');
    const evilPath = path.join(t.dir, 'evil.zip');
    fs.writeFileSync(evilPath, await evil.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(evilPath) })).code).toBe('ZIP_UNSAFE_PATH');
    const bomb = new JSZip();
    bomb.file('contacts.csv', `id,Last_Name\n1,${'A'.repeat(64 * 1024 * 1024)}\n`);
    const bombPath = path.join(t.dir, 'bomb.zip');
    fs.writeFileSync(bombPath, await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    expect((await t.fail('replica.load', { module: 'Contacts', source: src(bombPath) })).code).toBe('ZIP_RATIO_EXCEEDED');
    await unchanged();
  });

  it('a truncated Records API response', async () => {
    await baseline();
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(write('cut.json', '{"data":[{"id":"1","Last_Name":"X"},{"id":"2"')) });
    expect(err.code).toBe('JSON_INVALID');
    await unchanged();
  });

  it('a module without metadata', async () => {
    expect((await t.fail('replica.load', { module: 'Widgets', source: src(path.join(Z, 'Contacts.bulk-read.csv')) })).code).toBe('UNKNOWN_MODULE');
  });

  it('cancelling a running load', async () => {
    await baseline();
    const file = path.join(t.dir, 'big.csv');
    writeContactsCsv(file, 300_000);
    let cancelled: Promise<unknown> | null = null;
    t.core.onEvent((name, payload) => {
      if (name === 'job.progress' && !cancelled) {
        cancelled = t.call('job.cancel', { jobId: (payload as { jobId: string }).jobId });
      }
    });
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(file), jobId: 'job-cancel-1' });
    expect(err.code).toBe('CANCELLED');
    expect(await cancelled).toEqual({ cancelled: true });
    await unchanged();
    expect(await t.call('job.cancel', { jobId: 'job-cancel-1' })).toEqual({ cancelled: false });
  });

  it('cancelling after parts of the load were committed leaves no stage and the replica unchanged', async () => {
    await baseline();
    const file = path.join(t.dir, 'big.csv');
    writeContactsCsv(file, 300_000);
    let cancelled: Promise<unknown> | null = null;
    let rowsAtCancel = 0;
    t.core.onEvent((name, payload) => {
      const p = payload as { jobId: string; rows: number };
      // 200,000 records are about 46 MB of text: the stage has committed several chunks by then.
      if (name === 'job.progress' && p.jobId === 'job-cancel-2' && p.rows >= 200_000 && !cancelled) {
        rowsAtCancel = p.rows;
        cancelled = t.call('job.cancel', { jobId: p.jobId });
      }
    });
    const err = await t.fail('replica.load', { module: 'Contacts', source: src(file), jobId: 'job-cancel-2' });
    expect(err.code).toBe('CANCELLED');
    expect(rowsAtCancel).toBeGreaterThanOrEqual(200_000);
    await unchanged();
    expect(stageTables(t.workspace)).toEqual([]);
    expect(chunkDirs()).toEqual([]);
  });

  it('drops the stage a dead process left behind when the workspace is opened', async () => {
    await baseline();
    const other = path.join(t.dir, 'other.preflight.db');
    await t.call('workspace.open', { path: other, create: true });
    const db = new Database(t.workspace);
    db.exec('CREATE TABLE replica_s999999999_1 (id TEXT PRIMARY KEY NOT NULL, c1 TEXT) WITHOUT ROWID');
    db.prepare('INSERT INTO replica_s999999999_1 VALUES (?, ?)').run('4876876000000520001', 'Stale');
    db.close();
    expect(stageTables(t.workspace)).toEqual(['replica_s999999999_1']);
    await t.call('workspace.open', { path: t.workspace, create: false });
    expect(stageTables(t.workspace)).toEqual([]);
    await unchanged();
  });
});
