import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CALLING_CODES, splitPhoneExtension, toPhone, type TransformResult } from '../../../electron/core/engines/transform';
import { TESTDATA } from '../../helpers/temp-dir';

const DATABLIST = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv');

function readRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DATABLIST, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function phones(file: string, columns: string[]): string[] {
  return readRows(file).flatMap((r) => columns.map((c) => r[c] as string));
}

function tally(values: string[], convert: (v: string) => TransformResult): { ok: number; refused: number; bad: string[] } {
  let ok = 0;
  let refused = 0;
  const bad: string[] = [];
  for (const v of values) {
    const r = convert(v);
    if (r.ok) {
      ok += 1;
      if (!/^\+?\d+$/.test(r.value)) bad.push(`${v} → ${r.value}`);
    } else {
      refused += 1;
      // Every refusal names the value, so the user can find it.
      if (!r.reason.includes(`“${v}”`) || r.reason.length < 20) bad.push(`${v}: ${r.reason}`);
    }
  }
  return { ok, refused, bad };
}

describe('toPhone without E.164', () => {
  it.each([
    ['(555) 010-0199 ext. 12', '5550100199'],
    ['(422)787-2331x71127', '4227872331'],
    ['229.077.5154', '2290775154'],
    ['+1-537-466-3245x3699', '+15374663245'],
    ['001-084-906-7849x73518', '0010849067849'],
    ['+44 (0) 20 7946 0000', '+442079460000'],
    ['0044 (0)20 7946 0000', '00442079460000'],
    ['030/1234567', '0301234567'],
    ['+49\u00a030\u00a012345678', '+493012345678'],
    ['  0612345678  ', '0612345678'],
    ['555 0199 #12', '5550199'],
    ['+1 555 0100;ext=7', '+15550100'],
  ])('%s → %s', (input, expected) => {
    expect(toPhone(input, false, null)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['-1199', 'minus'],
    ['4.47911E+11', 'scientific notation'],
    ['call after 5', 'letters'],
    ['1-800-FLOWERS', 'letters'],
    ['n/a', 'letters'],
    ['555-0199, 555-0200', '“,”'],
    ['+1 555 +0100', '“+”'],
    ['12', 'too short'],
  ])('refuses %s (%s)', (input, words) => {
    const r = toPhone(input, false, null);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(words);
  });

  it('keeps empty cells empty', () => {
    expect(toPhone('', false, null)).toEqual({ ok: true, value: '' });
    expect(toPhone('  ', true, 'GB')).toEqual({ ok: true, value: '' });
  });
});

describe('toPhone with E.164', () => {
  it.each([
    ['+44 (0) 20 7946 0000', null, '+442079460000'],
    ['020 7946 0000', 'GB', '+442079460000'],
    ['(0)20 7946 0000', 'gb', '+442079460000'],
    ['0044 20 7946 0000', 'DE', '+442079460000'],
    ['030 1234567', 'DE', '+49301234567'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['333 123 4567', 'IT', '+393331234567'],
    ['612 34 56 78', 'ES', '+34612345678'],
    ['06 1 234 5678', 'HU', '+3612345678'],
    ['8 (495) 123-45-67', 'RU', '+74951234567'],
    ['800 123 45 67', 'RU', '+78001234567'],
    ['(555) 234-5678 x12', 'US', '+15552345678'],
    ['1-555-234-5678', 'US', '+15552345678'],
    ['011 44 20 7946 0000', 'US', '+442079460000'],
    ['001-680-204-8312', 'US', '+16802048312'],
    ['0011 44 20 7946 0000', 'AU', '+442079460000'],
    ['0412 345 678', 'AU', '+61412345678'],
    ['98765 43210', 'IN', '+919876543210'],
  ] as const)('%s (default %s) → %s', (input, country, expected) => {
    expect(toPhone(input, true, country)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['020 7946 0000', null, 'no default country'],
    ['020 7946 0000', 'XX', 'No calling code is known'],
    ['555-0199', 'US', 'has 7 digits; a number in US has 10'],
    ['006-051-5517', 'US', 'area code 006'],
    ['+1 555 0199', null, 'after the country code 1'],
    ['+1 (555) 123-4567', null, 'exchange 123'],
    ['+1234567890123456', null, '7 to 15'],
    ['012', 'GB', 'too few'],
  ] as const)('refuses %s (default %s)', (input, country, words) => {
    const r = toPhone(input, true, country);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(words);
  });

  it('knows the calling code of at least 60 countries', () => {
    expect(Object.keys(CALLING_CODES).length).toBeGreaterThanOrEqual(60);
    for (const [iso, [code]] of Object.entries(CALLING_CODES)) {
      expect(iso).toMatch(/^[A-Z]{2}$/);
      expect(code).toMatch(/^[1-9]\d{0,2}$/);
    }
  });
});

describe('splitPhoneExtension', () => {
  it('separates the common extension forms', () => {
    expect(splitPhoneExtension('(555) 010-0199 ext. 12')).toEqual({ number: '(555) 010-0199', extension: '12' });
    expect(splitPhoneExtension('397.884.0519x718')).toEqual({ number: '397.884.0519', extension: '718' });
    expect(splitPhoneExtension('+44 20 7946 0000 extension: 5')).toEqual({ number: '+44 20 7946 0000', extension: '5' });
    expect(splitPhoneExtension('5153435776')).toEqual({ number: '5153435776', extension: null });
  });
});

describe('the datablist phone columns (about 20 formats)', () => {
  const people = phones('people-1000.csv', ['Phone']);
  const customers = phones('customers-100.csv', ['Phone 1', 'Phone 2']);

  it('all become digits and plus without E.164; extensions are counted', () => {
    expect(tally(people, (v) => toPhone(v, false, null))).toEqual({ ok: 1000, refused: 0, bad: [] });
    expect(tally(customers, (v) => toPhone(v, false, null))).toEqual({ ok: 200, refused: 0, bad: [] });
    expect(people.filter((v) => splitPhoneExtension(v).extension !== null)).toHaveLength(594);
    expect(customers.filter((v) => splitPhoneExtension(v).extension !== null)).toHaveLength(121);
  });

  it('with E.164 and default US, convert or are refused for impossible area codes', () => {
    const us = (v: string): TransformResult => toPhone(v, true, 'US');
    expect(tally(people, us)).toEqual({ ok: 617, refused: 383, bad: [] });
    expect(tally(customers, us)).toEqual({ ok: 124, refused: 76, bad: [] });
    for (const v of people) {
      const r = us(v);
      if (r.ok) expect(r.value).toMatch(/^\+1[2-9]\d{2}[2-9]\d{6}$/);
      else expect(r.reason).toMatch(/area code|country code 1/);
    }
  });

  it('with E.164 and no default country, only international forms convert', () => {
    const none = (v: string): TransformResult => toPhone(v, true, null);
    expect(tally(people, none)).toEqual({ ok: 205, refused: 795, bad: [] });
    expect(tally(customers, none)).toEqual({ ok: 40, refused: 160, bad: [] });
  });

  it.each([
    ['customers-100.csv', 'excel-resaved-copies/customers-100.excel-resaved.csv', 5],
    ['leads-100.csv', 'excel-resaved-copies/leads-100.excel-resaved.csv', 10],
  ])('refuses exactly the phones a spreadsheet turned into sums (%s)', (originalFile, resavedFile, damaged) => {
    const original = new Map(readRows(originalFile).map((r) => [r['Index'], r]));
    let refused = 0;
    let compared = 0;
    for (const row of readRows(resavedFile)) {
      const source = original.get(row['Index']) as Record<string, string>;
      for (const column of ['Phone 1', 'Phone 2']) {
        const before = source[column] as string;
        const after = row[column] as string;
        const r = toPhone(after, false, null);
        compared += 1;
        if (after === before) {
          expect(r).toEqual(toPhone(before, false, null));
          expect(r.ok).toBe(true);
        } else {
          expect(after).toMatch(/^-\d+$/);
          expect(r.ok ? '' : r.reason).toContain('starts with a minus');
          refused += 1;
        }
      }
    }
    expect(refused).toBe(damaged);
    expect(compared).toBeGreaterThanOrEqual(198);
  });
});
