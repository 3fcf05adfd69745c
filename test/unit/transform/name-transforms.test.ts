import { describe, expect, it } from 'vitest';
import { namePart, splitName } from '../../../electron/core/engines/transform';

describe('splitName', () => {
  it.each([
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['Lovelace, Ada', 'Ada', 'Lovelace'],
    ['  Lovelace ,   Ada  King ', 'Ada King', 'Lovelace'],
    ['Dr. Ada King Lovelace', 'Ada King', 'Lovelace'],
    ['Prof. Dr. Hans Müller', 'Hans', 'Müller'],
    ['mrs ada lovelace', 'ada', 'lovelace'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Ludwig Mies van der Rohe', 'Ludwig Mies', 'van der Rohe'],
    ['Leonardo da Vinci', 'Leonardo', 'da Vinci'],
    ['Charles de Gaulle', 'Charles', 'de Gaulle'],
    ['Vincent Van Gogh', 'Vincent', 'Van Gogh'],
    ['Van Morrison', 'Van', 'Morrison'],
    ['Del Shannon', 'Del', 'Shannon'],
    ['Cher', '', 'Cher'],
    ['Dr', '', 'Dr'],
    ['Dr. Who', '', 'Who'],
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['Martin Luther King, Jr.', 'Martin Luther', 'King, Jr.'],
    ['King, Martin Luther, Jr.', 'Martin Luther', 'King, Jr.'],
    ['José María Aznar', 'José María', 'Aznar'],
    ['Ada\u00a0Lovelace', 'Ada', 'Lovelace'],
  ])('%s → first %j, last %j', (input, first, last) => {
    expect(splitName(input)).toEqual({ first, last });
  });

  it('refuses more than one comma', () => {
    const r = namePart('Lovelace, Ada, Countess', 'first');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('more than one comma');
  });

  it('gives each part as a transform result', () => {
    expect(namePart('Ada Lovelace', 'first')).toEqual({ ok: true, value: 'Ada' });
    expect(namePart('Ada Lovelace', 'last')).toEqual({ ok: true, value: 'Lovelace' });
    expect(namePart('Cher', 'first')).toEqual({ ok: true, value: '' });
  });
});
