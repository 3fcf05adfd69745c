import { describe, expect, it } from 'vitest';
import { UniqueTracker } from '../../../shared/validation';

describe('UniqueTracker', () => {
  it('reports every repeat after the first row, naming the first row', () => {
    const t = new UniqueTracker();
    expect(t.track({ row: 12, field: 'Email', value: 'a@example.com', column: 'E-mail' })).toBeNull();
    expect(t.track({ row: 13, field: 'Email', value: 'b@example.com' })).toBeNull();
    const dup = t.track({ row: 40, field: 'Email', value: 'a@example.com', column: 'E-mail' });
    expect(dup).toMatchObject({ row: 40, column: 'E-mail', field: 'Email', code: 'DUPLICATE_DATA', severity: 'error' });
    expect(dup?.message).toContain('also in row 12');
    expect(t.track({ row: 41, field: 'Email', value: 'a@example.com' })?.message).toContain('also in row 12');
  });

  it('ignores letter case by default, as Zoho does', () => {
    const t = new UniqueTracker();
    t.track({ row: 1, field: 'Email', value: 'Jo@Example.com' });
    const dup = t.track({ row: 2, field: 'Email', value: 'jo@example.COM' });
    expect(dup?.code).toBe('DUPLICATE_DATA');
    expect(dup?.message).toContain('letter case ignored');
  });

  it('honours case sensitivity', () => {
    const t = new UniqueTracker();
    expect(t.track({ row: 1, field: 'Code', value: 'AB-1', caseSensitive: true })).toBeNull();
    expect(t.track({ row: 2, field: 'Code', value: 'ab-1', caseSensitive: true })).toBeNull();
    expect(t.track({ row: 3, field: 'Code', value: 'AB-1', caseSensitive: true })?.message).toContain('also in row 1');
  });

  it('keeps fields apart', () => {
    const t = new UniqueTracker();
    t.track({ row: 1, field: 'Email', value: 'x' });
    expect(t.track({ row: 2, field: 'Code', value: 'x' })).toBeNull();
    expect(t.firstRow('Email', 'X')).toBe(1);
    expect(t.firstRow('Code', 'x')).toBe(2);
    expect(t.firstRow('Code', 'y')).toBeNull();
  });

  it('ignores empty and blank values', () => {
    const t = new UniqueTracker();
    for (const [row, value] of [[1, ''], [2, ''], [3, '  '], [4, '  ']] as const) {
      expect(t.track({ row, field: 'Email', value })).toBeNull();
    }
    expect(t.size).toBe(0);
  });

  it('compares values verbatim otherwise (spaces count)', () => {
    const t = new UniqueTracker();
    t.track({ row: 1, field: 'Email', value: 'a@example.com' });
    expect(t.track({ row: 2, field: 'Email', value: 'a@example.com ' })).toBeNull();
  });

  it('forgets everything on clear', () => {
    const t = new UniqueTracker();
    t.track({ row: 1, field: 'Email', value: 'a' });
    t.clear();
    expect(t.track({ row: 2, field: 'Email', value: 'a' })).toBeNull();
  });

  it('handles a million rows', () => {
    const t = new UniqueTracker();
    const ROWS = 1_000_000;
    const DISTINCT = 900_000;
    let duplicates = 0;
    let firstDuplicate: string | null = null;
    for (let row = 1; row <= ROWS; row++) {
      // Rows past DISTINCT repeat earlier values, in upper case for odd rows.
      const n = (row - 1) % DISTINCT;
      const value = row % 2 === 1 ? `USER${n}@EXAMPLE.COM` : `user${n}@example.com`;
      const dup = t.track({ row, field: 'Email', value });
      if (dup !== null) {
        duplicates++;
        firstDuplicate ??= dup.message;
      }
    }
    expect(duplicates).toBe(ROWS - DISTINCT);
    expect(t.size).toBe(DISTINCT);
    expect(firstDuplicate).toContain('also in row 1 (');
    expect(t.firstRow('Email', `user${DISTINCT - 1}@example.com`)).toBe(DISTINCT);
  });
});
