import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../shared/validation';
import { codeFor, makeField, messageFor } from './make-field';

// Inputs built to make a backtracking pattern explode. No timings are asserted: a pattern
// that backtracks catastrophically on these would not finish within the test timeout.
const LONG = 10_000;

describe('email', () => {
  const email = makeField('email', { label: 'Email', length: 100 });

  it.each([
    'pwarner@example.org',
    'first.last@sub.example.co.uk',
    'o\'brien+tag@example.com',
    '-dash@example.com',
    'under_score@my-host_name.example',
    'ünïcode@exämple.de',
    '名前@例え.テスト',
    'a@b.cd',
    'x@example.abcdefghijklmnopqrstuv', // 22-letter top-level domain
  ])('accepts %s', (value) => {
    expect(checkValue(email, value)).toBeNull();
  });

  it.each([
    ['no at sign', 'pwarner.example.org', 'has no “@”'],
    ['two at signs', 'a@b@example.org', 'more than one “@”'],
    ['a space inside', 'p warner@example.org', 'contains a space'],
    ['a dot first', '.dot@example.com', 'name@domain.tld'],
    ['no top-level domain', 'user@localhost', 'name@domain.tld'],
    ['a one-letter top-level domain', 'user@example.c', 'name@domain.tld'],
    ['a 23-letter top-level domain', 'x@example.abcdefghijklmnopqrstuvw', 'name@domain.tld'],
    ['a numeric top-level domain', 'user@example.123', 'name@domain.tld'],
    ['a hyphen ending a label', 'user@exa-.com', 'name@domain.tld'],
    ['a domain part under 4 characters', 'user@a.b', 'name@domain.tld'],
  ])('refuses %s', (_case, value, hint) => {
    expect(codeFor(email, value)).toBe('INVALID_DATA');
    expect(messageFor(email, value)).toContain(hint);
  });

  it('says to trim spaces around an address', () => {
    expect(messageFor(email, ' pwarner@example.org ')).toContain('add a trim transform');
  });

  it('refuses one character over the field length, 100 by default', () => {
    const at100 = `${'a'.repeat(88)}@example.com`;
    expect(at100.length).toBe(100);
    expect(checkValue(email, at100)).toBeNull();
    expect(codeFor(email, `a${at100}`)).toBe('INVALID_DATA');
    expect(codeFor(makeField('email'), `a${at100}`)).toBe('INVALID_DATA');
    expect(codeFor(makeField('email', { length: 200 }), `a${at100}`)).toBe('ok');
  });

  it('finishes on inputs that make Zoho’s original pattern backtrack', () => {
    const wide = makeField('email', { length: 100_000 });
    expect(codeFor(wide, `a@${'a'.repeat(250)}!`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `a@${'a-'.repeat(120)}.c`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `${'a'.repeat(LONG)}@${'b'.repeat(LONG)}`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `${'.'.repeat(LONG)}`)).toBe('INVALID_DATA');
  });
});

describe('phone', () => {
  const phone = makeField('phone', { label: 'Phone', length: 30 });

  it.each([
    '9800000099',
    '+919800000099',
    '857.139.8239',
    '+1-950-759-8687',
    '+1 950 759 8687',
    '001-808-617-6467x12895', // letters are allowed, so x-extensions pass
    '397.884.0519x718',
    '1-800-FLOWERS',
    '+49 30. 1234',
    '555- 1234',
    '555  1234', // two spaces
    ' 5551234', // Zoho's pattern allows a leading space (and two)
    '5551234,,123',
    '5551234;123',
    '5551234,123#45#6',
    '5551234#',
    '5551234;',
  ])('accepts %s', (value) => {
    expect(checkValue(phone, value)).toBeNull();
  });

  it.each([
    ['brackets', '(599)782-0605', 'brackets'],
    ['brackets with a space', '(555) 010-0199', 'brackets'],
    ['a spreadsheet-computed negative number', '-2237', 'spreadsheet'],
    ['a leading dot', '.5551234', 'digits'],
    ['a trailing dot', '555.1234.', 'digits'],
    ['two separators in a row', '555--1234', 'digits'],
    ['a space before a hyphen', '555 -1234', 'digits'],
    ['three spaces', '555   1234', 'digits'],
    ['a slash', '555/1234', 'digits'],
    ['a trailing space', '5551234 ', 'trim'],
    ['# right after the number', '5551234#12', 'digits'], // Zoho: # only after a , or ; part
    ['only a plus', '+', 'digits'],
    ['non-ASCII digits', '٥٥٥١٢٣٤', 'digits'],
  ])('refuses %s', (_case, value, hint) => {
    expect(codeFor(phone, value)).toBe('INVALID_DATA');
    expect(messageFor(phone, value)).toContain(hint);
  });

  it('refuses what Zoho’s atomic groups refuse: two spaces, then runs joined by dots, then “. ”', () => {
    expect(codeFor(phone, '555  12.34. 56')).toBe('INVALID_DATA');
    expect(codeFor(phone, '555  12. 34')).toBe('INVALID_DATA');
    // The same with a hyphen or a single space before it is fine in Zoho's pattern too.
    expect(codeFor(phone, '555  12-34. 56')).toBe('ok');
    expect(codeFor(phone, '555 12.34. 56')).toBe('ok');
  });

  it('refuses one character over 30, or over the field length', () => {
    expect(codeFor(phone, '1'.repeat(30))).toBe('ok');
    expect(codeFor(phone, '1'.repeat(31))).toBe('INVALID_DATA');
    expect(messageFor(phone, '1'.repeat(31))).toContain('at most 30 characters');
    expect(codeFor(makeField('phone'), '1'.repeat(31))).toBe('INVALID_DATA');
    expect(codeFor(makeField('phone', { length: 15 }), '1'.repeat(16))).toBe('INVALID_DATA');
  });

  it('finishes on 10,000-character inputs built to backtrack', () => {
    const wide = makeField('phone', { length: 100_000 });
    expect(codeFor(wide, `${'1 '.repeat(LONG / 2)}!`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `${'1'.repeat(LONG)}!`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `  ${'1.'.repeat(LONG / 2)}. 1!`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `1${',;1'.repeat(LONG / 3)}#`)).toBe('ok');
    expect(codeFor(wide, `1${',;1'.repeat(LONG / 3)}##`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `${'1  '.repeat(LONG / 3)}.`)).toBe('INVALID_DATA');
  });
});

describe('website', () => {
  const site = makeField('website', { label: 'Website', length: 255 });

  it.each([
    'http://www.stephenson.com/',
    'https://www.myers-mendez.biz/',
    'www.example.com',
    'example.com',
    'https://example.com:8443/path?q=1&r=2#frag',
    'ftp://files.example.org/pub',
    'http://例え.jp/パス',
    'https://example.com/a path with spaces',
    'https://sub.domain.example.co.uk',
  ])('accepts %s', (value) => {
    expect(checkValue(site, value)).toBeNull();
  });

  it.each([
    ['no dot', 'localhost'],
    ['a scheme only', 'https://'],
    ['a mailto link', 'mailto:someone@example.com'],
    ['javascript', 'javascript:alert(1)'],
    ['a space in the host', 'www.acme .com'],
    ['a trailing dot', 'example.com.'],
    ['a double dot', 'example..com'],
    ['credentials in the host', 'http://user:pass@example.com'],
    ['spaces around it', ' https://example.com'],
  ])('refuses %s', (_case, value) => {
    expect(codeFor(site, value)).toBe('INVALID_DATA');
  });

  it('refuses one character over the field length, 255 by default', () => {
    const at255 = `https://example.com/${'p'.repeat(235)}`;
    expect(at255.length).toBe(255);
    expect(codeFor(site, at255)).toBe('ok');
    expect(codeFor(site, `${at255}p`)).toBe('INVALID_DATA');
    expect(codeFor(makeField('website'), `${at255}p`)).toBe('INVALID_DATA');
  });

  it('finishes on 10,000-character inputs built to backtrack', () => {
    const wide = makeField('website', { length: 100_000 });
    expect(codeFor(wide, `a${'.a'.repeat(LONG / 2)}.`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `a.b${'/'.repeat(LONG)}\n`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `a.b${'?'.repeat(LONG)}\n`)).toBe('INVALID_DATA');
    expect(codeFor(wide, `${'a'.repeat(LONG)}`)).toBe('INVALID_DATA');
  });
});
