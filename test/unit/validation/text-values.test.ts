import { describe, expect, it } from 'vitest';
import { checkValue, codePointLength } from '../../../shared/validation';
import { codeFor, makeField, messageFor } from './make-field';

const EMOJI = '😀'; // one code point, two UTF-16 units

describe('codePointLength', () => {
  it('counts an astral character as one', () => {
    expect(EMOJI.length).toBe(2);
    expect(codePointLength(EMOJI)).toBe(1);
    expect(codePointLength(`a${EMOJI}b${EMOJI}`)).toBe(4);
  });

  it('counts a lone surrogate as one', () => {
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('a\ude00')).toBe(2);
  });
});

describe('text', () => {
  const text = makeField('text', { label: 'Last Name', length: 80 });

  it('accepts up to the field length and refuses one more', () => {
    expect(codeFor(text, 'x'.repeat(80))).toBe('ok');
    expect(codeFor(text, 'x'.repeat(81))).toBe('INVALID_DATA');
    expect(messageFor(text, 'x'.repeat(81))).toContain('is 81 characters long; Last Name takes at most 80 characters');
  });

  it('defaults to 255 characters', () => {
    const plain = makeField('text');
    expect(codeFor(plain, 'y'.repeat(255))).toBe('ok');
    expect(codeFor(plain, 'y'.repeat(256))).toBe('INVALID_DATA');
  });

  it('counts an emoji as one character', () => {
    expect(codeFor(text, EMOJI.repeat(80))).toBe('ok');
    expect(codeFor(text, EMOJI.repeat(81))).toBe('INVALID_DATA');
    expect(codeFor(text, `${'x'.repeat(79)}${EMOJI}`)).toBe('ok');
  });

  it('takes any characters, spaces and quotes included', () => {
    expect(codeFor(text, "Mike O'Leary")).toBe('ok');
    expect(codeFor(text, '  padded  ')).toBe('ok');
    expect(codeFor(text, 'Ünïcödé — 名前')).toBe('ok');
  });

  it('treats the empty string as no value', () => {
    expect(checkValue(text, '')).toBeNull();
  });

  it('cuts a long value in its message without splitting an emoji', () => {
    const message = messageFor(text, EMOJI.repeat(100));
    expect(message).toContain(`“${EMOJI.repeat(40)}…”`);
    expect(message).not.toContain('\ud83d”');
  });

  it('quotes a value of 40 emoji whole, although it is 80 UTF-16 units long', () => {
    expect(messageFor(makeField('text', { length: 1 }), EMOJI.repeat(40))).toContain(`“${EMOJI.repeat(40)}” is 40 characters long`);
  });
});

describe('textarea', () => {
  it('uses the field length when the metadata gives one', () => {
    const f = makeField('textarea', { length: 32000, textareaType: 'small' });
    expect(codeFor(f, 'z'.repeat(32000))).toBe('ok');
    expect(codeFor(f, 'z'.repeat(32001))).toBe('INVALID_DATA');
  });

  it.each([
    ['small', 2000],
    ['large', 32000],
    ['rich_text', 50000],
  ])('falls back to the %s limit of %i', (type, max) => {
    const f = makeField('textarea', { textareaType: type });
    expect(codeFor(f, 'z'.repeat(max))).toBe('ok');
    expect(codeFor(f, 'z'.repeat(max + 1))).toBe('INVALID_DATA');
  });

  it('treats a textarea of unknown size as small', () => {
    const f = makeField('textarea');
    expect(codeFor(f, 'z'.repeat(2000))).toBe('ok');
    expect(codeFor(f, 'z'.repeat(2001))).toBe('INVALID_DATA');
  });

  it('counts emoji and line breaks like any character', () => {
    const f = makeField('textarea', { textareaType: 'small' });
    expect(codeFor(f, `${'line\r\n'.repeat(333)}${EMOJI}`)).toBe('ok'); // 1998 + 1
    expect(codeFor(f, EMOJI.repeat(2001))).toBe('INVALID_DATA');
  });
});

describe('picklist', () => {
  const stage = makeField('picklist', { label: 'Stage', picklist: ['Qualification', 'Closed Won', 'Closed Lost'] });

  it('accepts a listed value', () => {
    expect(checkValue(stage, 'Closed Won')).toBeNull();
  });

  it('warns that Zoho adds a new value', () => {
    const v = checkValue(stage, 'Negotiation');
    expect(v).toEqual({ code: 'NEW_PICKLIST_VALUE', severity: 'warning', message: expect.stringContaining('Zoho will add it to the list') });
    expect(v?.message).toContain('“Negotiation” is not in the Stage picklist');
  });

  it('compares exactly, and names the value that differs only in case', () => {
    const v = checkValue(stage, 'closed won');
    expect(v?.code).toBe('NEW_PICKLIST_VALUE');
    expect(v?.message).toContain('did you mean “Closed Won”?');
  });

  it('accepts anything when the list is unknown or empty', () => {
    expect(checkValue(makeField('picklist'), 'whatever')).toBeNull();
    expect(checkValue(makeField('picklist', { picklist: [] }), 'whatever')).toBeNull();
  });

  it('refuses a value longer than the field', () => {
    const salutation = makeField('picklist', { length: 25, picklist: ['Mr.', 'Ms.'] });
    expect(codeFor(salutation, 'S'.repeat(25))).toBe('NEW_PICKLIST_VALUE');
    expect(codeFor(salutation, 'S'.repeat(26))).toBe('INVALID_DATA');
  });
});

describe('multiselectpicklist', () => {
  const tags = makeField('multiselectpicklist', { label: 'Interests', picklist: ['Analytics', 'Bigdata', 'Cloud'] });

  it('accepts known values separated by semicolons, with spaces around them', () => {
    expect(checkValue(tags, 'Analytics;Bigdata')).toBeNull();
    expect(checkValue(tags, ' Analytics ; Cloud ')).toBeNull();
    expect(checkValue(tags, 'Cloud')).toBeNull();
  });

  it('ignores empty parts', () => {
    expect(checkValue(tags, 'Analytics;;Cloud;')).toBeNull();
  });

  it('lists every unknown value in one warning, once each', () => {
    const v = checkValue(tags, 'Analytics;AI;Robots;AI');
    expect(v?.code).toBe('NEW_PICKLIST_VALUE');
    expect(v?.severity).toBe('warning');
    expect(v?.message).toBe('“AI”, “Robots” are not in the Interests picklist; Zoho will add them to the list.');
  });

  it('uses the singular for one unknown value', () => {
    expect(messageFor(tags, 'Bigdata;AI')).toBe('“AI” is not in the Interests picklist; Zoho will add it to the list.');
  });

  it('accepts anything when the list is unknown', () => {
    expect(checkValue(makeField('multiselectpicklist'), 'a;b;c')).toBeNull();
  });

  it('checks the whole cell against the field length', () => {
    const f = makeField('multiselectpicklist', { length: 10, picklist: ['abcd'] });
    expect(codeFor(f, 'abcd;abcde')).toBe('NEW_PICKLIST_VALUE');
    expect(codeFor(f, 'abcd;abcdef')).toBe('INVALID_DATA');
  });
});

describe('unknown data types', () => {
  it('get the text rule with its 255 default', () => {
    const f = makeField('territories');
    expect(codeFor(f, 'x'.repeat(255))).toBe('ok');
    expect(codeFor(f, 'x'.repeat(256))).toBe('INVALID_DATA');
  });

  it('use the field length when there is one', () => {
    const layout = makeField('layout', { length: 50 });
    expect(codeFor(layout, '4150868000000091055')).toBe('ok');
    expect(codeFor(layout, 'x'.repeat(51))).toBe('INVALID_DATA');
  });
});
