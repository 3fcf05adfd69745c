/**
 * The rules against third-party sample files (shared/testdata/crm-samples/datablist-sample-csv):
 * Faker-made people and customers, and two copies a spreadsheet re-saved (dates became
 * `24/8/20`, some phones became negative numbers). Reading files is the test's job; the rules
 * stay pure.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../shared/validation';
import { TESTDATA } from '../../helpers/temp-dir';
import { makeField } from './make-field';

const DATABLIST = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv');

function readRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DATABLIST, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function column(rows: Record<string, string>[], name: string): string[] {
  return rows.map((r) => {
    const v = r[name];
    if (v === undefined) {
      throw new Error(`no column ${name}`);
    }
    return v;
  });
}

const EMAIL = makeField('email', { label: 'Email', length: 100 });
const PHONE = makeField('phone', { label: 'Phone', length: 30 });
const DATE = makeField('date', { label: 'Subscription Date' });
const WEBSITE = makeField('website', { label: 'Website', length: 255 });

function split(values: string[], field = PHONE): { accepted: string[]; refused: string[] } {
  const accepted: string[] = [];
  const refused: string[] = [];
  for (const v of values) {
    (checkValue(field, v) === null ? accepted : refused).push(v);
  }
  return { accepted, refused };
}

const people = readRows('people-1000.csv');
const customers = readRows('customers-100.csv');
const customersResaved = readRows('excel-resaved-copies/customers-100.excel-resaved.csv');
const leadsResaved = readRows('excel-resaved-copies/leads-100.excel-resaved.csv');

describe('datablist samples: emails', () => {
  it('accepts every email of people-1000 and customers-100', () => {
    const emails = [...column(people, 'Email'), ...column(customers, 'Email')];
    expect(emails).toHaveLength(1100);
    expect(emails.filter((e) => checkValue(EMAIL, e) !== null)).toEqual([]);
  });

  it('accepts both email columns of the re-saved leads (the spreadsheet left them alone)', () => {
    const emails = [...column(leadsResaved, 'Email 1'), ...column(leadsResaved, 'Email 2')];
    expect(emails.filter((e) => checkValue(EMAIL, e) !== null)).toEqual([]);
  });
});

/*
 * Phones. Zoho's documented pattern allows letters (so `x1234` extensions and vanity numbers
 * pass) and has no brackets, so the only sample phones it refuses are the bracketed area codes,
 * `(599)782-0605` with or without an extension. The counts were first taken with Zoho's original
 * pattern, atomic groups and all, in Python 3.11's `re`: people 809/191, customers 155/45.
 */
describe('datablist samples: phones', () => {
  it('people-1000: 809 accepted, 191 refused, all refused ones bracketed', () => {
    const { accepted, refused } = split(column(people, 'Phone'));
    expect([accepted.length, refused.length]).toEqual([809, 191]);
    expect(refused.filter((p) => !/^\([0-9]{3}\)[0-9]{3}-[0-9]{4}(x[0-9]+)?$/.test(p))).toEqual([]);
    // Extensions survive: 001-...x1234 and +1-...x123 forms are Zoho phones.
    expect(accepted.filter((p) => /^001-.*x[0-9]+$/.test(p)).length).toBeGreaterThan(50);
    expect(accepted.filter((p) => /^\+1-.*x[0-9]+$/.test(p)).length).toBeGreaterThan(50);
  });

  it('customers-100: 155 accepted, 45 refused over both phone columns, all refused ones bracketed', () => {
    const { accepted, refused } = split([...column(customers, 'Phone 1'), ...column(customers, 'Phone 2')]);
    expect([accepted.length, refused.length]).toEqual([155, 45]);
    expect(refused.every((p) => p.startsWith('('))).toBe(true);
  });

  it('refuses the phones a spreadsheet turned into negative numbers, saying so', () => {
    const original = new Map(customers.map((r) => [r.Index, r]));
    let negatives = 0;
    for (const r of customersResaved) {
      for (const col of ['Phone 1', 'Phone 2']) {
        const value = r[col] ?? '';
        if (!/^-[0-9]+$/.test(value)) {
          continue;
        }
        negatives++;
        const v = checkValue(PHONE, value);
        expect(v?.code).toBe('INVALID_DATA');
        expect(v?.message).toContain('spreadsheet');
        // ...while the original phone in the same cell was fine.
        expect(checkValue(PHONE, original.get(r.Index)?.[col] ?? '')).toBeNull();
      }
    }
    expect(negatives).toBe(5);
    const leadNegatives = [...column(leadsResaved, 'Phone 1'), ...column(leadsResaved, 'Phone 2')].filter((p) => p.startsWith('-'));
    expect(leadNegatives).toHaveLength(10);
    expect(split(leadNegatives).refused).toHaveLength(10);
  });
});

describe('datablist samples: dates', () => {
  it('accepts every ISO date of the originals', () => {
    const dates = [...column(customers, 'Subscription Date'), ...column(people, 'Date of birth')];
    expect(split(dates, DATE).refused).toEqual([]);
  });

  it('refuses every re-saved date like 24/8/20 as ambiguous, offering the original among its readings', () => {
    const original = new Map(customers.map((r) => [r.Index, r['Subscription Date']]));
    expect(customersResaved).toHaveLength(100);
    for (const r of customersResaved) {
      const value = r['Subscription Date'] ?? '';
      expect(value).toMatch(/^[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{2}$/);
      const v = checkValue(DATE, value);
      expect(v?.code).toBe('INVALID_DATA');
      expect(v?.severity).toBe('error');
      expect(v?.message).toContain(original.get(r.Index) ?? 'missing original');
    }
  });
});

describe('datablist samples: websites', () => {
  it('accepts every website of the customers and re-saved leads', () => {
    const sites = [...column(customers, 'Website'), ...column(leadsResaved, 'Website')];
    expect(split(sites, WEBSITE).refused).toEqual([]);
  });
});
