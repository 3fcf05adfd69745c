import { describe, expect, it } from 'vitest';
import { editSimilarity, jaro, jaroWinkler, tokenSimilarity } from '../../../electron/core/engines/dedupe/similarity';
import { formalGivenName, sameGivenName } from '../../../electron/core/engines/dedupe/nicknames';

describe('string similarity', () => {
  it('Jaro and Jaro-Winkler give the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('same', 'same')).toBe(1);
    expect(jaroWinkler('', 'x')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('edit similarity and token similarity', () => {
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 5);
    expect(tokenSimilarity(['hotel', 'bel', 'air'], ['bel', 'air', 'hotel'])).toBe(1);
    expect(tokenSimilarity(['arts', 'deli'], ['arts', 'delicatessen'])).toBeGreaterThan(0.85);
    expect(tokenSimilarity(['cafe', 'bizou'], ['cafe', 'central'])).toBeLessThan(0.85);
    expect(tokenSimilarity([], ['x'])).toBe(0);
  });
});

describe('nicknames', () => {
  it('knows the usual English short forms, and no more', () => {
    expect(sameGivenName('bob', 'robert')).toBe(true);
    expect(sameGivenName('peggy', 'margaret')).toBe(true);
    expect(sameGivenName('alex', 'alexandra')).toBe(true);
    expect(sameGivenName('bob', 'bill')).toBe(false);
    expect(sameGivenName('zorro', 'zorro')).toBe(true);
    expect(formalGivenName('bobby')).toBe('robert');
    expect(formalGivenName('unknownname')).toBe('unknownname');
  });
});
