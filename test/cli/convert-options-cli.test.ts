/**
 * `preflight convert options`, run as a user runs it: a real process on a real workspace file,
 * printing Zoho's Lead Conversion Options body (or nothing for 204) and the reasons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSION_FIXTURES, IDS } from '../helpers/conversion-replica';
import { tempDir } from '../helpers/temp-dir';
import { runCli, type CliRun, oneJson } from '../helpers/cli-run';

let dir: string;
let cleanup: () => void;
let ws: string;

function run(args: string[]): CliRun {
  return runCli(ws, dir, args);
}

const json = oneJson;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
  expect(run(['metadata', 'load', '--module', 'Contacts', path.join(CONVERSION_FIXTURES, 'Contacts.fields-phone-unique.json')]).code).toBe(0);
  for (const m of ['Leads', 'Contacts', 'Accounts']) {
    expect(run(['replica', 'load', '--module', m, path.join(CONVERSION_FIXTURES, `${m}.records.json`)]).code).toBe(0);
  }
}, 120_000);
afterAll(() => cleanup());

type Body = { __conversion_options: { module_preference: { api_name: string }; Contacts: { id: string }[] | null; Accounts: { id: string }[] | null; preference_field_matched_value: { Contacts: { field: { api_name: string } }[] } } };

describe('preflight convert options', () => {
  it('prints exactly the API body for a replica lead', () => {
    const r = run(['convert', 'options', '--lead', IDS.patLead, '--json']);
    expect(r.code).toBe(0);
    const body = json(r.stdout) as Body;
    expect(Object.keys(body)).toEqual(['__conversion_options']);
    expect(body.__conversion_options.module_preference.api_name).toBe('Contacts');
    expect(body.__conversion_options.Contacts?.map((c) => c.id)).toEqual([IDS.patContact, IDS.boyleContact]);
    expect(body.__conversion_options.preference_field_matched_value.Contacts.map((m) => m.field.api_name)).toEqual(['Phone', 'Email']);
  });

  it('prints the matches and notes for a person, and {} (204) when the Contacts module is removed', () => {
    const text = run(['convert', 'options', '--lead', IDS.patLead]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`GET /crm/v8/Leads/${IDS.patLead}/__conversion_options -> 200`);
    expect(text.stdout).toContain(`Pat Boyle ${IDS.patContact} - matched Phone = 9844444444`);
    const none = run(['convert', 'options', '--lead', IDS.patLead, '--without', 'Contacts', '--json']);
    expect(none.code).toBe(0);
    expect(json(none.stdout)).toEqual({});
    const details = json(run(['convert', 'options', '--lead', IDS.patLead, '--without', 'Accounts', '--details', '--json']).stdout) as { status: number; body: Body; notes: string[] };
    expect(details.status).toBe(200);
    expect(details.body.__conversion_options.Accounts).toBeNull();
    expect(details.notes[0]).toContain('only Contact options are listed');
  });

  it('answers for a batch row, and refuses what is not there (exit 1) or a wrong command line (exit 2)', () => {
    const csv = path.join(dir, 'leads.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,Company,Email\nPat,Boyle,Zylker Biotech,pat.boyle@zylker.com\n');
    const imported = json(run(['import', csv, '--module', 'Leads', '--json']).stdout) as { batch: number };
    const r = run(['convert', 'options', '--batch', String(imported.batch), '--row', '1', '--details', '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { status: number; path: string | null; matchedBy: { Contacts: Record<string, { field: string }[]> } };
    expect(out).toMatchObject({ status: 200, path: null });
    expect(out.matchedBy.Contacts[IDS.boyleContact]).toEqual([{ field: 'Email', value: 'pat.boyle@zylker.com' }]);
    const missing = run(['convert', 'options', '--lead', '123', '--json']);
    expect(missing.code).toBe(1);
    expect((json(missing.stdout) as { error: { code: string } }).error.code).toBe('RECORD_NOT_FOUND');
    expect(run(['convert', 'options', '--batch', '1']).code).toBe(2);
    expect(run(['convert', 'options', '--lead', IDS.patLead, '--without', 'Deals']).code).toBe(2);
  });
});
