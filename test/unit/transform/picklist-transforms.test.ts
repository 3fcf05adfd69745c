import { describe, expect, it } from 'vitest';
import { mapPicklist, toMultiselect } from '../../../electron/core/engines/transform';

const STAGES: Record<string, string> = {
  'closed won': 'Closed Won',
  'Closed Won': 'Closed Won',
  won: 'Closed Won',
  Lost: 'Closed Lost',
  'Qualification ': 'Qualification',
};

describe('mapPicklist', () => {
  it('matches exactly first', () => {
    expect(mapPicklist('won', STAGES)).toBe('Closed Won');
    expect(mapPicklist('Lost', STAGES)).toBe('Closed Lost');
  });

  it('then ignores case and whitespace', () => {
    expect(mapPicklist('WON', STAGES)).toBe('Closed Won');
    expect(mapPicklist('  lost\u00a0', STAGES)).toBe('Closed Lost');
    expect(mapPicklist('ClosedWon', STAGES)).toBe('Closed Won');
    expect(mapPicklist('qualification', STAGES)).toBe('Qualification');
  });

  it('passes values absent from the table through unchanged', () => {
    expect(mapPicklist('Negotiation', STAGES)).toBe('Negotiation');
    expect(mapPicklist(' odd  spacing ', STAGES)).toBe(' odd  spacing ');
    expect(mapPicklist('constructor', STAGES)).toBe('constructor');
    expect(mapPicklist('__proto__', STAGES)).toBe('__proto__');
  });

  it('guesses nothing when loose matches disagree', () => {
    const table = { 'A B': 'first', ab: 'second' };
    expect(mapPicklist('A B', table)).toBe('first');
    expect(mapPicklist('a b', table)).toBe('a b');
  });

  it('maps accented keys whatever their Unicode form', () => {
    expect(mapPicklist('Cafe\u0301', { café: 'Café' })).toBe('Café');
  });
});

describe('toMultiselect', () => {
  it('splits, trims, drops empties and repeats, and joins with ;', () => {
    expect(toMultiselect('Red, Green ,,Blue, Red', ',')).toEqual({ ok: true, value: 'Red;Green;Blue' });
    expect(toMultiselect('a | b|c', '|')).toEqual({ ok: true, value: 'a;b;c' });
    expect(toMultiselect('one and two', ' and ')).toEqual({ ok: true, value: 'one;two' });
    expect(toMultiselect('x;y; ;x', ';')).toEqual({ ok: true, value: 'x;y' });
    expect(toMultiselect('Red\nBlue', '\n')).toEqual({ ok: true, value: 'Red;Blue' });
  });

  it('keeps case-distinct values and gives empty for separators only', () => {
    expect(toMultiselect('red,Red', ',')).toEqual({ ok: true, value: 'red;Red' });
    expect(toMultiselect(' , , ', ',')).toEqual({ ok: true, value: '' });
  });

  it('refuses items containing ; and a missing separator', () => {
    const r = toMultiselect('a;b, c', ',');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('“a;b” contains “;”');
    expect(toMultiselect('a,b', '').ok).toBe(false);
  });
});
