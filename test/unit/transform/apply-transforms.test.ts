import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../../../electron/core/engines/transform';
import type { Transform } from '../../../shared/domain/batch';

const EVERY_KIND: Transform[][] = [
  [{ kind: 'trim' }],
  [{ kind: 'case', to: 'title' }],
  [{ kind: 'split-name', part: 'first' }],
  [{ kind: 'date', order: 'dmy' }],
  [{ kind: 'datetime', order: 'dmy', timeZone: 'Europe/London' }],
  [{ kind: 'phone', e164: true, defaultCountry: 'GB' }],
  [{ kind: 'number', decimal: ',' }],
  [{ kind: 'boolean' }],
  [{ kind: 'picklist', table: { '': 'invented' } }],
  [{ kind: 'multiselect', separator: ',' }],
  [{ kind: 'lookup', by: 'email' }],
];

describe('applyTransforms', () => {
  it('returns values byte for byte when there are no transforms', () => {
    for (const v of ['007', 'Ünïcödé ñ', '👩‍💻 🚀', 'line\r\nbreak\n', '  padded  ', 'e\u0301', '\u00a0', '=1+2']) {
      expect(applyTransforms(v, [])).toEqual({ ok: true, value: v });
    }
  });

  it('keeps empty cells empty whatever the transform', () => {
    for (const transforms of EVERY_KIND) {
      expect(applyTransforms('', transforms)).toEqual({ ok: true, value: '' });
    }
  });

  it('applies transforms in order', () => {
    const t: Transform[] = [{ kind: 'trim' }, { kind: 'split-name', part: 'last' }, { kind: 'case', to: 'upper' }];
    expect(applyTransforms('  Ludwig   van Beethoven ', t)).toEqual({ ok: true, value: 'VAN BEETHOVEN' });
    const picklistThenCase: Transform[] = [{ kind: 'picklist', table: { y: 'yes' } }, { kind: 'boolean' }];
    expect(applyTransforms('Y', picklistThenCase)).toEqual({ ok: true, value: 'true' });
  });

  it('stops at the first transform that cannot convert, with its reason', () => {
    const t: Transform[] = [{ kind: 'trim' }, { kind: 'date', order: 'dmy' }, { kind: 'case', to: 'upper' }];
    expect(applyTransforms(' 31/02/2024 ', t)).toEqual({ ok: false, reason: '“31/02/2024” is not a real date in day/month/year order: February 2024 has 29 days' });
  });

  it('stops early when a transform empties the value', () => {
    const t: Transform[] = [{ kind: 'split-name', part: 'first' }, { kind: 'boolean' }];
    expect(applyTransforms('Cher', t)).toEqual({ ok: true, value: '' });
  });

  it('leaves lookups to the lookup resolver', () => {
    expect(applyTransforms(' Ada@Example.com ', [{ kind: 'lookup', by: 'email' }])).toEqual({ ok: true, value: ' Ada@Example.com ' });
  });

  it('converts one cell of every kind', () => {
    const cases: [string, Transform, string][] = [
      ['24/8/20', { kind: 'date', order: 'dmy' }, '2020-08-24'],
      ['24/8/20 9:05', { kind: 'datetime', order: 'dmy', timeZone: 'Europe/London' }, '2020-08-24T09:05:00+01:00'],
      ['020 7946 0000', { kind: 'phone', e164: true, defaultCountry: 'GB' }, '+442079460000'],
      ['1.234,56', { kind: 'number', decimal: ',' }, '1234.56'],
      ['Oui', { kind: 'boolean' }, 'true'],
      ['a, b', { kind: 'multiselect', separator: ',' }, 'a;b'],
    ];
    for (const [input, transform, expected] of cases) {
      expect(applyTransforms(input, [transform])).toEqual({ ok: true, value: expected });
    }
  });
});
