import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvReader, type CsvEncoding } from '../../../electron/core/engines/csv/csv-byte-reader';
import { rowCells } from '../../../electron/core/engines/csv/csv-batch-sink';
import type { TokenBatch } from '../../../electron/core/engines/csv/csv-tokenizer';
import { TESTDATA } from '../../helpers/temp-dir';

const EDGE = path.join(TESTDATA, 'csv-edge');
const read = (rel: string): Uint8Array => fs.readFileSync(path.join(EDGE, rel));

/** Reads `bytes` in chunks of the given sizes (cycled), as a stream would deliver them. */
function readAll(bytes: Uint8Array, encoding: CsvEncoding, chunkSizes: number[] = [bytes.length || 1], delimiter = ','): string[][] {
  const reader = createCsvReader(encoding, delimiter);
  const batches: TokenBatch[] = [];
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = chunkSizes[k % chunkSizes.length] as number;
    batches.push(reader.push(bytes.subarray(at, at + size)));
    at += size;
    k += 1;
  }
  batches.push(reader.end());
  const rows: string[][] = [];
  for (const b of batches) {
    for (let r = 0; r < b.rowCount; r += 1) {
      rows.push(rowCells(b, r));
    }
  }
  return rows;
}

/** The same rows whatever the chunking: whole, and in 1, 2, 3 and 7-byte pieces. */
function readEveryWay(bytes: Uint8Array, encoding: CsvEncoding, delimiter = ','): string[][] {
  const whole = readAll(bytes, encoding, [bytes.length || 1], delimiter);
  for (const sizes of [[1], [2], [3], [7], [5, 1, 2]]) {
    expect(readAll(bytes, encoding, sizes, delimiter)).toEqual(whole);
  }
  return whole;
}

const ABC = [
  ['a', 'b', 'c'],
  ['1', '2', '3'],
  ['4', '5', 'ʤ'],
];

describe('createCsvReader', () => {
  it('reads UTF-16 LE and BE with their BOMs', () => {
    expect(readEveryWay(read('csv-parser-fixtures/bench/utf16.csv'), 'utf-16le')).toEqual(ABC);
    expect(readEveryWay(read('csv-parser-fixtures/bench/utf16-big.csv'), 'utf-16be')).toEqual(ABC);
    expect(readEveryWay(read('csvkit-examples/test_utf16_little.csv'), 'utf-16le')).toEqual(ABC);
    expect(readEveryWay(read('csvkit-examples/test_utf16_big.csv'), 'utf-16be')).toEqual(ABC);
  });

  it('reads UTF-16 without a BOM, and keeps a surrogate pair split across chunks whole', () => {
    const text = 'name,icon\r\nSmile,😀\r\n"Zoë, ""Z""",€\r\n';
    const expected = [
      ['name', 'icon'],
      ['Smile', '😀'],
      ['Zoë, "Z"', '€'],
    ];
    expect(readEveryWay(Buffer.from(text, 'utf16le'), 'utf-16le')).toEqual(expected);
    expect(readEveryWay(Buffer.from(text, 'utf16le').swap16(), 'utf-16be')).toEqual(expected);
  });

  it('reads Windows-1252 bytes, € and curly quotes included (not as Latin-1)', () => {
    // é = E9, € = 80, ’ = 92, Ÿ = 9F; 81 is undefined in Windows-1252 and passes through as U+0081.
    const bytes = Uint8Array.from([...Buffer.from('name;price\n', 'latin1'), 0x43, 0x61, 0x66, 0xe9, 0x3b, 0x35, 0x80, 0x0a, 0x92, 0x9f, 0x81, 0x3b, 0x0a]);
    expect(readEveryWay(bytes, 'windows-1252', ';')).toEqual([
      ['name', 'price'],
      ['Café', '5€'],
      ['’Ÿ\u0081', ''],
    ]);
    expect(readEveryWay(read('csv-parser-fixtures/bench/latin.csv'), 'windows-1252')).toEqual([...ABC.slice(0, 2), ['4', '5', '©']]);
  });

  it('skips a UTF-8 BOM, also when the first chunk holds only part of it', () => {
    const rows = readEveryWay(read('csvkit-examples/test_utf8_bom.csv'), 'utf-8');
    expect(rows[0]).toEqual(['foo', 'bar', 'baz']);
    expect(readEveryWay(read('papaparse-tests/utf-8-bom-sample.csv'), 'utf-8')).toEqual([
      ['A', 'B', 'C'],
      ['X', 'Y', 'Z'],
    ]);
    // A BOM-like sequence later in the file is data.
    expect(readAll(Buffer.from('a\n\uFEFFb\n', 'utf8'), 'utf-8', [2])).toEqual([['a'], ['\uFEFFb']]);
  });

  it('reads CR-only line endings, with a CR inside a quoted field', () => {
    expect(readEveryWay(read('csv-parser-fixtures/bench/mac-newlines.csv'), 'utf-8')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon\ra time', '5', '6'],
    ]);
  });

  it('keeps quoted line breaks and escaped quotes in one cell', () => {
    expect(readEveryWay(read('csv-parser-fixtures/quotes+newlines.csv'), 'utf-8')).toEqual([
      ['a', 'b'],
      ['1', 'ha \n"ha" \nha'],
      ['2', ' \n"" \n'],
      ['3', '4'],
    ]);
  });

  it('hands ragged rows on as they are', () => {
    expect(readEveryWay(read('csv-parser-fixtures/strict-false-less-columns.csv'), 'utf-8')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5'],
      ['6', '7', '8'],
    ]);
    expect(readEveryWay(read('csv-parser-fixtures/strict-false-more-columns.csv'), 'utf-8')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6', '7'],
      ['8', '9', '10'],
    ]);
  });

  it('refuses bytes that are not valid in the chosen encoding, naming the row', () => {
    const latin = read('csv-parser-fixtures/bench/latin.csv');
    for (const sizes of [[latin.length], [1], [4]]) {
      expect(() => readAll(latin, 'utf-8', sizes)).toThrow(expect.objectContaining({ code: 'ENCODING_MISMATCH', message: expect.stringMatching(/^Row 3: .*UTF-8/) }));
    }
    const loneSurrogate = Buffer.from([0x61, 0x00, 0x0a, 0x00, 0x00, 0xdc, 0x0a, 0x00]);
    expect(() => readAll(loneSurrogate, 'utf-16le')).toThrow(expect.objectContaining({ code: 'ENCODING_MISMATCH', message: expect.stringMatching(/^Row 2: /) }));
    const oddByte = Buffer.from([0x61, 0x00, 0x0a, 0x00, 0x62]);
    expect(() => readAll(oddByte, 'utf-16le', [1])).toThrow(expect.objectContaining({ code: 'ENCODING_MISMATCH' }));
  });

  it('reads a UTF-8 file through the fast path in large chunks unchanged', () => {
    const lines = ['id,name,phone'];
    for (let i = 0; i < 5000; i += 1) {
      lines.push(`${i},"Zoë ""${i}""\n😀",00${i}`);
    }
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    const rows = readAll(bytes, 'utf-8', [65536, 1000, 3]);
    expect(rows).toHaveLength(5001);
    expect(rows[4001]).toEqual(['4000', 'Zoë "4000"\n😀', '004000']);
  });
});
