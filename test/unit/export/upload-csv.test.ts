import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { humanLine, spreadsheetSafe, uploadCell, uploadLine } from '../../../electron/core/engines/export/upload-csv';

describe('upload CSV quoting', () => {
  it('quotes only cells that hold a comma, a quote, CR or LF, and doubles quotes', () => {
    expect(uploadCell('plain', false)).toBe('plain');
    expect(uploadCell('a,b', false)).toBe('"a,b"');
    expect(uploadCell('say "hi"', false)).toBe('"say ""hi"""');
    expect(uploadCell('two\nlines', false)).toBe('"two\nlines"');
    expect(uploadCell('cr\rhere', false)).toBe('"cr\rhere"');
    expect(uploadCell('', false)).toBe('');
  });

  it('always quotes multi-select values', () => {
    expect(uploadCell('Analytics;Bigdata', true)).toBe('"Analytics;Bigdata"');
    expect(uploadLine(['x', 'A;B'], [false, true])).toBe('x,"A;B"\r\n');
  });

  it('never changes a value: leading zeros, spaces, emoji, accents, formulas and line breaks read back as given', () => {
    const values = ['0012345600012', '  padded  ', 'Zoë Ñandú 🚀', '=SUM(A1:A2)', '-5', '+44 20', 'line 1\r\nline 2\nline 3', '"quoted"', '@mention', '\ttab'];
    const line = uploadLine(values, values.map(() => false));
    expect(line.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(line.slice(0, -2), { header: false });
    expect(parsed.data[0]).toEqual(values);
  });
});

describe('spreadsheet-safe human CSV cells', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (v) => {
    expect(spreadsheetSafe(v)).toBe(`'${v}`);
  });

  it('leaves other cells alone and still quotes what needs it', () => {
    expect(spreadsheetSafe('Ada')).toBe('Ada');
    expect(spreadsheetSafe('a=b')).toBe('a=b');
    expect(humanLine(['=cmd|x', 'a,b', 'ok'])).toBe(`'=cmd|x,"a,b",ok\r\n`);
  });
});
