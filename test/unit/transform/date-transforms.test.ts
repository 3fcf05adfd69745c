import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectDateOrder, toDate, toDateTime } from '../../../electron/core/engines/transform';
import { TESTDATA } from '../../helpers/temp-dir';

const CSVKIT = path.join(TESTDATA, 'csv-edge', 'csvkit-examples');
const DATABLIST = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv');

function readRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function column(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l !== '');
}

function reason(r: { ok: true; value: string } | { ok: false; reason: string }): string {
  return r.ok ? `(converted to ${r.value})` : r.reason;
}

describe('toDate', () => {
  it.each([
    ['24/08/2020', 'dmy', '2020-08-24'],
    ['24/8/20', 'dmy', '2020-08-24'],
    ['8/24/2020', 'mdy', '2020-08-24'],
    ['2020/08/24', 'ymd', '2020-08-24'],
    ['20/08/24', 'ymd', '2020-08-24'],
    ['24-08-2020', 'dmy', '2020-08-24'],
    ['24.08.2020', 'dmy', '2020-08-24'],
    ['24 08 2020', 'dmy', '2020-08-24'],
    ['24 Aug 2020', 'dmy', '2020-08-24'],
    ['24-AUG-20', 'dmy', '2020-08-24'],
    ['August 24, 2020', 'mdy', '2020-08-24'],
    ['Aug 24th 2020', 'dmy', '2020-08-24'],
    ['Mon, 24 August 2020', 'dmy', '2020-08-24'],
    ['24 Sept 2020', 'dmy', '2020-09-24'],
    ['2020-08-24', 'dmy', '2020-08-24'],
    ['2020-08-24', 'mdy', '2020-08-24'],
    ['2020-08-24', 'excel', '2020-08-24'],
    ['20140102', 'ymd', '2014-01-02'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    ['1/1/49', 'dmy', '2049-01-01'],
    ['1/1/50', 'dmy', '1950-01-01'],
    ['1/1/00', 'dmy', '2000-01-01'],
    ['24/08/2020 14:30', 'dmy', '2020-08-24'],
    ['2020-08-24T23:30:00-05:00', 'dmy', '2020-08-24'],
    ['  24/08/2020  ', 'dmy', '2020-08-24'],
  ] as const)('%s in %s order → %s', (input, order, expected) => {
    expect(toDate(input, order)).toEqual({ ok: true, value: expected });
  });

  it('refuses impossible dates with a reason that names the order', () => {
    const r = toDate('31/02/2024', 'dmy');
    expect(r.ok).toBe(false);
    expect(reason(r)).toContain('“31/02/2024” is not a real date in day/month/year order');
    expect(reason(r)).toContain('February 2024 has 29 days');
    expect(reason(toDate('29/02/2023', 'dmy'))).toContain('February 2023 has 28 days');
    expect(reason(toDate('13/25/2020', 'mdy'))).toContain('there is no month 13');
    expect(reason(toDate('24/8/20', 'mdy'))).toContain('there is no month 24');
  });

  it('refuses what is not a date in the declared order', () => {
    for (const bad of ['4.5', '1,7', 'tomorrow', '24/08', '24/08/2020/1', 'Foo 24 2020', '24/8/202', '123/1/2020', '1/123/2020', '20140102']) {
      const r = toDate(bad, 'dmy');
      expect(r.ok, bad).toBe(false);
      expect(reason(r), bad).toContain(`“${bad}”`);
    }
  });

  it('refuses long free text without trying to read it', () => {
    expect(reason(toDate(`24/08/2020 ${'word '.repeat(2000)}`, 'dmy'))).toContain('too long to be a date');
  });

  it('keeps empty cells empty', () => {
    expect(toDate('', 'dmy')).toEqual({ ok: true, value: '' });
    expect(toDate('   ', 'mdy')).toEqual({ ok: true, value: '' });
  });

  it('reads Excel serials with the 1900 leap-year bug', () => {
    expect(toDate('1', 'excel')).toEqual({ ok: true, value: '1900-01-01' });
    expect(toDate('59', 'excel')).toEqual({ ok: true, value: '1900-02-28' });
    expect(toDate('61', 'excel')).toEqual({ ok: true, value: '1900-03-01' });
    expect(toDate('45292', 'excel')).toEqual({ ok: true, value: '2024-01-01' });
    expect(toDate('44067.75', 'excel')).toEqual({ ok: true, value: '2020-08-24' });
    expect(toDate('2958465', 'excel')).toEqual({ ok: true, value: '9999-12-31' });
    expect(reason(toDate('60', 'excel'))).toContain('29 February 1900');
    expect(toDate('0', 'excel').ok).toBe(false);
    expect(toDate('2958466', 'excel').ok).toBe(false);
    expect(reason(toDate('24/08/2020', 'excel'))).toContain('not an Excel serial');
  });

  it('reads the csvkit day-first and compact examples', () => {
    const dayFirst = column(path.join(CSVKIT, 'test_date_format.csv'));
    expect(dayFirst.map((v) => toDate(v, 'dmy'))).toEqual([
      { ok: true, value: '2014-01-02' },
      { ok: true, value: '2012-12-31' },
    ]);
    expect(toDate(dayFirst[1] as string, 'mdy').ok).toBe(false);
    const compact = column(path.join(CSVKIT, 'test_numeric_date_format.csv'));
    expect(compact.map((v) => toDate(v, 'ymd'))).toEqual([
      { ok: true, value: '2014-01-02' },
      { ok: true, value: '2012-12-31' },
    ]);
    expect(detectDateOrder(dayFirst)).toMatchObject({ orders: ['dmy'], ambiguous: false });
    expect(detectDateOrder(compact)).toMatchObject({ orders: ['ymd'], ambiguous: false });
  });

  it('converts the spreadsheet-resaved dates back to the original file, row by row', () => {
    const original = new Map(readRows(path.join(DATABLIST, 'customers-100.csv')).map((r) => [r['Index'], r['Subscription Date']]));
    const resaved = readRows(path.join(DATABLIST, 'excel-resaved-copies', 'customers-100.excel-resaved.csv'));
    expect(resaved).toHaveLength(100);
    let compared = 0;
    for (const row of resaved) {
      const mangled = row['Subscription Date'] as string;
      expect(mangled).toMatch(/^\d{1,2}\/\d{1,2}\/\d{2}$/);
      expect(toDate(mangled, 'dmy'), `row ${row['Index']}`).toEqual({ ok: true, value: original.get(row['Index']) });
      compared += 1;
    }
    expect(compared).toBe(100);
    // The whole column settles the order: "8/9/21" cannot be yy/m/d (a one-digit year).
    const column = resaved.map((r) => r['Subscription Date'] as string);
    expect(detectDateOrder(column)).toMatchObject({ orders: ['dmy'], ambiguous: false });
    // The first three rows alone ("24/8/20", …) read as d/m/yy and as yy/m/d: flagged.
    const firstRows = detectDateOrder(column.slice(0, 3));
    expect(firstRows.orders).toEqual(['dmy', 'ymd']);
    expect(firstRows.ambiguous).toBe(true);
    expect(firstRows.reason).toContain('“24/8/20” reads as 2020-08-24 in day/month/year order but as 2024-08-20 in year/month/day order');
  });

  it('leaves ISO dates from the datablist files as they are under any order', () => {
    const dates = readRows(path.join(DATABLIST, 'people-1000.csv')).map((r) => r['Date of birth'] as string);
    expect(dates).toHaveLength(1000);
    for (const order of ['dmy', 'mdy', 'ymd', 'excel'] as const) {
      expect(dates.every((d) => toDate(d, order).ok && (toDate(d, order) as { value: string }).value === d)).toBe(true);
    }
  });
});

describe('toDateTime', () => {
  it.each([
    ['24/08/2020 14:30', 'dmy', '+05:30', '2020-08-24T14:30:00+05:30'],
    ['24/08/2020 2:30 PM', 'dmy', '-08:00', '2020-08-24T14:30:00-08:00'],
    ['24/08/2020 12:05 am', 'dmy', 'Z', '2020-08-24T00:05:00+00:00'],
    ['24/08/2020 12:05 p.m.', 'dmy', 'UTC', '2020-08-24T12:05:00+00:00'],
    ['8/24/2020 3pm', 'mdy', '+0100', '2020-08-24T15:00:00+01:00'],
    ['24/08/2020 14:30:59.999', 'dmy', '+00:00', '2020-08-24T14:30:59+00:00'],
    ['24/08/2020', 'dmy', '+02:00', '2020-08-24T00:00:00+02:00'],
    ['2020-08-24T10:00:00Z', 'dmy', 'Europe/Paris', '2020-08-24T10:00:00+00:00'],
    ['2020-08-24 10:00 +0530', 'dmy', 'Europe/Paris', '2020-08-24T10:00:00+05:30'],
    ['44067.75', 'excel', '+00:00', '2020-08-24T18:00:00+00:00'],
    ['44067.99999999', 'excel', '+00:00', '2020-08-25T00:00:00+00:00'],
  ] as const)('%s (%s, %s) → %s', (input, order, zone, expected) => {
    expect(toDateTime(input, order, zone)).toEqual({ ok: true, value: expected });
  });

  it('uses the offset an IANA zone had at that wall time', () => {
    expect(toDateTime('15/01/2024 10:00', 'dmy', 'Europe/London')).toEqual({ ok: true, value: '2024-01-15T10:00:00+00:00' });
    expect(toDateTime('01/07/2024 10:00', 'dmy', 'Europe/London')).toEqual({ ok: true, value: '2024-07-01T10:00:00+01:00' });
    expect(toDateTime('07/01/2024 09:15', 'mdy', 'America/New_York')).toEqual({ ok: true, value: '2024-07-01T09:15:00-04:00' });
    expect(toDateTime('01/15/2024 09:15', 'mdy', 'America/New_York')).toEqual({ ok: true, value: '2024-01-15T09:15:00-05:00' });
    expect(toDateTime('2024-03-10 12:00', 'ymd', 'Asia/Kolkata')).toEqual({ ok: true, value: '2024-03-10T12:00:00+05:30' });
    expect(toDateTime('2024-01-10 12:00', 'ymd', 'Australia/Sydney')).toEqual({ ok: true, value: '2024-01-10T12:00:00+11:00' });
    expect(toDateTime('2024-01-10 12:00', 'ymd', 'Pacific/Chatham')).toEqual({ ok: true, value: '2024-01-10T12:00:00+13:45' });
  });

  it('refuses a wall time skipped by the clocks going forward, and takes the first of a repeated one', () => {
    const gap = toDateTime('31/03/2024 01:30', 'dmy', 'Europe/London');
    expect(gap.ok).toBe(false);
    expect(reason(gap)).toContain('never happened in Europe/London');
    expect(toDateTime('27/10/2024 01:30', 'dmy', 'Europe/London')).toEqual({ ok: true, value: '2024-10-27T01:30:00+01:00' });
    expect(toDateTime('27/10/2024 02:30', 'dmy', 'Europe/London')).toEqual({ ok: true, value: '2024-10-27T02:30:00+00:00' });
    expect(toDateTime('2024-03-10 02:30', 'ymd', 'America/New_York').ok).toBe(false);
    expect(toDateTime('2024-11-03 01:30', 'ymd', 'America/New_York')).toEqual({ ok: true, value: '2024-11-03T01:30:00-04:00' });
  });

  it('refuses unknown zones, impossible times and AM/PM hours out of range', () => {
    expect(reason(toDateTime('24/08/2020 10:00', 'dmy', 'Mars/Olympus'))).toContain('is not a time zone');
    expect(toDateTime('24/08/2020 10:00', 'dmy', '').ok).toBe(false);
    expect(reason(toDateTime('24/08/2020 25:00', 'dmy', 'Z'))).toContain('time that does not exist');
    expect(reason(toDateTime('24/08/2020 10:60', 'dmy', 'Z'))).toContain('time that does not exist');
    expect(reason(toDateTime('24/08/2020 13:00 PM', 'dmy', 'Z'))).toContain('AM/PM');
    expect(reason(toDateTime('24/08/2020 10:00 +15:00', 'dmy', 'Z'))).toContain('±14:00');
    expect(reason(toDateTime('31/02/2024 10:00', 'dmy', 'Z'))).toContain('not a real date in day/month/year order');
  });

  it('keeps empty cells empty', () => {
    expect(toDateTime('', 'dmy', 'Europe/London')).toEqual({ ok: true, value: '' });
  });
});

describe('detectDateOrder', () => {
  it('flags columns where day and month cannot be told apart', () => {
    const r = detectDateOrder(['03/04/2020', '', '11/12/2021']);
    expect(r.orders).toEqual(['dmy', 'mdy']);
    expect(r.ambiguous).toBe(true);
    expect(r.reason).toContain('“03/04/2020” reads as 2020-04-03 in day/month/year order but as 2020-03-04 in month/day/year order');
  });

  it('settles the order when one value has a day above 12', () => {
    expect(detectDateOrder(['03/04/2020', '25/04/2020'])).toMatchObject({ orders: ['dmy'], ambiguous: false });
    expect(detectDateOrder(['03/04/2020', '04/25/2020'])).toMatchObject({ orders: ['mdy'], ambiguous: false });
  });

  it('does not flag values that read the same either way', () => {
    expect(detectDateOrder(['05/05/2020', '2020-01-31'])).toMatchObject({ orders: ['dmy', 'mdy'], ambiguous: false });
  });

  it('recognises Excel serial columns and mixed columns no order can read', () => {
    expect(detectDateOrder(['45292', '45293.5'])).toMatchObject({ orders: ['excel'], ambiguous: false });
    const mixed = detectDateOrder(['25/04/2020', '04/25/2020']);
    expect(mixed.orders).toEqual([]);
    expect(mixed.reason).toContain('No single order reads every value');
  });

  it('has nothing to judge in an empty column', () => {
    expect(detectDateOrder(['', '  '])).toMatchObject({ orders: ['dmy', 'mdy', 'ymd', 'excel'], ambiguous: false });
  });
});
