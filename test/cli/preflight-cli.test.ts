/**
 * The `preflight` command, run as a user runs it: a real process, a real workspace file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../helpers/temp-dir';

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

function json(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

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
