/**
 * `preflight users load`, `batch validate` and owner columns through the command line: a real
 * process on a real workspace file, the public leads sample before and after users are loaded.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, TESTDATA, tempDir } from '../helpers/temp-dir';
import { runCli, type CliRun, oneJson } from '../helpers/cli-run';

const USERS = path.join(FIXTURES, 'users');
const LEADS = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv', 'leads-100.csv');
let dir: string;
let cleanup: () => void;
let ws: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'users.db');
});
afterAll(() => cleanup());

interface Issue {
  row: number;
  field: string | null;
  code: string;
}

function run(...args: string[]): CliRun {
  return runCli(ws, dir, args);
}

const json = oneJson;

const ownerIssues = (out: Record<string, unknown>): Issue[] => (out.issues as Issue[]).filter((i) => i.field === 'Owner');
const noticeCodes = (out: Record<string, unknown>): string[] => (out.notices as { code: string }[]).map((n) => n.code);

describe('owners before users are loaded', () => {
  it('imports leads-100.csv into Leads with no error on Lead Owner, and says so once', () => {
    const r = run('import', LEADS, '--module', 'Leads', '--json');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({ batch: 1, rows: 100 });
    expect(ownerIssues(out)).toEqual([]);
    expect(out.invalid).toBeLessThan(100);
    expect(noticeCodes(out)).toEqual(['OWNERS_UNRESOLVED']);
    const human = run('batch', 'show', '1');
    expect(human.stdout).toContain('Note [Lead Owner]: Lead Owner holds names, not user ids');
  });
});

describe('preflight users load', () => {
  it('loads a saved Users API response and reports the counts', () => {
    const r = run('users', 'load', path.join(USERS, 'users-api.json'), '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ module: 'Users', format: 'users-api-json', loaded: 104, inserted: 104, updated: 0, active: 103, inactive: 1, rejected: 0 });
  });

  it('lists Users in replica stats', () => {
    expect(json(run('replica', 'stats', '--json').stdout)).toEqual({ modules: { Users: 104 } });
  });

  it('updates the same users by id from a CSV export, and says it for a person', () => {
    const r = run('users', 'load', path.join(USERS, 'users-export.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Loaded 104 users (0 new, 104 updated; 103 active, 1 not active) from a users-csv file; 104 users in the workspace.');
  });

  it('refuses a users CSV without ids with MISSING_ID_COLUMN (exit 1), and a wrong command line with usage (exit 2)', () => {
    const r = run('users', 'load', path.join(USERS, 'users-no-id.csv'), '--json');
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toEqual({ error: { code: 'MISSING_ID_COLUMN', message: expect.stringContaining('GET /crm/v2/users') } });
    expect(run('users', 'load', path.join(USERS, 'users-no-id.csv')).stderr).toContain('[MISSING_ID_COLUMN]');
    for (const args of [['users', 'load'], ['users', 'load', 'a.json', 'b.json'], ['batch', 'validate'], ['batch', 'validate', 'x']]) {
      const u = run(...args);
      expect(u.code).toBe(2);
      expect(u.stderr).toContain('Usage: preflight');
    }
    expect(json(run('replica', 'stats', '--json').stdout)).toEqual({ modules: { Users: 104 } });
  });

  it('never imports into Users, nor loads it as a records export', () => {
    const imp = run('import', LEADS, '--module', 'Users', '--json');
    expect(imp.code).toBe(1);
    expect((json(imp.stdout).error as { code: string }).code).toBe('NOT_SUPPORTED');
    const rep = run('replica', 'load', '--module', 'Users', path.join(USERS, 'users-export.csv'), '--json');
    expect(rep.code).toBe(1);
    expect((json(rep.stdout).error as { code: string }).code).toBe('NOT_SUPPORTED');
  });
});

describe('owners after users are loaded', () => {
  it('the earlier batch asks to be validated again; batch validate resolves its owners', () => {
    expect(noticeCodes(json(run('batch', 'show', '1', '--json').stdout))).toEqual(['OWNERS_STALE']);
    const r = run('batch', 'validate', '1', '--json');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(ownerIssues(out)).toEqual([]);
    expect(noticeCodes(out)).toEqual(['OWNERS_RESOLVED']);
  });

  it('imports leads-100.csv again with zero owner errors', () => {
    const out = json(run('import', LEADS, '--module', 'Leads', '--json').stdout);
    expect(ownerIssues(out)).toEqual([]);
    expect(noticeCodes(out)).toEqual(['OWNERS_RESOLVED']);
  });

  it('marks inactive, ambiguous and unknown owners as Zoho would', () => {
    const out = json(run('import', path.join(USERS, 'owner-cases.csv'), '--module', 'Leads', '--json').stdout);
    expect(ownerIssues(out).map((i) => [i.row, i.code])).toEqual([
      [1, 'INVALID_DATA'],
      [2, 'AMBIGUOUS_LOOKUP'],
      [3, 'LOOKUP_NOT_FOUND'],
      [6, 'LOOKUP_NOT_FOUND'],
    ]);
  });
});
