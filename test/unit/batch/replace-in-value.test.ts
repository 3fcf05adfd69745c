import { describe, expect, it } from 'vitest';
import { replaceInValue } from '../../../electron/core/engines/batch/replace-in-value';

const rule = (find: string, replacement: string, matchCase = false, wholeCell = false) => ({ find, replacement, matchCase, wholeCell });

describe('replaceInValue', () => {
  it('replaces every occurrence of a substring, ignoring case unless asked', () => {
    expect(replaceInValue('a(at)b(AT)c', rule('(at)', '@'))).toBe('a@b@c');
    expect(replaceInValue('a(at)b(AT)c', rule('(at)', '@', true))).toBe('a@b(AT)c');
    expect(replaceInValue('abc', rule('x', 'y'))).toBeNull();
  });

  it('whole-cell matches only the whole value', () => {
    expect(replaceInValue('N/A', rule('n/a', '', false, true))).toBe('');
    expect(replaceInValue('N/A here', rule('n/a', '', false, true))).toBeNull();
  });

  it('takes the user’s text literally: no regular expressions, no $ patterns', () => {
    expect(replaceInValue('1.5', rule('.', ','))).toBe('1,5');
    expect(replaceInValue('price', rule('price', '$&$1'))).toBe('$&$1');
    expect(replaceInValue('Price', rule('price', '$&'))).toBe('$&');
  });

  it('keeps accents and emoji', () => {
    expect(replaceInValue('Zoë 😀', rule('ë', 'e'))).toBe('Zoe 😀');
  });
});
