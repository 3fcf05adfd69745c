/**
 * `preflight dedupe`, run as a user runs it: a real process on a real workspace file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/temp-dir';
import { runCli, type CliRun } from '../helpers/cli-run';

const R = path.join(FIXTURES, 'review');
let dir: string;
let cleanup: () => void;
let ws: string;

function run(args: string[]): CliRun {
  return runCli(ws, dir, args);
}

function one(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

interface DedupeJson {
  batch: number;
  matches: { row: number; candidates: { module: string; id: string; score: number; rule: string; matched: { field: string; value: string }[] }[]; duplicates: { row: number; score: number }[] }[];
  clusters: number[][];
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
  expect(run(['metadata', 'load', '--module', 'Contacts', path.join(R, 'contacts-fields.json')]).code).toBe(0);
  for (const m of ['Contacts', 'Accounts', 'Leads']) expect(run(['replica', 'load', '--module', m, path.join(R, `${m}.bulk-read.csv`)]).code).toBe(0);
  expect(run(['import', path.join(R, 'trade-show-leads.csv'), '--module', 'Leads']).code).toBe(0);
});
afterAll(() => cleanup());

describe('preflight dedupe', () => {
  it('prints the matches and clusters as CLI.md says, candidates best first', () => {
    const r = run(['dedupe', '1', '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as unknown as DedupeJson;
    expect(out.batch).toBe(1);
    const pat = out.matches.find((m) => m.row === 1);
    expect(pat?.candidates.map((c) => [c.module, c.id])).toEqual(
      expect.arrayContaining([
        ['Contacts', '4876876000007421001'],
        ['Contacts', '4876876000007437017'],
        ['Accounts', '4876876000007421010'],
      ]),
    );
    expect(pat?.candidates[0]).toMatchObject({ module: 'Contacts', id: '4876876000007421001', rule: 'unique' });
    expect(pat?.candidates[0]?.matched[0]).toEqual({ field: 'Phone', value: '9844444444' });
    for (const m of out.matches) {
      const scores = m.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
    }
    expect(out.clusters).toEqual([[5, 6]]);
    expect(out.matches.find((m) => m.row === 5)?.duplicates.map((d) => d.row)).toEqual([6]);
    expect(out.matches.some((m) => m.row === 4)).toBe(false);
  });

  it('takes --against and prints a summary for a person without --json', () => {
    const r = run(['dedupe', '1', '--against', 'Accounts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('compared with Accounts');
    expect(r.stdout).toContain('row 1: Accounts 4876876000007421010');
    const json = one(run(['dedupe', '1', '--against', 'Accounts', '--json']).stdout) as unknown as DedupeJson;
    expect(new Set(json.matches.flatMap((m) => m.candidates.map((c) => c.module)))).toEqual(new Set(['Accounts']));
  });

  it('exits 1 with a coded error for data it refuses, 2 for a wrong command line', () => {
    const missing = run(['dedupe', '7', '--json']);
    expect(missing.code).toBe(1);
    expect(one(missing.stdout)).toEqual({ error: { code: 'BATCH_NOT_FOUND', message: 'There is no batch 7 in this workspace.' } });
    const unknown = run(['dedupe', '1', '--against', 'Nope_Module', '--json']);
    expect(unknown.code).toBe(1);
    expect((one(unknown.stdout).error as { code: string }).code).toBe('UNKNOWN_MODULE');
    expect(run(['dedupe']).code).toBe(2);
    expect(run(['dedupe', 'one']).code).toBe(2);
    expect(run(['dedupe', '1', '--against', ',']).code).toBe(2);
    expect(run(['dedupe', '1', '--against']).code).toBe(2);
  });
});
