/**
 * The `preflight` command, run as a user runs it: a real process, a real workspace file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../helpers/temp-dir';
import { oneJson } from '../helpers/cli-run';

const BIN = path.join(ROOT, 'bin', 'preflight.cjs');
const Z = path.join(FIXTURES, 'zoho');
let dir: string;
let cleanup: () => void;
let ws: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
});
afterAll(() => cleanup());

function run(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PREFLIGHT_APP_DATA: path.join(dir, 'appdata'), ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const json = oneJson;

describe('preflight replica load / stats', () => {
  it('loads a Bulk Read export and prints one JSON object', () => {
    const r = run(['--workspace', ws, 'replica', 'load', '--module', 'Contacts', path.join(Z, 'Contacts.bulk-read.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ module: 'Contacts', loaded: 4, rejected: 1 });
  });

  it('counts records per module', () => {
    run(['--workspace', ws, 'replica', 'load', '--module', 'Accounts', path.join(Z, 'Accounts.bulk-read.csv')]);
    const r = run(['--workspace', ws, 'replica', 'stats', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual({ modules: { Accounts: 3, Contacts: 4 } });
  });

  it('takes the workspace from PREFLIGHT_WORKSPACE', () => {
    const r = run(['replica', 'stats', '--json'], { PREFLIGHT_WORKSPACE: ws });
    expect(json(r.stdout)).toEqual({ modules: { Accounts: 3, Contacts: 4 } });
  });

  it('prints a readable summary without --json', () => {
    const r = run(['--workspace', ws, 'replica', 'load', '--module', 'Quotes', path.join(Z, 'Quotes.records.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Loaded 2 Quotes records (2 new, 0 updated)');
  });

  it('exits 1 with a coded error when the file is refused', () => {
    const fake = path.join(dir, 'fake.zip');
    fs.writeFileSync(fake, 'not a zip');
    const r = run(['--workspace', ws, 'replica', 'load', '--module', 'Contacts', fake, '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toEqual({ error: { code: 'NOT_A_ZIP', message: expect.stringContaining('not a ZIP') } });
    const human = run(['--workspace', ws, 'replica', 'load', '--module', 'Contacts', fake]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('[NOT_A_ZIP]');
  });

  it('exits 2 with usage when the command line is wrong', () => {
    for (const args of [['replica', 'load', path.join(Z, 'Contacts.bulk-read.csv')], ['replica', 'frobnicate'], ['--bogus'], []]) {
      const r = run(['--workspace', ws, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: preflight');
      expect(r.stdout).toBe('');
    }
  });
});

describe('preflight metadata load', () => {
  it("loads an org's Fields API response", () => {
    const r = run(['--workspace', ws, 'metadata', 'load', '--module', 'Contacts', path.join(Z, 'contacts-fields.json'), '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ module: 'Contacts', fields: 9, unique: ['Customer_Code__c'], mandatory: ['Last_Name'] });
  });

  it('refuses a file that is not one', () => {
    const r = run(['--workspace', ws, 'metadata', 'load', '--module', 'Contacts', path.join(Z, 'Quotes.records.json'), '--json']);
    expect(r.code).toBe(1);
    expect((json(r.stdout).error as { code: string }).code).toBe('METADATA_INVALID');
  });
});

describe('preflight import / batch show', () => {
  const MESSY = path.join(FIXTURES, 'import', 'contacts-messy.csv');
  let iws: string;
  beforeAll(() => {
    iws = path.join(dir, 'import.db');
  });

  it('imports, auto-maps and validates a CSV, printing the summary of CLI.md', () => {
    const r = run(['--workspace', iws, 'import', MESSY, '--module', 'Contacts', '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['batch', 'module', 'rows', 'valid', 'warnings', 'invalid', 'issues']));
    expect(out).toMatchObject({ batch: 1, module: 'Contacts', rows: 4, valid: 0, invalid: 4 });
    const issues = out.issues as { row: number; column: string | null; field: string | null; code: string; message: string; severity: string }[];
    expect(issues).toContainEqual({ row: 3, column: 'Surname', field: 'Last_Name', code: 'MANDATORY_NOT_FOUND', message: expect.any(String), severity: 'error' });
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, column: 'E-mail', field: 'Email', code: 'INVALID_DATA' }));
  });

  it('maps with a template file, transforms included', () => {
    const tpl = path.join(dir, 'contacts.template.json');
    fs.writeFileSync(
      tpl,
      JSON.stringify({
        module: 'Contacts',
        columns: {
          Surname: 'Last_Name',
          'E-mail': 'Email',
          Birthday: { field: 'Date_of_Birth', transforms: [{ kind: 'date', order: 'dmy' }] },
          'Opt out': { field: 'Email_Opt_Out', transforms: [{ kind: 'boolean' }] },
        },
      }),
    );
    const r = run(['--workspace', iws, 'import', MESSY, '--module', 'Contacts', '--template', tpl, '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { batch: number; valid: number; issues: { row: number; field: string }[] };
    expect(out.batch).toBe(2);
    // Only Alan's missing surname and Grace's email are left.
    expect(out.issues.map((i) => [i.row, i.field]).sort()).toEqual([
      [2, 'Email'],
      [3, 'Last_Name'],
    ]);
    expect(out.valid).toBe(2);
  });

  it('takes the delimiter and encoding by name', () => {
    const file = path.join(dir, 'semi.csv');
    fs.writeFileSync(file, Buffer.from('Surname;E-mail\r\nN\xfa\xf1ez;nunez@example.com\r\n', 'latin1'));
    const r = run(['--workspace', iws, 'import', file, '--module', 'Leads', '--delimiter', 'semicolon', '--encoding', 'windows-1252', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ module: 'Leads', rows: 1, valid: 1, invalid: 0 });
  });

  it('shows an existing batch, in JSON and for a person', () => {
    const r = run(['--workspace', iws, 'batch', 'show', '2', '--json']);
    // Batch 3 (the semicolon file) came later; batch 2 is still the template import.
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ batch: 2, module: 'Contacts', rows: 4, valid: 2, invalid: 2 });
    const human = run(['--workspace', iws, 'batch', 'show', '2']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Batch 2 (Contacts): 4 rows');
  });

  it('refuses what it cannot do with a code, and a wrong command line with usage', () => {
    const missing = run(['--workspace', iws, 'batch', 'show', '99', '--json']);
    expect(missing.code).toBe(1);
    expect((json(missing.stdout).error as { code: string }).code).toBe('BATCH_NOT_FOUND');
    const noFile = run(['--workspace', iws, 'import', path.join(dir, 'nope.csv'), '--module', 'Contacts', '--json']);
    expect(noFile.code).toBe(1);
    expect((json(noFile.stdout).error as { code: string }).code).toBe('FILE_NOT_FOUND');
    const badTpl = path.join(dir, 'bad.template.json');
    fs.writeFileSync(badTpl, '{"module":"Contacts","columns":{"Surname":"No_Such_Field"}}');
    const refused = run(['--workspace', iws, 'import', MESSY, '--module', 'Contacts', '--template', badTpl, '--json']);
    expect(refused.code).toBe(1);
    expect((json(refused.stdout).error as { code: string }).code).toBe('MAPPING_INVALID');
    for (const args of [['import', MESSY], ['batch', 'show'], ['batch', 'show', 'x'], ['import', MESSY, '--module', 'Contacts', '--delimiter', 'space']]) {
      const r = run(['--workspace', iws, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: preflight');
    }
  });
});
