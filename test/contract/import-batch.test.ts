import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMapping, Transform } from '../../shared/domain/batch';
import type { Res } from '../../shared/ipc/contract';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

type Summary = Res<'batch.summary'>;

const MESSY = path.join(FIXTURES, 'import', 'contacts-messy.csv');
const Z = path.join(FIXTURES, 'zoho');

let t: TempCore;
beforeAll(async () => {
  t = tempCore();
  await t.call('replica.load', { module: 'Accounts', source: { kind: 'path', path: path.join(Z, 'Accounts.bulk-read.csv') } });
});
afterAll(async () => {
  await t.close();
});

const src = (file: string) => ({ kind: 'path' as const, path: file });
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function write(name: string, content: string | Buffer): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function importMessy(): Promise<Summary> {
  return t.call('import.start', { source: src(MESSY), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
}

function withTransforms(mapping: BatchMapping, field: string, transforms: Transform[]): BatchMapping {
  return { ...mapping, fields: mapping.fields.map((f) => (f.field === field ? { ...f, transforms } : f)) };
}

const issuesOf = (s: Summary, field: string) => s.issues.filter((i) => i.field === field);

describe('import.preview', () => {
  it('detects the format and suggests fields with a confidence', async () => {
    const p = await t.call('import.preview', { source: src(MESSY), module: 'Contacts', encoding: 'auto', delimiter: 'auto' });
    expect(p).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(p.header).toEqual(['First Name', 'Surname', 'E-mail', 'Company Name', 'Phone', 'Birthday', 'Source', 'Opt out']);
    const by = new Map(p.suggestions.map((s) => [s.column, s]));
    expect(by.get('First Name')?.field).toBe('First_Name');
    expect(by.get('Surname')).toMatchObject({ field: 'Last_Name', reason: 'alias' });
    expect(by.get('E-mail')?.field).toBe('Email');
    for (const s of p.suggestions) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    // 23/06/1912 settles the column as day-first, so it is not pointed out as ambiguous.
    expect(p.ambiguousDateColumns).toEqual([]);
    expect(p.rows[3]?.[0]).toBe('Zoë "Z" Ölçer');
    expect(p.rows[3]?.[4]).toBe('0012345600012');
  });

  it('reads UTF-16 with a BOM and semicolons, and Windows-1252', async () => {
    const text = 'Nom;E-mail\r\nCafé Zoë;zoe@example.com\r\n';
    const utf16 = write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const p = await t.call('import.preview', { source: src(utf16), module: 'Leads', encoding: 'auto', delimiter: 'auto' });
    expect(p).toMatchObject({ encoding: 'utf-16le', delimiter: ';', header: ['Nom', 'E-mail'], rows: [['Café Zoë', 'zoe@example.com']] });
    const cp1252 = write('cp1252.csv', Buffer.from([...Buffer.from('Name|Note\r\nRen'), 0xe9, ...Buffer.from('|5 '), 0x80, ...Buffer.from('\r\n')]));
    const q = await t.call('import.preview', { source: src(cp1252), module: 'Leads', encoding: 'auto', delimiter: 'auto' });
    expect(q).toMatchObject({ encoding: 'windows-1252', delimiter: '|', rows: [['René', '5 €']] });
  });

  it('takes the user’s encoding and delimiter over detection', async () => {
    const file = write('forced.csv', 'a;b,c\r\n1;2,3\r\n');
    const p = await t.call('import.preview', { source: src(file), module: 'Leads', encoding: 'utf-8', delimiter: ';' });
    expect(p.header).toEqual(['a', 'b,c']);
    expect(p.detected.delimiter).toBeDefined();
  });

  it('refuses a file that is not there and a module that does not exist', async () => {
    expect((await t.fail('import.preview', { source: src(path.join(t.dir, 'nope.csv')), module: 'Contacts', encoding: 'auto', delimiter: 'auto' })).code).toBe(
      'FILE_NOT_FOUND',
    );
    expect((await t.fail('import.preview', { source: src(MESSY), module: 'Nope', encoding: 'auto', delimiter: 'auto' })).code).toBe('UNKNOWN_MODULE');
  });
});

describe('import.start and the batch', () => {
  it('imports verbatim, maps confident suggestions, validates as Zoho would, never writes the source', async () => {
    const before = sha(MESSY);
    const s = await importMessy();
    expect(sha(MESSY)).toBe(before);
    expect(s).toMatchObject({ module: 'Contacts', rows: 4, valid: 0, invalid: 4, excluded: 0, canUndo: false });
    expect(s.mapping.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['First_Name', 'Last_Name', 'Email', 'Phone', 'Date_of_Birth']));
    // Company names mapped to a lookup field are looked up by name, never sent as ids.
    expect(s.mapping.fields.find((f) => f.field === 'Account_Name')?.transforms).toEqual([{ kind: 'lookup', by: 'name' }]);
    expect(issuesOf(s, 'Account_Name')).toEqual([expect.objectContaining({ row: 4, code: 'LOOKUP_NOT_FOUND' })]);
    // Alan has no surname: Last_Name is system-mandatory.
    expect(s.issues).toContainEqual(expect.objectContaining({ row: 3, field: 'Last_Name', code: 'MANDATORY_NOT_FOUND', severity: 'error' }));
    expect(s.issues).toContainEqual(expect.objectContaining({ row: 2, column: 'E-mail', field: 'Email', code: 'INVALID_DATA', severity: 'error' }));
    // An undeclared day/month order is Zoho's INVALID_DATA, with both readings in the message.
    const dob = issuesOf(s, 'Date_of_Birth').find((i) => i.row === 1);
    expect(dob).toMatchObject({ code: 'INVALID_DATA' });
    expect(dob?.message).toContain('1815-12-10');
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 10, filter: 'all' });
    expect(rows.total).toBe(4);
    expect(rows.rows[3]?.source).toEqual(['Zoë "Z" Ölçer', 'Núñez', 'zoe@example.com', 'Initech', '0012345600012', '01/02/1990', 'Web', '0']);
    expect(rows.rows[3]?.values.Phone).toBe('0012345600012');
    const listed = await t.call('batch.list', {});
    expect(listed.batches.map((b) => b.batch)).toContain(s.batch);
  });

  it('declared transforms clear their issues; lookups resolve by name through the replica', async () => {
    const s = await importMessy();
    let m = withTransforms(s.mapping, 'Date_of_Birth', [{ kind: 'date', order: 'dmy' }]);
    m = withTransforms(m, 'Email_Opt_Out', [{ kind: 'boolean' }]);
    m = withTransforms(m, 'Phone', [{ kind: 'phone', e164: false, defaultCountry: null }]);
    m = withTransforms(m, 'Account_Name', [{ kind: 'lookup', by: 'name' }]);
    const after = await t.call('batch.setMapping', { batch: s.batch, mapping: m });
    expect(issuesOf(after, 'Date_of_Birth')).toEqual([]);
    expect(issuesOf(after, 'Email_Opt_Out')).toEqual([]);
    expect(issuesOf(after, 'Phone')).toEqual([]);
    expect(after.ambiguousDateColumns).toEqual([]);
    // Initech is not in the replica: listed, not guessed.
    expect(issuesOf(after, 'Account_Name')).toEqual([expect.objectContaining({ row: 4, code: 'LOOKUP_NOT_FOUND', severity: 'error' })]);
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 10, filter: 'all' });
    expect(rows.rows[0]?.values).toMatchObject({ Date_of_Birth: '1815-12-10', Email_Opt_Out: 'true', Account_Name: '4876876000000418001' });
    expect(rows.rows[1]?.values.Account_Name).toBe('4876876000000418002');
    expect(rows.rows[1]?.values.Phone).toBe('5550109999');
    expect(rows.rows[3]?.source[4]).toBe('0012345600012');
    expect(after.canUndo).toBe(true);
  });

  it('resolves lookups through the replica while importing, when the mapping comes with the import', async () => {
    const first = await importMessy();
    const mapping = withTransforms(first.mapping, 'Account_Name', [{ kind: 'lookup', by: 'name' }]);
    const s = await t.call('import.start', { source: src(MESSY), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping, template: null });
    expect(issuesOf(s, 'Account_Name')).toEqual([expect.objectContaining({ row: 4, code: 'LOOKUP_NOT_FOUND' })]);
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 1, filter: 'all' });
    expect(rows.rows[0]?.values.Account_Name).toBe('4876876000000418001');
  });

  it('a name that matches several replica records is an error, never a pick', async () => {
    await t.call('replica.load', {
      module: 'Accounts',
      source: { kind: 'path', path: write('twins.csv', 'id,Account_Name\r\n4876876000000418101,Twin Co\r\n4876876000000418102,Twin Co\r\n') },
    });
    const file = write('twin-contacts.csv', 'Last Name,Account Name\r\nSmith,Twin Co\r\n');
    const s = await t.call('import.start', { source: src(file), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    const after = await t.call('batch.setMapping', { batch: s.batch, mapping: withTransforms(s.mapping, 'Account_Name', [{ kind: 'lookup', by: 'name' }]) });
    const issue = issuesOf(after, 'Account_Name')[0];
    expect(issue).toMatchObject({ row: 1, code: 'AMBIGUOUS_LOOKUP', severity: 'error' });
    expect(issue?.message).toContain('4876876000000418101');
  });

  it('edits a cell, re-validates at once, and undoes and redoes it', async () => {
    const s = await importMessy();
    const fixed = await t.call('batch.editCell', { batch: s.batch, row: 2, field: 'Email', value: 'grace@example.com' });
    expect(issuesOf(fixed, 'Email')).toEqual([]);
    expect(fixed.canUndo).toBe(true);
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 1, limit: 1, filter: 'all' });
    expect(rows.rows[0]).toMatchObject({ row: 2, edited: ['Email'] });
    expect(rows.rows[0]?.values.Email).toBe('grace@example.com');
    expect(rows.rows[0]?.source[2]).toBe('grace(at)example.com');
    const undone = await t.call('batch.undo', { batch: s.batch });
    expect(issuesOf(undone, 'Email')).toHaveLength(1);
    expect(undone.canRedo).toBe(true);
    const redone = await t.call('batch.redo', { batch: s.batch });
    expect(issuesOf(redone, 'Email')).toEqual([]);
    expect((await t.fail('batch.redo', { batch: s.batch })).code).toBe('NOTHING_TO_UNDO');
    expect((await t.fail('batch.editCell', { batch: s.batch, row: 99, field: 'Email', value: 'x@y.z' })).code).toBe('BAD_REQUEST');
    expect((await t.fail('batch.editCell', { batch: s.batch, row: 1, field: 'Fax', value: '1' })).code).toBe('MAPPING_INVALID');
  });

  it('undo survives closing and reopening the workspace', async () => {
    const s = await importMessy();
    await t.call('batch.editCell', { batch: s.batch, row: 2, field: 'Email', value: 'grace@example.com' });
    const other = path.join(t.dir, 'other.preflight.db');
    await t.call('workspace.open', { path: other, create: true });
    await t.call('workspace.open', { path: t.workspace, create: false });
    const again = await t.call('batch.summary', { batch: s.batch });
    expect(again.canUndo).toBe(true);
    expect(issuesOf(await t.call('batch.undo', { batch: s.batch }), 'Email')).toHaveLength(1);
  });

  it('finds and replaces within a column, then excludes rows', async () => {
    const s = await importMessy();
    const r = await t.call('batch.replace', { batch: s.batch, field: 'Email', find: '(at)', replace: '@', matchCase: true, wholeCell: false });
    expect(r.changed).toBe(1);
    expect(issuesOf(r.summary, 'Email')).toEqual([]);
    const ex = await t.call('batch.exclude', { batch: s.batch, rows: [3], excluded: true });
    expect(ex.excluded).toBe(1);
    expect(ex.rows - ex.excluded).toBe(ex.valid + ex.warnings + ex.invalid);
    const excluded = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 10, filter: 'excluded' });
    expect(excluded.rows.map((x) => x.row)).toEqual([3]);
    const back = await t.call('batch.undo', { batch: s.batch });
    expect(back.excluded).toBe(0);
    const errors = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 10, filter: 'errors' });
    expect(errors.rows.every((x) => x.issues.some((i) => i.severity === 'error'))).toBe(true);
  });

  it('excludes every row with an error in one undoable step', async () => {
    const s = await importMessy();
    const r = await t.call('batch.excludeInvalid', { batch: s.batch });
    expect(r.excluded).toBe(s.invalid);
    expect(r.summary).toMatchObject({ invalid: 0, excluded: s.invalid, valid: s.valid, warnings: s.warnings });
    const back = await t.call('batch.undo', { batch: s.batch });
    expect(back).toMatchObject({ invalid: s.invalid, excluded: 0 });
    const none = await t.call('batch.excludeInvalid', { batch: r.summary.batch });
    expect(none.excluded).toBe(s.invalid);
    expect((await t.call('batch.excludeInvalid', { batch: s.batch })).excluded).toBe(0);
  });

  it('refuses a read-only field, one field twice, an unknown column or field', async () => {
    const s = await importMessy();
    const base = { columns: ['First Name'], joinWith: ' ', transforms: [], defaultValue: null };
    const bad = (fields: BatchMapping['fields']) => t.fail('batch.setMapping', { batch: s.batch, mapping: { module: 'Contacts', ignoreEmpty: false, fields } });
    expect((await bad([{ ...base, field: 'Full_Name' }])).code).toBe('MAPPING_INVALID');
    expect((await bad([{ ...base, field: 'Nope__c' }])).code).toBe('MAPPING_INVALID');
    expect((await bad([{ ...base, field: 'Last_Name', columns: ['Not a column'] }])).code).toBe('MAPPING_INVALID');
    expect((await bad([{ ...base, field: 'Last_Name' }, { ...base, field: 'Last_Name', columns: ['Surname'] }])).code).toBe('MAPPING_INVALID');
    expect((await t.fail('batch.summary', { batch: 9999 })).code).toBe('BATCH_NOT_FOUND');
    // A mapping refused at import time is refused before a row is stored: no batch is left.
    const before = (await t.call('batch.list', {})).batches.length;
    const refused = await t.fail('import.start', {
      source: src(MESSY),
      module: 'Contacts',
      encoding: 'auto',
      delimiter: 'auto',
      mapping: { module: 'Contacts', ignoreEmpty: false, fields: [{ ...base, field: 'Full_Name' }] },
      template: null,
    });
    expect(refused.code).toBe('MAPPING_INVALID');
    expect((await t.call('batch.list', {})).batches).toHaveLength(before);
  });

  it('a default value fills empty cells, so a mandatory field is no longer missing', async () => {
    const s = await importMessy();
    const m = { ...s.mapping, fields: s.mapping.fields.map((f) => (f.field === 'Last_Name' ? { ...f, defaultValue: 'Unknown' } : f)) };
    const after = await t.call('batch.setMapping', { batch: s.batch, mapping: m });
    expect(issuesOf(after, 'Last_Name')).toEqual([]);
  });

  it('a field only the layout requires is a warning; a system-mandatory one an error', async () => {
    const file = write('deals.csv', 'Deal Name,Stage,Closing Date\r\nBig one,Qualification,\r\n,Qualification,2026-12-01\r\n');
    const s = await t.call('import.start', { source: src(file), module: 'Deals', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(s.issues.map((i) => [i.row, i.field, i.code, i.severity])).toEqual(
      expect.arrayContaining([
        [1, 'Closing_Date', 'LAYOUT_MANDATORY', 'warning'],
        [2, 'Deal_Name', 'MANDATORY_NOT_FOUND', 'error'],
      ]),
    );
    expect(s).toMatchObject({ warnings: 1, invalid: 1 });
  });

  it('keeps ragged rows and reports them', async () => {
    const file = write('ragged.csv', 'Last Name,Email\r\nA,a@example.com\r\nB\r\nC,c@example.com,extra\r\n');
    const s = await t.call('import.start', { source: src(file), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(s).toMatchObject({ rows: 3, raggedRows: 2 });
    expect(s.issues.filter((i) => i.code === 'RAGGED_ROW').map((i) => i.row)).toEqual([2, 3]);
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 2, limit: 1, filter: 'all' });
    expect(rows.rows[0]?.source).toEqual(['C', 'c@example.com', 'extra']);
  });

  it('exports the rows with issues, original values first, then the issue columns', async () => {
    const s = await importMessy();
    const out = path.join(t.dir, 'errors.csv');
    const r = await t.call('batch.exportErrors', { batch: s.batch, path: out });
    expect(r.rows).toBe(4);
    const parsed = Papa.parse<string[]>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const [header, ...lines] = parsed.data;
    expect(header).toEqual(['First Name', 'Surname', 'E-mail', 'Company Name', 'Phone', 'Birthday', 'Source', 'Opt out', 'Preflight row', 'Zoho errors', 'Errors', 'Warnings']);
    expect(lines[1]?.slice(0, 8)).toEqual(['Grace', 'Hopper', 'grace(at)example.com', 'Globex, Inc.', '(555) 010-9999', '09/12/1906', 'Cold Call', 'no']);
    expect(lines[1]?.[9]).toContain('INVALID_DATA-');
    expect(lines[1]?.[9]).toContain('Email');
    expect(lines[3]?.[4]).toBe('0012345600012');
    expect((await t.fail('batch.exportErrors', { batch: s.batch, path: path.join(t.dir, 'no-such-dir', 'e.csv') })).code).toBe('FILE_NOT_FOUND');
    // Excluded rows are not sent, so they are not reported either; the report is replaced whole.
    await t.call('batch.exclude', { batch: s.batch, rows: [1, 2], excluded: true });
    expect((await t.call('batch.exportErrors', { batch: s.batch, path: out })).rows).toBe(2);
    expect(Papa.parse<string[]>(fs.readFileSync(out, 'utf8'), { skipEmptyLines: true }).data).toHaveLength(3);
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('templates', () => {
  it('saves a mapping with its transforms, offers it for the same headers, applies it on import', async () => {
    const s = await importMessy();
    const m = withTransforms(s.mapping, 'Date_of_Birth', [{ kind: 'date', order: 'dmy' }]);
    await t.call('batch.setMapping', { batch: s.batch, mapping: m });
    await t.call('template.save', { batch: s.batch, name: 'Messy contacts' });
    expect((await t.call('template.list', {})).templates).toContainEqual(expect.objectContaining({ name: 'Messy contacts', module: 'Contacts' }));

    // Same headers, another order and other rows.
    const second = write('second.csv', 'Birthday,Surname,First Name,E-mail,Company Name,Phone,Source,Opt out\r\n31/01/1980,Curie,Marie,marie@example.com,,,,\r\n');
    const p = await t.call('import.preview', { source: src(second), module: 'Contacts', encoding: 'auto', delimiter: 'auto' });
    expect(p.templates.map((x) => x.name)).toEqual(['Messy contacts']);
    expect(p.suggestions.find((x) => x.column === 'Birthday')).toMatchObject({ field: 'Date_of_Birth', reason: 'template', confidence: 1 });
    const b = await t.call('import.start', { source: src(second), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: 'Messy contacts' });
    expect(b.mapping.fields.find((f) => f.field === 'Date_of_Birth')?.transforms).toEqual([{ kind: 'date', order: 'dmy' }]);
    expect(issuesOf(b, 'Date_of_Birth')).toEqual([]);
  });

  it('exports and imports the CLI template format, and applies a template to a batch', async () => {
    const out = path.join(t.dir, 'tpl.json');
    await t.call('template.export', { name: 'Messy contacts', path: out });
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { module: string; columns: Record<string, unknown> };
    expect(json.module).toBe('Contacts');
    expect(json.columns.Surname).toBe('Last_Name');
    expect(json.columns.Birthday).toMatchObject({ field: 'Date_of_Birth', transforms: [{ kind: 'date', order: 'dmy' }] });

    const minimal = write('minimal.json', JSON.stringify({ module: 'Contacts', columns: { 'E-mail': 'Email', Surname: 'Last_Name' } }));
    expect(await t.call('template.import', { source: src(minimal) })).toEqual({ name: 'minimal', module: 'Contacts' });
    const s = await importMessy();
    const applied = await t.call('template.apply', { batch: s.batch, name: 'minimal' });
    expect(applied.mapping.fields.map((f) => f.field).sort()).toEqual(['Email', 'Last_Name']);
    expect(applied.canUndo).toBe(true);
    expect((await t.call('template.delete', { name: 'minimal' })).deleted).toBe(true);
    expect((await t.fail('template.apply', { batch: s.batch, name: 'minimal' })).code).toBe('TEMPLATE_NOT_FOUND');
    const leads = write('leads-tpl.json', JSON.stringify({ module: 'Leads', columns: { Surname: 'Last_Name' } }));
    await t.call('template.import', { source: src(leads) });
    expect((await t.fail('template.apply', { batch: s.batch, name: 'leads-tpl' })).code).toBe('TEMPLATE_INVALID');
  });

  it('refuses a template that is not JSON or not a template', async () => {
    expect((await t.fail('template.import', { source: src(write('bad.json', '{nope')) })).code).toBe('JSON_INVALID');
    expect((await t.fail('template.import', { source: src(write('bad2.json', '{"columns":{}}')) })).code).toBe('TEMPLATE_INVALID');
  });

  it('remembers picklist translations for the next file', async () => {
    const file = write('sources.csv', 'Last Name,Source\r\nA,Web\r\nB,Phone in\r\n');
    const s = await t.call('import.start', { source: src(file), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(issuesOf(s, 'Lead_Source').map((i) => i.code)).toEqual(['NEW_PICKLIST_VALUE', 'NEW_PICKLIST_VALUE']);
    const table = { Web: 'Online Store', 'Phone in': 'Cold Call' };
    const after = await t.call('batch.setMapping', { batch: s.batch, mapping: withTransforms(s.mapping, 'Lead_Source', [{ kind: 'picklist', table }]) });
    expect(issuesOf(after, 'Lead_Source')).toEqual([]);
    const p = await t.call('import.preview', { source: src(file), module: 'Contacts', encoding: 'auto', delimiter: 'auto' });
    expect(p.picklistMemory.Lead_Source).toEqual(table);
    const next = await t.call('import.start', { source: src(file), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(issuesOf(next, 'Lead_Source')).toEqual([]);
  });
});

// Last: the org's own Contacts metadata replaces the standard set for the rest of the file.
describe('org metadata', () => {
  it('repeated values of a unique field are DUPLICATE_DATA errors', async () => {
    await t.call('metadata.load', { module: 'Contacts', source: src(path.join(Z, 'contacts-fields.json')) });
    const file = write('codes.csv', 'Last Name,Customer_Code__c\r\nA,C-1\r\nB,C-2\r\nC,C-1\r\nD,c-1\r\n');
    const s = await t.call('import.start', { source: src(file), module: 'Contacts', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    const dups = issuesOf(s, 'Customer_Code__c');
    // As in a Bulk Write insert, the first row goes in and the repeat is refused; the field is
    // case-sensitive, so c-1 is another value.
    expect(dups.map((i) => [i.row, i.code, i.severity])).toEqual([[3, 'DUPLICATE_DATA', 'error']]);
    // Excluding the first row leaves the repeat alone in the batch; bringing it back restores the clash.
    const ex = await t.call('batch.exclude', { batch: s.batch, rows: [1], excluded: true });
    expect(issuesOf(ex, 'Customer_Code__c')).toEqual([]);
    const back = await t.call('batch.undo', { batch: s.batch });
    expect(issuesOf(back, 'Customer_Code__c').map((i) => i.row)).toEqual([3]);
  });
});

describe('ambiguous date columns', () => {
  it('points out a column whose day/month order no value settles', async () => {
    const file = write('dates.csv', 'Last Name,Born\r\nA,01/02/1990\r\nB,03/04/1985\r\n');
    const p = await t.call('import.preview', { source: src(file), module: 'Leads', encoding: 'auto', delimiter: 'auto' });
    expect(p.ambiguousDateColumns).toEqual(['Born']);
  });
});

describe('cancelling', () => {
  it('a cancelled re-mapping leaves the batch with its previous mapping and issues', async () => {
    const lines = ['Last Name,Email'];
    for (let i = 0; i < 300_000; i += 1) lines.push(`L${i},${i % 3 === 0 ? 'bad' : `p${i}@example.com`}`);
    const file = write('big.csv', `${lines.join('\r\n')}\r\n`);
    const s = await t.call('import.start', { source: src(file), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(s.invalid).toBe(100_000);
    const jobId = 'job_remap_cancel';
    const without = { ...s.mapping, fields: s.mapping.fields.filter((f) => f.field !== 'Email') };
    const pending = t.core.dispatch('batch.setMapping', { batch: s.batch, mapping: without, jobId });
    await new Promise((r) => setTimeout(r, 150));
    await t.call('job.cancel', { jobId });
    const env = await pending;
    expect(env.ok ? 'done' : env.error.code).toBe('CANCELLED');
    const after = await t.call('batch.summary', { batch: s.batch });
    expect(after.mapping).toEqual(s.mapping);
    expect(after.invalid).toBe(100_000);
    expect(after.canUndo).toBe(false);
  });
});
