import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUtf8, detectEncoding } from '../../../electron/core/engines/import/detect-encoding';
import { TESTDATA } from '../../helpers/temp-dir';

const EDGE = path.join(TESTDATA, 'csv-edge');
const read = (rel: string): Uint8Array => fs.readFileSync(path.join(EDGE, rel));
const whole = (rel: string): ReturnType<typeof detectEncoding> => detectEncoding(read(rel), true);

describe('detectEncoding on real files', () => {
  it('reads byte order marks as certain', () => {
    expect(whole('csv-parser-fixtures/bench/utf16.csv')).toEqual({ encoding: 'utf-16le', bom: true, confidence: 'certain' });
    expect(whole('csv-parser-fixtures/bench/utf16-big.csv')).toEqual({ encoding: 'utf-16be', bom: true, confidence: 'certain' });
    expect(whole('csvkit-examples/test_utf16_little.csv')).toEqual({ encoding: 'utf-16le', bom: true, confidence: 'certain' });
    expect(whole('csvkit-examples/test_utf16_big.csv')).toEqual({ encoding: 'utf-16be', bom: true, confidence: 'certain' });
    expect(whole('csvkit-examples/test_utf8_bom.csv')).toEqual({ encoding: 'utf-8', bom: true, confidence: 'certain' });
    expect(whole('papaparse-tests/utf-8-bom-sample.csv')).toEqual({ encoding: 'utf-8', bom: true, confidence: 'certain' });
  });

  it('tells UTF-8 from Latin-1 bytes', () => {
    expect(whole('csv-parser-fixtures/bench/utf8.csv')).toEqual({ encoding: 'utf-8', bom: false, confidence: 'certain' });
    expect(whole('csvkit-examples/test_utf8.csv')).toEqual({ encoding: 'utf-8', bom: false, confidence: 'certain' });
    expect(whole('csv-parser-fixtures/bench/latin.csv')).toEqual({ encoding: 'windows-1252', bom: false, confidence: 'likely' });
    expect(whole('csvkit-examples/test_latin1.csv')).toEqual({ encoding: 'windows-1252', bom: false, confidence: 'likely' });
  });

  it('calls plain ASCII likely UTF-8, and a stray NUL byte does not make it UTF-16', () => {
    expect(whole('csvkit-examples/dummy.csv')).toEqual({ encoding: 'utf-8', bom: false, confidence: 'likely' });
    expect(whole('csvkit-examples/null_byte.csv')).toEqual({ encoding: 'utf-8', bom: false, confidence: 'likely' });
    expect(detectEncoding(new Uint8Array(0), true).encoding).toBe('utf-8');
  });

  it('finds UTF-16 without a BOM from its NUL bytes', () => {
    const le = read('csvkit-examples/test_utf16_little.csv').subarray(2);
    const be = read('csvkit-examples/test_utf16_big.csv').subarray(2);
    expect(detectEncoding(le, true)).toEqual({ encoding: 'utf-16le', bom: false, confidence: 'likely' });
    expect(detectEncoding(be, true)).toEqual({ encoding: 'utf-16be', bom: false, confidence: 'likely' });
    // Text in another script still has ASCII delimiters and line breaks.
    const cyrillic = Buffer.from('имя;фамилия\nИван;Петров\nОльга;Смирнова\n', 'utf16le');
    expect(detectEncoding(cyrillic, true).encoding).toBe('utf-16le');
    const chinese = Buffer.from('姓名,城市\r\n张三,北京\r\n李四,上海\r\n', 'utf16le').swap16();
    expect(detectEncoding(chinese, true).encoding).toBe('utf-16be');
  });

  it('tolerates a character cut by the end of the sample, but not at the end of a whole file', () => {
    const text = Buffer.from('name\nZoë €\n', 'utf8');
    const cut = text.subarray(0, text.indexOf(0xe2) + 1); // inside the three bytes of €
    expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8', bom: false, confidence: 'certain' });
    expect(detectEncoding(cut, true).encoding).toBe('windows-1252');
  });

  it('looks at 64 KiB at most', () => {
    const big = Buffer.alloc(200 * 1024, 0x61);
    big[100 * 1024] = 0xe9; // a Latin-1 é far beyond the sample
    expect(detectEncoding(big, true)).toEqual({ encoding: 'utf-8', bom: false, confidence: 'likely' });
  });
});

describe('checkUtf8', () => {
  const check = (bytes: number[]): ReturnType<typeof checkUtf8> => checkUtf8(Uint8Array.from(bytes));

  it('accepts every well-formed sequence length', () => {
    expect(check([...Buffer.from('aé€😀', 'utf8')])).toEqual({ end: 10, truncated: false, ascii: false });
    expect(check([0x61, 0x62])).toEqual({ end: 2, truncated: false, ascii: true });
  });

  it('refuses overlong forms, surrogates, code points above U+10FFFF and stray continuation bytes', () => {
    expect(check([0x61, 0xc0, 0xaf]).end).toBe(1); // overlong '/'
    expect(check([0xe0, 0x80, 0xaf]).end).toBe(0); // overlong
    expect(check([0xed, 0xa0, 0x80]).end).toBe(0); // UTF-16 surrogate D800
    expect(check([0xf4, 0x90, 0x80, 0x80]).end).toBe(0); // U+110000
    expect(check([0x61, 0x80]).end).toBe(1);
    expect(check([0xe9, 0x61]).truncated).toBe(false);
  });

  it('marks a valid sequence cut at the end as truncated', () => {
    expect(check([0x61, 0xf0, 0x9f, 0x98])).toEqual({ end: 1, truncated: true, ascii: false });
  });
});
