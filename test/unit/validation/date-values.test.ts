import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../shared/validation';
import { codeFor, makeField, messageFor } from './make-field';

describe('date', () => {
  const closing = makeField('date', { label: 'Closing Date' });

  it.each(['2019-08-28', '2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(checkValue(closing, value)).toBeNull();
  });

  it('refuses Feb 29 outside leap years, with the reason', () => {
    expect(codeFor(closing, '2023-02-29')).toBe('INVALID_DATA');
    expect(messageFor(closing, '2023-02-29')).toBe('“2023-02-29” is not a real date: 2023 is not a leap year, so February has 28 days.');
    expect(codeFor(closing, '1900-02-29')).toBe('INVALID_DATA');
    expect(codeFor(closing, '2100-02-29')).toBe('INVALID_DATA');
  });

  it.each([
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'there is no month 13'],
    ['2024-00-10', 'there is no month 00'],
    ['2024-01-00', 'there is no day 00'],
    ['0000-01-01', 'there is no year 0000'],
  ])('refuses %s', (value, reason) => {
    expect(codeFor(closing, value)).toBe('INVALID_DATA');
    expect(messageFor(closing, value)).toContain(reason);
  });

  it('gives the fix when only one reading is possible', () => {
    expect(checkValue(closing, '12/31/2024')).toEqual({
      code: 'INVALID_DATA',
      severity: 'error',
      message: '“12/31/2024” is not a date Zoho accepts: write it as yyyy-MM-dd (2024-12-31); a date transform converts the whole column.',
    });
    expect(messageFor(closing, '2024/1/5')).toContain('(2024-01-05)');
    expect(messageFor(closing, '2024-1-5')).toContain('(2024-01-05)');
    expect(messageFor(closing, '31.12.2024')).toContain('(2024-12-31)');
  });

  it('calls a date ambiguous when it has several readings', () => {
    const v = checkValue(closing, '01/02/2024');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.severity).toBe('error');
    expect(v?.message).toContain('could mean 2024-02-01 or 2024-01-02');
    expect(v?.message).toContain('date transform');
  });

  it('calls a two-digit year ambiguous even with one reading', () => {
    const v = checkValue(closing, '12/31/24');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.message).toContain('2024-12-31');
    expect(v?.message).toContain('another century');
  });

  it('reads a spreadsheet’s 24/8/20 as day/month/year or year/month/day, never as a date', () => {
    const v = checkValue(closing, '24/8/20');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.message).toContain('could mean 2020-08-24 or 2024-08-20');
  });

  it('treats one reading the same for dd/mm and mm/dd (5/5/2024)', () => {
    expect(messageFor(closing, '5/5/2024')).toContain('write it as yyyy-MM-dd (2024-05-05)');
  });

  it('says when no order gives a real date', () => {
    expect(messageFor(closing, '31/31/2024')).toContain('no order of day, month and year makes it a real date');
  });

  it('spots a spreadsheet serial day number', () => {
    const v = checkValue(closing, '45292');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.message).toContain('in Excel it is 2024-01-01');
  });

  it('refuses a time of day in a date field, with the fix', () => {
    expect(messageFor(closing, '2024-01-05T10:00:00+05:30')).toContain('takes yyyy-MM-dd only (write 2024-01-05)');
    expect(messageFor(closing, '2024-01-05 10:00')).toContain('(write 2024-01-05)');
  });

  it.each([
    ['words', 'August 28, 2019'],
    ['a month name', '28-Aug-2019'],
    ['compact digits', '20190828'],
  ])('refuses %s with the expected format', (_case, value) => {
    expect(codeFor(closing, value)).toBe('INVALID_DATA');
    expect(messageFor(closing, value)).toContain('write it as yyyy-MM-dd (for example 2019-08-28)');
  });

  it('says to trim spaces', () => {
    expect(messageFor(closing, ' 2024-01-05')).toContain('add a trim transform');
  });
});

describe('datetime', () => {
  const when = makeField('datetime', { label: 'Meeting Time', length: 120 });

  it.each([
    '2020-01-03T15:19:52+05:30', // the seed's created_time
    '2024-02-29T00:00:00+00:00',
    '2024-12-31T23:59:59-12:00',
    '2024-06-01T12:00:00+14:00',
    '2024-06-01T12:00:00+05:45',
    '2024-06-01T12:00:00-00:00',
  ])('accepts %s', (value) => {
    expect(checkValue(when, value)).toBeNull();
  });

  it('refuses Z and gives the +00:00 form (the seed documents only ±HH:mm)', () => {
    const v = checkValue(when, '2024-01-05T10:00:00Z');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.message).toBe(
      '“2024-01-05T10:00:00Z” is not a date/time Zoho accepts (Zoho wants the UTC offset as +00:00, not Z): ' +
        'write it as yyyy-MM-ddTHH:mm:ss±HH:mm (2024-01-05T10:00:00+00:00).',
    );
  });

  it.each([
    ['a compact offset', '2024-01-05T10:00:00+0530', '(2024-01-05T10:00:00+05:30)'],
    ['an hour-only offset', '2024-01-05T10:00:00-03', '(2024-01-05T10:00:00-03:00)'],
    ['no seconds', '2024-01-05T10:00+01:00', '(2024-01-05T10:00:00+01:00)'],
    ['fractional seconds', '2024-01-05T10:00:00.123+01:00', '(2024-01-05T10:00:00+01:00)'],
    ['a space for the T', '2024-01-05 10:00:00+01:00', '(2024-01-05T10:00:00+01:00)'],
  ])('gives the fix for %s', (_case, value, fix) => {
    expect(codeFor(when, value)).toBe('INVALID_DATA');
    expect(messageFor(when, value)).toContain(fix);
  });

  it('asks for the time zone when the offset is missing', () => {
    expect(messageFor(when, '2024-01-05T10:00:00')).toContain('has no UTC offset');
    expect(messageFor(when, '2024-01-05 10:00')).toContain('declare the time zone');
  });

  it('asks for the time when only a date is given', () => {
    expect(messageFor(when, '2024-01-05')).toContain('has no time');
  });

  it.each([
    ['Feb 29 in a non-leap year', '2023-02-29T10:00:00+00:00', '2023 is not a leap year'],
    ['hour 24', '2024-01-05T24:00:00+00:00', 'there is no hour 24'],
    ['minute 60', '2024-01-05T10:60:00+00:00', 'minutes and seconds run 00-59'],
    ['a leap second', '2024-01-05T10:00:60+00:00', 'minutes and seconds run 00-59'],
    ['offset +15:00', '2024-01-05T10:00:00+15:00', 'UTC offsets run from -12:00 to +14:00'],
    ['offset -13:00', '2024-01-05T10:00:00-13:00', 'UTC offsets run from -12:00 to +14:00'],
    ['offset minutes 60', '2024-01-05T10:00:00+05:60', 'UTC offsets run from -12:00 to +14:00'],
    ['a bad offset in a near miss', '2024-01-05T10:00:00+1900', 'UTC offsets run from -12:00 to +14:00'],
  ])('refuses %s', (_case, value, reason) => {
    expect(codeFor(when, value)).toBe('INVALID_DATA');
    expect(messageFor(when, value)).toContain(reason);
  });

  it('accepts Feb 29 in a leap year', () => {
    expect(codeFor(when, '2024-02-29T10:00:00+00:00')).toBe('ok');
  });

  it('calls a day/month date with a time ambiguous', () => {
    const v = checkValue(when, '03/04/2024 10:00');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.message).toContain('could mean 2024-04-03 or 2024-03-04');
  });

  it('points to the date part when one reading is possible', () => {
    expect(messageFor(when, '12/31/2024 10:00')).toContain('the date is 2024-12-31');
  });

  it('refuses other text with the expected format', () => {
    expect(messageFor(when, 'tomorrow at noon')).toContain('write it as yyyy-MM-ddTHH:mm:ss±HH:mm');
  });
});
