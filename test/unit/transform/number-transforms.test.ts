import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyTransforms, toNumber } from '../../../electron/core/engines/transform';
import { TESTDATA } from '../../helpers/temp-dir';

const CSVKIT = path.join(TESTDATA, 'csv-edge', 'csvkit-examples');

function firstRow(file: string): string[] {
  const rows = Papa.parse<string[]>(fs.readFileSync(path.join(CSVKIT, file), 'utf8'), { skipEmptyLines: true }).data;
  return rows[1] as string[];
}

describe('toNumber', () => {
  it.each([
    ['1.234,56', ',', '1234.56'],
    ['1,234.56', '.', '1234.56'],
    ['1 234 567,89', ',', '1234567.89'],
    ['1\u00a0234,5', ',', '1234.5'],
    ['1\u202f234,5', ',', '1234.5'],
    ["1'234.50", '.', '1234.50'],
    ['1’234.50', '.', '1234.50'],
    ['12,34,567.00', '.', '1234567.00'],
    ['(12.50)', '.', '-12.50'],
    ['-12,5', ',', '-12.5'],
    ['−7', '.', '-7'],
    ['+3.5', '.', '3.5'],
    ['$1,234.56', '.', '1234.56'],
    ['12,50 €', ',', '12.50'],
    ['(€1.000,00)', ',', '-1000.00'],
    ['-$5', '.', '-5'],
    ['007', '.', '7'],
    ['00.11', '.', '0.11'],
    ['0.1', '.', '0.1'],
    [',5', ',', '0.5'],
    ['5.', '.', '5'],
    ['-0', '.', '0'],
    ['-0,00', ',', '0.00'],
    ['  42  ', '.', '42'],
  ] as const)('%s with decimal %s → %s', (input, decimal, expected) => {
    expect(toNumber(input, decimal)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1,2,3', ',', 'more than one decimal separator'],
    ['1.2.3', '.', 'more than one decimal separator'],
    ['4.5', ',', 'thousands separator cannot be'],
    ['1,23', '.', 'thousands separator cannot be'],
    ['0.123', ',', 'thousands separator cannot be'],
    ['1..234', ',', 'thousands separator cannot be'],
    ['1.234,5.6', ',', 'separators after the decimal'],
    ['1,234.5,6', '.', 'separators after the decimal'],
    ['12 kg', '.', 'is not a number'],
    ['abc', '.', 'is not a number'],
    ['.', '.', 'is not a number'],
    ['1.5E+3', '.', 'scientific notation'],
    ['--5', '.', 'is not a number'],
  ] as const)('refuses %s with decimal %s', (input, decimal, words) => {
    const r = toNumber(input, decimal);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(words);
    expect(r.ok ? '' : r.reason).toContain(`“${input}”`);
  });

  it('reads the csvkit German-style locale row with decimal comma', () => {
    const [a, b, c] = firstRow('test_locale.csv');
    expect(toNumber(a as string, ',')).toEqual({ ok: true, value: '1.7' });
    expect(toNumber(b as string, ',')).toEqual({ ok: true, value: '200000000' });
    expect(toNumber(c as string, ',')).toEqual({ ok: true, value: '' });
    // Declared the wrong way round, the same cells are refused rather than misread.
    expect(toNumber(a as string, '.').ok).toBe(false);
    expect(toNumber(b as string, '.').ok).toBe(false);
  });

  it('keeps 4.5 a number and strips leading zeros only when asked to convert', () => {
    const [n] = firstRow('date_like_number.csv');
    expect(toNumber(n as string, '.')).toEqual({ ok: true, value: '4.5' });
    const zeros = firstRow('test_no_leading_zeroes.csv');
    expect(zeros).toEqual(['01', '00.11', '0.1']);
    expect(zeros.map((v) => toNumber(v, '.'))).toEqual([
      { ok: true, value: '1' },
      { ok: true, value: '0.11' },
      { ok: true, value: '0.1' },
    ]);
    // Text columns (zip codes, account numbers) keep their zeros: no transform, no change.
    expect(zeros.map((v) => applyTransforms(v, []))).toEqual(zeros.map((value) => ({ ok: true, value })));
    expect(zeros.map((v) => applyTransforms(v, [{ kind: 'trim' }]))).toEqual(zeros.map((value) => ({ ok: true, value })));
  });
});
