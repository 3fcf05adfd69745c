import { describe, expect, it } from 'vitest';
import { changeCase, titleCase, trimText } from '../../../electron/core/engines/transform';

describe('trimText', () => {
  it('trims the ends and collapses spaces, tabs and NBSP to one space', () => {
    expect(trimText('  Ada \t\u00a0 Lovelace\u202f ')).toBe('Ada Lovelace');
    expect(trimText('\uFEFFAcme Ltd')).toBe('Acme Ltd');
  });

  it('keeps single line breaks, one blank line at most, and writes them as \\n', () => {
    expect(trimText('  12 Main St \r\n  Flat 3  ')).toBe('12 Main St\nFlat 3');
    expect(trimText('First\r\r\n\n\nSecond')).toBe('First\n\nSecond');
    expect(trimText('\n\n  Note  \n\n')).toBe('Note');
  });

  it('gives an empty string for whitespace only', () => {
    expect(trimText(' \t\u00a0\n ')).toBe('');
  });

  it('leaves zero-width joiners in emoji alone', () => {
    expect(trimText(' 👩‍💻 dev ')).toBe('👩‍💻 dev');
  });
});

describe('changeCase', () => {
  it('upper and lower case with Unicode letters', () => {
    expect(changeCase('élodie müller', 'upper')).toBe('ÉLODIE MÜLLER');
    expect(changeCase('ÉLODIE ØRSTED', 'lower')).toBe('élodie ørsted');
    expect(changeCase('straße', 'upper')).toBe('STRASSE');
  });

  it.each([
    ["o'brien-smith", "O'Brien-Smith"],
    ['MCDONALD', 'Mcdonald'],
    ["d’angelo", 'D’Angelo'],
    ["DON'T STOP", "Don't Stop"],
    ["ada's company", "Ada's Company"],
    ['jean-luc picard', 'Jean-Luc Picard'],
    ['j.r.r. tolkien', 'J.R.R. Tolkien'],
    ['élodie ÉCLAIR', 'Élodie Éclair'],
    ['3rd avenue (east)', '3rd Avenue (East)'],
    ['smith/jones', 'Smith/Jones'],
  ])('title-cases %s as %s', (input, expected) => {
    expect(titleCase(input)).toBe(expected);
    expect(changeCase(input, 'title')).toBe(expected);
  });

  it('keeps line breaks while changing case', () => {
    expect(changeCase('line one\nline two', 'title')).toBe('Line One\nLine Two');
  });
});
