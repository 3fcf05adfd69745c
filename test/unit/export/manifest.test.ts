import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { manifestSummaryCsv, moduleRank, readmeText, rowAt, toRanges, type Manifest } from '../../../electron/core/engines/export/manifest';

const manifest: Manifest = {
  format: 'preflight-bulk-write-export',
  version: 1,
  export: 7,
  created_at: '2026-11-22T10:00:00.000Z',
  api_version: 'v2',
  operation: 'insert',
  jobs: [
    { job: 1, module: 'Accounts', operation: 'insert', stage: 1, batch: 2, zip: 'a.zip', job_file: 'a.json', csv: 'a.csv', rows: 3, first_row: 1, last_row: 4, row_ranges: [[1, 2], [4, 4]], columns: ['Account_Name'], find_by: null, after_jobs: [], zip_bytes: 10, sha256: 'ab', csv_sha256: 'cd' },
    { job: 2, module: 'Contacts', operation: 'insert', stage: 2, batch: 3, zip: '=evil.zip', job_file: 'b.json', csv: 'b.csv', rows: 1, first_row: 1, last_row: 1, row_ranges: [[1, 1]], columns: ['Email'], find_by: null, after_jobs: [1], zip_bytes: 10, sha256: 'ef', csv_sha256: 'gh' },
  ],
  batches: [],
  api_credits: 1000,
};

describe('manifest', () => {
  it('orders modules parents first, others after', () => {
    const sorted = ['Invoices', 'Leads', 'Contacts', 'Accounts', 'Quotes', 'Deals', 'Sales_Orders', 'Products'].sort((a, b) => moduleRank(a) - moduleRank(b) || a.localeCompare(b));
    expect(sorted).toEqual(['Accounts', 'Contacts', 'Deals', 'Products', 'Quotes', 'Sales_Orders', 'Invoices', 'Leads']);
  });

  it('compresses row numbers into runs and finds a position in them', () => {
    const ranges = toRanges([1, 2, 3, 5, 6, 9]);
    expect(ranges).toEqual([[1, 3], [5, 6], [9, 9]]);
    expect([0, 2, 3, 4, 5, 6].map((p) => rowAt(ranges, p))).toEqual([1, 3, 5, 6, 9, null]);
  });

  it('writes a spreadsheet-safe summary CSV with one line per job', () => {
    const parsed = Papa.parse<string[]>(manifestSummaryCsv(manifest).trim(), { header: false }).data;
    expect(parsed[0]?.[0]).toBe('job');
    expect(parsed).toHaveLength(3);
    expect(parsed[2]?.[4]).toBe("'=evil.zip");
    expect(parsed[2]?.[9]).toBe('1');
  });

  it('README names the upload headers, the placeholder and the order', () => {
    const text = readmeText(manifest);
    expect(text).toContain('feature: bulk-write');
    expect(text).toContain('X-CRM-ORG');
    expect(text).toContain('REPLACE_WITH_FILE_ID');
    expect(text).toContain('1000 API credits');
    expect(text.indexOf('a.zip')).toBeLessThan(text.indexOf('=evil.zip'));
    expect(text).toContain('only after job(s) 1 completed');
    expect(text).toContain('preflight results load');
  });
});
